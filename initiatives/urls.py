from django.urls import path

from . import feeds, views

app_name = "initiatives"

urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    # Fixed words before <slug>: no initiative may take "overview", "feed" or "milestones".
    path("overview/", views.InitiativeOverviewView.as_view(), name="overview"),
    path("feed/", feeds.InitiativesFeed(), name="feed"),
    path("milestones/", views.MilestoneDataView.as_view(), name="milestones"),
    path("feed/division/<slug:slug>/", feeds.DivisionInitiativesFeed(), name="division-feed"),
    path("feed/topic/<slug:slug>/", feeds.TopicInitiativesFeed(), name="topic-feed"),
    path("<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail"),
]
