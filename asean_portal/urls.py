"""Root URLs: the public URL contract of DESIGN.md, plus the admin."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from pages import contact, sitemap_page, updates, views
from public.sitemaps import sitemaps
from search.views import GlossaryView, SearchView

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("data/", views.DataView.as_view(), name="data"),
    path("accessibility/", views.AccessibilityView.as_view(), name="accessibility"),
    path("about-this-site/", views.AboutSiteView.as_view(), name="about-this-site"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("contact/", contact.contact, name="contact"),
    path("contact/sent/", contact.contact_sent, name="contact-sent"),
    path("updates/", updates.UpdatesView.as_view(), name="updates"),
    path("updates/feed/", updates.UpdatesFeed(), name="updates-feed"),
    path("divisions/", include("divisions.urls")),
    path("initiatives/", include("initiatives.urls")),
    path("topics/", include("initiatives.topic_urls")),
    path("faqs/", include("faqs.urls")),
    path("member-states/", include("member_states.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("glossary/", GlossaryView.as_view(), name="glossary"),
    path(settings.ADMIN_URL, admin.site.urls),
    # An index of one sitemap per section, each in pages: every page is listed at any scale.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    # The sitemap for people (the XML one above is for machines).
    path("sitemap/", sitemap_page.SitemapPageView.as_view(), name="sitemap-page"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
]

# A database that cannot be reached answers 503 with Retry-After; anything else, 500.
handler500 = "asean_portal.errors.server_error"
