from django.apps import AppConfig


class MemberStatesConfig(AppConfig):
    name = "member_states"
    verbose_name = "Member States"

    def ready(self):
        from . import registration

        registration.register()
