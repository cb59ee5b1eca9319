"""The site's URLs plus the two reference views, for the benchmark server only."""

from django.urls import path

from asean_portal.urls import urlpatterns as site_urlpatterns
from bench import views

urlpatterns = [
    path("_bench/bytes/<int:size>/", views.fixed_bytes, name="bench-bytes"),
    path("_bench/rows/", views.fifty_rows, name="bench-rows"),
    *site_urlpatterns,
]
