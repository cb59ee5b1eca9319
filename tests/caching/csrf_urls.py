"""The portal's URLs plus a public form with a CSRF token beside the visitor's own text, at
a path no setting names (as the contact form is): for tests/caching/test_compression.py."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

FORM = engines["django"].from_string(
    "<!doctype html><title>Write to us</title><form method=post>{% csrf_token %}"
    "<textarea name=message>{{ message }}</textarea></form>" + "<p>Some text.</p>" * 40
)


def form_page(request):
    return HttpResponse(FORM.render({"message": request.GET.get("message", "")}, request))


urlpatterns = [
    path("write-to-us/", form_page),
    path("", include("asean_portal.urls")),
]
