from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The site-level pages (home, about, open data, accessibility) and the site-wide text
    they show. The top of the content apps: it may use divisions, initiatives and FAQs."""

    name = "pages"
    verbose_name = "Site pages"

    def ready(self):
        from . import registration

        registration.register()
