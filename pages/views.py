"""Site-wide views: home, about, about this site, data, accessibility, privacy, robots.txt
and the health check (the contact form: ``pages.contact``; updates: ``pages.updates``)."""

import datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from divisions.models import Division
from divisions.tree import build_tree
from divisions.views import SHOWN_INITIATIVES
from initiatives.models import Initiative
from pages.models import SiteSection
from public import opendata
from publishing.registry import registry

FEATURED_ON_HOME = SHOWN_INITIATIVES  # one row of cards, as on a division's page


def sections_by_kind():
    """Every published site section in one query, as ``{kind: [section, ...]}``."""
    grouped = {kind: [] for kind in SiteSection.Kind.values}
    for section in SiteSection.objects.published().order_by("order", "title"):
        grouped[section.kind].append(section)
    return grouped


def organisation_chart():
    """The published divisions as a tree, read only if the page draws it (the drawn chart
    is cached per content token: ``{% cache %}`` in the home and about pages)."""
    return SimpleLazyObject(lambda: build_tree(Division.objects.published()))


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections_by_kind()
        context["division_tree"] = organisation_chart()
        context["featured"] = Initiative.objects.attach_card_topics(
            Initiative.objects.published()
            .filter(featured=True)
            .for_cards()
            .with_card_topic_ids()
            .order_by("title")[:FEATURED_ON_HOME]
        )
        return context


class AboutView(TemplateView):
    template_name = "pages/about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections_by_kind()
        context["division_tree"] = organisation_chart()
        return context


# When these pages' own text last changed (they describe the site, not its content).
DATA_PAGE_CHANGED = datetime.date(2026, 11, 28)
ACCESSIBILITY_REVIEWED = datetime.date(2026, 12, 6)
ABOUT_SITE_CHANGED = datetime.date(2026, 12, 6)
PRIVACY_NOTICE_CHANGED = datetime.date(2026, 12, 6)


class DataView(TemplateView):
    """How to download every list as CSV or JSON: the columns, the licence, the feeds."""

    template_name = "pages/data.html"
    extra_context = {
        "licence": opendata.LICENCE,
        "list_separator": opendata.LIST_SEPARATOR,
        "export_page_size": f"{opendata.EXPORT_PAGE_SIZE:,}",
        "changed": DATA_PAGE_CHANGED,
    }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["datasets"] = [
            pair
            for t in registry.types()
            for pair in ([(t.dataset, t.listing)] if t.dataset else []) + list(t.more_datasets)
        ]
        context["example_division"] = Division.objects.published().only("slug").first()
        return context


class AccessibilityView(TemplateView):
    template_name = "pages/accessibility.html"
    extra_context = {"reviewed": ACCESSIBILITY_REVIEWED}


class AboutSiteView(TemplateView):
    """What the portal is (not the Secretariat's own site) and who runs it."""

    template_name = "pages/about_site.html"
    extra_context = {"changed": ABOUT_SITE_CHANGED}


class PrivacyView(TemplateView):
    template_name = "pages/privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changed"] = PRIVACY_NOTICE_CHANGED
        context["retention_days"] = settings.CONTACT_RETENTION_DAYS
        context["session_hours"] = settings.SESSION_COOKIE_AGE // 3600
        return context


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *"]
    # The admin's well-known address is kept out of search engines here; a moved admin
    # is not named, since robots.txt is public (its pages send X-Robots-Tag: noindex).
    if settings.ADMIN_URL == settings.WELL_KNOWN_ADMIN_URL:
        lines.append(f"Disallow: /{settings.ADMIN_URL}")
    else:
        lines.append("Allow: /")
    lines += [f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
