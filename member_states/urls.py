from django.urls import path

from . import feeds, views

app_name = "member_states"

urlpatterns = [
    path("", views.MemberStateListView.as_view(), name="list"),
    path("<slug:slug>/", views.MemberStateDetailView.as_view(), name="detail"),
    path("<slug:slug>/feed/", feeds.MemberStateFeed(), name="feed"),
]
