from types import SimpleNamespace

import pytest

from tests.factories import DivisionFactory, TopicFactory


@pytest.fixture
def taxonomy(db):
    """Two divisions and two topics with the slugs the initiative tests filter by."""
    return SimpleNamespace(
        econ=DivisionFactory(slug="economic", name="Economic Community Department"),
        socio=DivisionFactory(slug="socio-cultural", name="Socio-Cultural Community Department"),
        trade=TopicFactory(slug="trade", name="Trade"),
        health=TopicFactory(slug="health", name="Health"),
    )
