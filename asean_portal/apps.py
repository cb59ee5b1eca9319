from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AseanPortalConfig(AppConfig):
    name = "asean_portal"
    verbose_name = "Site content"
    default = True

    def ready(self):
        from . import auth_log

        auth_log.connect()


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, serving the portal's admin site (two-factor when required)."""

    default = False  # named explicitly in INSTALLED_APPS
    default_site = "asean_portal.admin_site.PortalAdminSite"
