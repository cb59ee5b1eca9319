from django.apps import AppConfig


class BodiesConfig(AppConfig):
    name = "bodies"
    verbose_name = "ASEAN bodies"

    def ready(self):
        from . import registration

        registration.register()
