"""Root URLs: the public URL contract of DESIGN.md, plus the admin."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import views
from .review import review_due
from .search.views import SearchView
from .sitemaps import sitemaps

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("divisions/", include("divisions.urls")),
    path("initiatives/", include("initiatives.urls")),
    path("topics/", include("initiatives.topic_urls")),
    path("faqs/", include("faqs.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("admin/review-due/", admin.site.admin_view(review_due), name="admin_review_due"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
]
