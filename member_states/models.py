"""The ASEAN Member States: content with a page each, facts that cite their sources.

Initiatives (and the bodies, meetings and documents that arrive later) point here; this app
points at none of them: a Member State's page finds what involves it through the registry
(``member_state_paths``)."""

from django.core.validators import RegexValidator
from django.db import models

from divisions.models import owning_division
from partial_dates.fields import PartialDateField
from public.links import slug_url
from publishing.content import ContentModel, publish_permission_meta
from publishing.history import PortalHistory

# The "supports" text of the citation behind each fact (``sources.Citation.supports``): a
# page puts a source's number beside the fact it backs. Matched without regard to case.
JOINED_ON_SUPPORTS = "Date of joining ASEAN"
CAPITAL_SUPPORTS = "Capital"
LANGUAGES_SUPPORTS = "Official languages"
NATIONAL_OFFICE_SUPPORTS = "National ASEAN office"


class MemberState(ContentModel):
    """An ASEAN Member State."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    iso_code = models.CharField(
        "ISO 3166 alpha-2 code",
        max_length=2,
        unique=True,
        validators=[
            RegexValidator(r"^[A-Z]{2}\Z", "The ISO code is two capital letters, e.g. VN.")
        ],
        help_text="Two capital letters (VN); /member-states/vn/ and ?member_state=vn work too.",
    )
    joined_on = PartialDateField(
        "member since",
        blank=True,
        help_text=f"As precisely as the source gives it; cite it as “{JOINED_ON_SUPPORTS}”.",
    )
    capital = models.CharField(
        max_length=100, blank=True, help_text=f"Cite its source as “{CAPITAL_SUPPORTS}”."
    )
    official_languages = models.CharField(
        max_length=200,
        blank=True,
        help_text=f"As the source names them, e.g. “Malay”; cite it as “{LANGUAGES_SUPPORTS}”.",
    )
    national_office = models.CharField(
        "national ASEAN office",
        max_length=200,
        blank=True,
        help_text="The national ASEAN secretariat or office: its name. "
        f"Cite its source as “{NATIONAL_OFFICE_SUPPORTS}”.",
    )
    national_office_url = models.URLField(
        "national ASEAN office's address",
        max_length=300,
        blank=True,
        help_text="Only an address known to exist.",
    )
    other_names = models.TextField(
        blank=True,
        help_text="Other names and demonyms search recognises, one per line (Vietnam, Vietnamese).",
    )
    owning_division = owning_division("owned_member_states", "this Member State's page")

    history = PortalHistory()

    class Meta:
        ordering = ["name"]
        permissions = [publish_permission_meta("memberstate", "member states")]
        constraints = ContentModel.publication_constraints("memberstate")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("member_states:detail", self.slug)

    def clean(self):
        super().clean()
        self.other_names = "\n".join(self.other_name_list())

    def other_name_list(self):
        """``other_names`` as a list: one name a line, blank lines and repeats left out."""
        seen, names = set(), []
        for line in self.other_names.splitlines():
            name = " ".join(line.split())
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        return names

    def names_for_search(self):
        """Every name by which a query may mean this state: its name, then its other names."""
        own = self.name.casefold()
        return [self.name, *(n for n in self.other_name_list() if n.casefold() != own)]
