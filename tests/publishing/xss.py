"""The XSS corpus (xss_payloads.txt) and a checker for HTML that must stay inert.

A page passes when it holds no element that neither a template writes nor the Markdown
sanitiser allows, no event-handler or style attribute, no javascript:/vbscript:/data: URL,
and no script except our own static files and JSON data blocks (such as JSON-LD).
"""

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
from django.conf import settings
from django.db.models import CharField, SlugField, TextField

from divisions.models import Division
from faqs.models import FAQ
from initiatives.models import Initiative, Milestone, Topic
from member_states.models import MemberState
from pages.models import SiteSection
from partial_dates.fields import PartialDateField
from publishing.markdown import ALLOWED_TAGS as SANITISER_TAGS
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    MemberStateFactory,
    MilestoneFactory,
    SiteSectionFactory,
    TopicFactory,
)

CORPUS = Path(__file__).with_name("xss_payloads.txt")
CONTROL = {
    "{TAB}": "\t",
    "{LF}": "\n",
    "{CR}": "\r",
    "{NUL}": "\0",
    "{FF}": "\f",
    "{VT}": "\v",
    "{ESC}": "\x1b",
}
URL_ATTRIBUTES = {
    "action",
    "background",
    "cite",
    "data",
    "formaction",
    "href",
    "longdesc",
    "manifest",
    "ping",
    "poster",
    "src",
    "srcset",
    "xlink:href",
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}


def load_payloads():
    payloads = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        for token, char in CONTROL.items():
            line = line.replace(token, char)
        payloads.append(line)
    return payloads


PAYLOADS = load_payloads()


def template_tags(admin=False):
    """Every element name written in the project's templates, its template tags (markup
    some tags write in Python) and Django's form widgets (and with ``admin`` in the Django
    admin's): the elements a page may legitimately contain."""
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    dirs.append(Path(django.__file__).parent / "forms" / "templates")
    if admin:
        dirs.append(Path(django.__file__).parent / "contrib" / "admin" / "templates")
    files = [template for directory in dirs for template in directory.rglob("*.html")]
    files += Path(settings.BASE_DIR).glob("*/templatetags/*.py")
    names = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        names.update(m.lower() for m in re.findall(r"<([a-zA-Z][a-zA-Z0-9-]*)", text))
    return names


