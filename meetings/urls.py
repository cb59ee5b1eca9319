from django.urls import path

from . import calendar, feeds, views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    # Fixed words before <slug>: no meeting may take "calendar.ics", "calendar" or "feed".
    path("calendar.ics", calendar.all_meetings, name="calendar"),
    path("calendar/<slug:slug>.ics", calendar.body_meetings, name="body-calendar"),
    path("feed/", feeds.MeetingsFeed(), name="feed"),
    path("feed/body/<slug:slug>/", feeds.BodyMeetingsFeed(), name="body-feed"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="detail"),
]
