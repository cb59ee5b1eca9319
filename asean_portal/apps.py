from django.apps import AppConfig


class AseanPortalConfig(AppConfig):
    name = "asean_portal"
    verbose_name = "Site content"

    def ready(self):
        # Site search follows content changes from here: the apps never import search.
        from .search import signals

        signals.connect()
