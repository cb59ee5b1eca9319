import pytest

from partial_dates import PartialDate
from tests.factories import MemberStateFactory, SourceFactory, cite


@pytest.fixture
def viet_nam(db):
    """Viet Nam, published, its joining date cited as the seed cites it."""
    state = MemberStateFactory(
        name="Viet Nam",
        slug="viet-nam",
        iso_code="VN",
        joined_on=PartialDate(1995, 7, 28),
        other_names="Vietnam\nVietnamese",
    )
    source = SourceFactory(
        key="admission-viet-nam", title="Declaration on the Admission of Viet Nam"
    )
    cite(state, source, supports="Date of joining ASEAN")
    return state
