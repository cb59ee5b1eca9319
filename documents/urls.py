from django.urls import path

from . import feeds, views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    # Fixed words before <slug>: no document may take "feed", "id" or "participations".
    path("feed/", feeds.DocumentsFeed(), name="feed"),
    path("participations/", views.ParticipationDataView.as_view(), name="participations"),
    path("id/<str:identifier>/", views.by_identifier, name="by-identifier"),
    path("<slug:slug>/", views.DocumentDetailView.as_view(), name="detail"),
    path("<slug:slug>/file/", views.document_file, name="file"),
]
