from django.apps import AppConfig


class DivisionsConfig(AppConfig):
    name = "divisions"

    def ready(self):
        from . import registration

        registration.register()
