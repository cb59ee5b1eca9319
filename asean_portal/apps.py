from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class AseanPortalConfig(AppConfig):
    name = "asean_portal"
    verbose_name = "Site content"

    def ready(self):
        # Anything the public sees changes the content version (cached pages key on it).
        from initiatives.models import MemberState

        from . import content_version

        post_save.connect(content_version.content_saved, dispatch_uid="content_version_save")
        m2m_changed.connect(content_version.links_changed, dispatch_uid="content_version_m2m")
        # Member states are deleted one at a time; publishable content's deletes call bump()
        # themselves (a post_delete receiver would stop Django's fast bulk deletes).
        post_delete.connect(
            content_version.content_deleted, sender=MemberState, dispatch_uid="content_version_del"
        )