class InertHTMLChecker(HTMLParser):
    def __init__(self, allowed_tags):
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.problems = []
        self.script = None  # (type, src, [text]) of the <script> being read

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in self.allowed_tags and tag != "script":  # scripts: see handle_endtag
            self.problems.append(f"unexpected <{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            elif name in {"style", "srcdoc"}:
                self.problems.append(f"{name}= attribute on <{tag}>")
            elif name in URL_ATTRIBUTES and dangerous_url(value):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "meta" and "http-equiv" in attributes:
            self.problems.append("<meta http-equiv>")
        if tag == "script":
            self.script = ((attributes.get("type") or "").lower(), attributes.get("src"), [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self.script is not None:
            self.script[2].append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self.script is None:
            return
        kind, src, text = self.script
        body = "".join(text).strip()
        self.script = None
        if src is not None:
            same_site = src.startswith("/") and not src.startswith("//")
            if not same_site or body:
                self.problems.append(f"script from {src!r}")
        elif kind in DATA_BLOCK_TYPES:
            try:
                json.loads(body)
            except ValueError:
                self.problems.append(f"<script type={kind}> that is not JSON: {body[:80]!r}")
        else:
            self.problems.append(f"inline script: {body[:80]!r}")


def dangerous_url(value):
    """As a browser's URL parser sees it (WHATWG URL): leading and trailing controls and
    spaces stripped, tabs and newlines removed anywhere, the scheme case-insensitive."""
    url = value.strip("".join(map(chr, range(0x21))))
    url = url.replace("\t", "").replace("\n", "").replace("\r", "").lower()
    return url.startswith(BAD_SCHEMES)


# Elements the portal writes from Python rather than templates: search's highlighted words
# (``search.highlight``: the text escaped, then matched words wrapped in <mark>).
CODE_TAGS = frozenset({"mark"})


@functools.cache
def allowed_tags(admin):
    return frozenset(template_tags(admin) | SANITISER_TAGS | CODE_TAGS)


def inert_problems(html, admin=False):
    """What in ``html`` could run a script; an empty list when nothing can."""
    checker = InertHTMLChecker(allowed_tags(admin))
    checker.feed(html)
    checker.close()
    return checker.problems


# --- putting the corpus into every text field staff can edit ---------------------------


CONTENT_MODELS = [Division, Topic, MemberState, Initiative, Milestone, FAQ, SiteSection]

MIN_TEXT_LENGTH = 10


def staff_text_fields(model):
    """The model's free-text fields a staff member types into (slugs and choices are
    validated to fixed shapes; rendered ``*_html`` copies are not edited)."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, (CharField, TextField))
        and field.editable
        and not isinstance(field, SlugField | PartialDateField)  # a date's fixed shape
        and not field.choices
    ]


def payload_fields(model, payload, suffix):
    """``{field: payload}`` for each staff text field, cut to fit; unique fields end with
    ``suffix`` so one object per payload can exist side by side. NUL is left out: forms
    refuse it (tested on its own) and PostgreSQL cannot store it."""
    payload = payload.replace("\0", "")
    values = {}
    for field in staff_text_fields(model):
        if field.max_length is not None and field.max_length < MIN_TEXT_LENGTH:
            continue  # a code such as an ISO 3166 country code, not text
        end = suffix if field.unique else ""
        text = payload[: field.max_length - len(end)] if field.max_length else payload
        values[field.name] = text + end
    return values


def store_payload(number, payload):
    """One published object of every content type, every text field holding ``payload``,
    linked together so each page shows them all; returns them by kind."""
    suffix = f" #{number}"
    division = DivisionFactory(
        slug=f"xss-division-{number}", **payload_fields(Division, payload, suffix)
    )
    topic = TopicFactory(slug=f"xss-topic-{number}", **payload_fields(Topic, payload, suffix))
    state = MemberStateFactory(
        slug=f"xss-state-{number}", **payload_fields(MemberState, payload, suffix)
    )
    initiative = InitiativeFactory(
        slug=f"xss-initiative-{number}",
        lead_division=division,
        topics=[topic],
        member_states=[state],
        featured=True,
        **payload_fields(Initiative, payload, suffix),
    )
    milestone = MilestoneFactory(initiative=initiative, **payload_fields(Milestone, payload, ""))
    faq = FAQFactory(
        slug=f"xss-faq-{number}",
        division=division,
        topics=[topic],
        **payload_fields(FAQ, payload, suffix),
    )
    kinds = SiteSection.Kind.values
    section = SiteSectionFactory(
        slug=f"xss-section-{number}",
        kind=kinds[number % len(kinds)],
        **payload_fields(SiteSection, payload, suffix),
    )
    return {
        "division": division,
        "topic": topic,
        "member state": state,
        "initiative": initiative,
        "milestone": milestone,
        "faq": faq,
        "site section": section,
    }


# --- collecting what a page lets through ---------------------------------------------


def check(response, url, payload_number, findings, admin=False):
    """Adds to ``findings`` what in ``response`` could run (or its server error)."""
    if response.status_code >= 500:
        findings.append((payload_number, url, f"status {response.status_code}"))
        return
    for problem in inert_problems(response.content.decode(), admin=admin):
        findings.append((payload_number, url, problem))


def report(findings):
    """The findings, one a line, for an assertion message."""
    lines = [f"payload {n} ({PAYLOADS[n][:60]!r}) at {url}: {p}" for n, url, p in findings]
    return f"{len(findings)} problem(s):\n" + "\n".join(lines[:40])
