from django.urls import path

from . import views

app_name = "divisions"

urlpatterns = [
    path("", views.DivisionListView.as_view(), name="list"),
    path("<slug:slug>/", views.DivisionDetailView.as_view(), name="detail"),
]
