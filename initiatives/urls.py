from django.urls import path

from . import feeds, views

app_name = "initiatives"

urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    # Fixed words before <slug>: an initiative cannot take the slug "overview" or "feed".
    path("overview/", views.InitiativeOverviewView.as_view(), name="overview"),
    path("feed/", feeds.InitiativesFeed(), name="feed"),
    path("feed/division/<slug:slug>/", feeds.DivisionInitiativesFeed(), name="division-feed"),
    path("feed/topic/<slug:slug>/", feeds.TopicInitiativesFeed(), name="topic-feed"),
    path("<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail"),
]
