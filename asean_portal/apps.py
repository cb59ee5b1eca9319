from django.apps import AppConfig


class AseanPortalConfig(AppConfig):
    name = "asean_portal"
    verbose_name = "Site content"
