from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class AseanPortalConfig(AppConfig):
    name = "asean_portal"
    verbose_name = "Site content"
    default = True

    def ready(self):
        from caching import content_token
        from member_states.models import MemberState
        from publishing import changes as public_changes
        from publishing.registry import registry
        from search import signals as search_signals
        from search.sitemaps import GlossarySitemap
        from staff import sign_in_log

        sign_in_log.connect()
        # Site search follows content changes from here: the apps never import search.
        search_signals.connect()
        if "glossary" not in registry.sitemaps():  # ready() may run again in tests
            registry.add_sitemap("glossary", GlossarySitemap)
        # Each registered type's first publication enters its public record of changes.
        public_changes.connect()
        # Anything the public sees changes the content token (cached pages key on it).
        post_save.connect(content_token.content_saved, dispatch_uid="content_token_save")
        m2m_changed.connect(content_token.links_changed, dispatch_uid="content_token_m2m")
        post_migrate.connect(content_token.after_migrate, sender=self)
        # Member states are deleted one at a time; publishable content's deletes call bump()
        # themselves (a post_delete receiver would stop Django's fast bulk deletes).
        post_delete.connect(
            content_token.content_deleted, sender=MemberState, dispatch_uid="content_token_del"
        )


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, serving the portal's admin site (two-factor when required)."""

    default = False  # named explicitly in INSTALLED_APPS
    default_site = "asean_portal.admin_site.PortalAdminSite"
