from django.apps import AppConfig


class FaqsConfig(AppConfig):
    name = "faqs"

    def ready(self):
        from . import registration

        registration.register()
