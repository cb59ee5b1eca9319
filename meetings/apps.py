from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings and events"

    def ready(self):
        from . import registration

        registration.register()
