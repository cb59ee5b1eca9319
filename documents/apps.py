from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Documents and publications"

    def ready(self):
        from . import registration

        registration.register()
