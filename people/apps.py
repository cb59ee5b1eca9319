from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People and posts"

    def ready(self):
        from . import registration

        registration.register()
