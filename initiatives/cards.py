"""What an initiative card (``includes/initiative_card.html``) shows besides its own row:
its published topics, in name order, each a link (see ``attach_card_topics``)."""

from .models import Initiative


def with_topics(initiatives):
    """``initiatives`` as a list, each with ``card_topics``: a list of ``TopicLink``."""
    return Initiative.objects.attach_card_topics(initiatives)
