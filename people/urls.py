"""Mounted at the site's root (``asean_portal/urls.py``): ``/leadership/`` and ``/people/…``."""

from django.urls import path

from . import feeds, views

app_name = "people"

urlpatterns = [
    path("leadership/", views.LeadershipView.as_view(), name="leadership"),
    path("people/", views.PersonListView.as_view(), name="list"),
    # Fixed words before <slug>: no person may take "feed" or "appointments".
    path("people/feed/", feeds.PeopleFeed(), name="feed"),
    path("people/appointments/", views.AppointmentDataView.as_view(), name="appointments"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="detail"),
]
