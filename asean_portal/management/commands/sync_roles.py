"""``manage.py sync_roles``: set the Editor, Publisher and Site administrator groups again."""

from django.core.management.base import BaseCommand

from publishing.roles import ROLE_PERMISSIONS, ensure_permissions, sync_roles


class Command(BaseCommand):
    help = "Create the staff roles (groups) and give each exactly its permissions."

    def handle(self, *args, verbosity, **options):
        ensure_permissions()
        sync_roles()
        if verbosity:
            for name, permissions in ROLE_PERMISSIONS.items():
                self.stdout.write(f"{name}: {len(permissions)} permissions")
