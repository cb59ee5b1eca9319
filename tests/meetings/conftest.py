import pytest

from bodies.models import BodyKind
from tests.factories import BodyFactory, MemberStateFactory


@pytest.fixture
def places(db):
    """Two bodies and two Member States with the slugs and codes the tests filter by."""

    class Places:
        summit = BodyFactory(name="ASEAN Summit", slug="asean-summit", kind=BodyKind.SUMMIT)
        aem = BodyFactory(name="ASEAN Economic Ministers", slug="aem", short_name="AEM")
        malaysia = MemberStateFactory(name="Malaysia", slug="malaysia", iso_code="MY")
        lao = MemberStateFactory(name="Lao PDR", slug="lao-pdr", iso_code="LA")

    return Places
