"""In a real browser: no XSS payload runs (even with the Content-Security-Policy switched
off, so the escaping and the sanitiser are proven on their own); the policy blocks nothing
the portal needs, on public pages and in the admin, which still works under it; JSON-LD
data blocks pass the policy while inline scripts do not."""

from urllib.parse import quote

import pytest
from django.http import HttpResponse
from django.urls import path, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from asean_portal.urls import urlpatterns as portal_urlpatterns
from initiatives.models import Initiative
from tests.factories import (
    DivisionFactory,
    FAQFactory,
    InitiativeFactory,
    StaffFactory,
    TopicFactory,
)
from tests.publishing.xss import PAYLOADS, store_payload

pytestmark = pytest.mark.django_db(transaction=True)

# Runs before any page script: counts every way a payload could show it ran.
WATCH = """
window.__xss = 0;
window.__csp = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = () => { window.__xss += 1; };
}
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""
# What is in the page once the browser has parsed it: handlers, script URLs, frames.
DOM_PROBLEMS = """
() => {
  const problems = [];
  const badUrl = /^(javascript|vbscript|data):/i;
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\t\\n\\r]/g, "").trim();
      if (attr.name.startsWith("on")) problems.push(`${el.tagName} ${attr.name}`);
      if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(attr.name)
          && badUrl.test(value)) problems.push(`${el.tagName} ${attr.name}=${value}`);
    }
  }
  for (const s of document.scripts) {
    if (!s.src && !/json/.test(s.type)) problems.push(`inline script ${s.text.slice(0, 60)}`);
    if (s.src && new URL(s.src).origin !== location.origin) problems.push(`script ${s.src}`);
  }
  for (const tag of ["iframe", "frame", "object", "embed", "base"]) {
    if (document.querySelector(tag)) problems.push(`<${tag}>`);
  }
  return problems;
}
"""


class Watcher:
    """A page whose script activity is watched; ``visit(url)`` returns what went wrong."""

    def __init__(self, page):
        self.page = page
        self.dialogs = []
        page.add_init_script(WATCH)
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, url):
        response = self.page.goto(url)
        assert response.status < 500, url
        self.page.wait_for_timeout(20)  # let autofocus/onload-style handlers fire, if any
        problems = self.page.evaluate(DOM_PROBLEMS)
        if self.page.evaluate("window.__xss"):
            problems.append("a payload ran")
        problems += [f"CSP blocked: {v}" for v in self.page.evaluate("window.__csp")]
        problems += [f"dialog: {d}" for d in self.dialogs]
        self.dialogs.clear()
        return [(url, p) for p in problems]


@pytest.fixture
def stored_corpus():
    return [store_payload(number, payload) for number, payload in enumerate(PAYLOADS)]


def test_no_stored_payload_runs_even_without_the_policy(new_page, stored_corpus):
    """Every payload sits in every text field; the pages that show them all are read
    with CSP bypassed, so only escaping and sanitising stand in the way."""
    watcher = Watcher(new_page(bypass_csp=True))
    pages = ["/", "/about/", "/divisions/", "/faqs/"]
    pages += [f"/initiatives/?page={n}" for n in range(1, len(stored_corpus) // 20 + 2)]
    # Detail pages: a sample of payloads (the HTML checker covers every one of them).
    for objects in stored_corpus[::12]:
        pages += [objects[kind].get_absolute_url() for kind in ("division", "initiative", "topic")]
    problems = [p for url in pages for p in watcher.visit(url)]
    assert not problems, problems[:20]


def test_no_reflected_payload_runs_even_without_the_policy(new_page):
    """Each of the list's parameters carries a different payload in every request, so
    the whole corpus goes through in a few pages."""
    watcher = Watcher(new_page(bypass_csp=True))
    names = ["q", "division", "topic", "status", "pillar", "member_state", "page"]
    problems = []
    for start in range(0, len(PAYLOADS), len(names)):
        chunk = PAYLOADS[start : start + len(names)]
        query = "&".join(
            f"{name}={quote(p, safe='')}" for name, p in zip(names, chunk, strict=False)
        )
        problems += watcher.visit(f"/initiatives/?{query}")
        problems += watcher.visit(f"/faqs/?{query}")
    assert not problems, problems[:20]


# --- the policy as served: nothing the portal needs is blocked -----------------------


def test_public_pages_trigger_no_policy_violation(new_page):
    division = DivisionFactory(slug="economic")
    topic = TopicFactory(slug="trade")
    initiative = InitiativeFactory(lead_division=division, topics=[topic], featured=True)
    FAQFactory(division=division, topics=[topic])
    watcher = Watcher(new_page())
    pages = ["/", "/about/", "/divisions/", "/initiatives/", "/faqs/", "/no/such/page/"]
    pages += [division.get_absolute_url(), initiative.get_absolute_url(), "/topics/trade/"]
    problems = [p for url in pages for p in watcher.visit(url)]
    assert not problems, problems


@pytest.fixture
def enrolled_staff(settings):
    settings.ADMIN_REQUIRE_2FA = True  # as in production
    staff = StaffFactory(username="editor")
    return TOTPDevice.objects.create(user=staff, name="app", confirmed=True)


def code_for(device):
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(6)


def test_the_admin_works_under_the_policy(new_page, enrolled_staff, screenshot):
    """Sign in with password and code, then add an initiative the way an editor does:
    the slug fills itself in, the division comes from the autocomplete, a milestone row
    is added: all admin JavaScript, all under the strict policy."""
    division = DivisionFactory(name="Economic Community Department")
    page = new_page()
    watcher = Watcher(page)

    page.goto(reverse("admin:login"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.fill("#id_otp_token", code_for(enrolled_staff))
    page.click("input[type=submit]")
    page.wait_for_url(f"**{reverse('admin:index')}")
    assert watcher.visit(reverse("admin:index")) == []

    add = reverse("admin:initiatives_initiative_add")
    assert watcher.visit(add) == []
    page.locator("#id_title").press_sequentially("ASEAN Single Window")
    assert page.input_value("#id_slug") == "asean-single-window"  # prepopulate.js
    page.fill("#id_summary", "Trade documents in one place.")
    # The autocomplete (select2), by keyboard: open, type, wait for the match, choose.
    page.locator(".field-lead_division .select2-selection").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Economic")
    page.locator("li.select2-results__option", has_text=division.name).wait_for()
    page.keyboard.press("Enter")
    page.select_option("#id_pillar", "economic")
    page.get_by_role("button", name="Add another Milestone").click()  # inlines.js
    page.fill("#id_milestones-1-title", "Launch")
    page.fill("#id_milestones-1-planned", "2026-01-31")
    screenshot(page, "admin-add-initiative-under-csp")
    assert page.evaluate("window.__csp") == []  # nothing blocked while editing
    page.click("input[name=_save]")
    page.wait_for_url(f"**{reverse('admin:initiatives_initiative_changelist')}")
    assert "is saved as a draft" in page.inner_text(".messagelist")

    initiative = Initiative.objects.get(slug="asean-single-window")
    assert initiative.lead_division == division
    assert list(initiative.milestones.values_list("title", flat=True)) == ["Launch"]
    change = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    assert watcher.visit(change) == []


# --- JSON-LD passes, inline script does not ----------------------------------------------


def structured_data_page(request):
    return HttpResponse(
        "<!DOCTYPE html><html lang=en><head><title>t</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "GovernmentOrganization", "name": "ASEAN Secretariat"}</script>'
        "</head><body><main><h1>t</h1>"
        "<script>document.title = 'inline script ran';</script></main></body></html>"
    )


urlpatterns = [path("structured-data/", structured_data_page), *portal_urlpatterns]


@pytest.mark.urls(__name__)
def test_json_ld_is_served_and_inline_script_is_blocked(page):
    page.add_init_script(WATCH)
    page.goto("/structured-data/")
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)"
    )
    assert data["@type"] == "GovernmentOrganization"
    assert page.title() == "t"  # the inline script did not run
    violations = page.evaluate("window.__csp")
    assert len(violations) == 1 and violations[0].startswith("script-src-elem inline")
