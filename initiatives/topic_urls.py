"""Topic pages live at /topics/<slug>/; the Topic model belongs to this app."""

from django.urls import path

from . import views

app_name = "topics"

urlpatterns = [
    path("<slug:slug>/", views.TopicDetailView.as_view(), name="detail"),
]
