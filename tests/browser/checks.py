"""What the browser tests check on a loaded page: axe-core's WCAG findings, horizontal
overflow, visible keyboard focus, and where every request went."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 levels A and AA, as axe-core tags them (2.0, 2.1 and 2.2 criteria).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def require_axe():
    """Skip (or fail in CI) when `npm ci` has not installed axe-core."""
    if AXE_JS.exists():
        return
    reason = f"axe-core not installed at {AXE_JS}: run `npm ci` (make test does)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(reason + " (REQUIRE_BROWSER=1)")
    pytest.skip("accessibility checks skipped — " + reason)


def axe_violations(page):
    """Run axe-core in ``page`` for WCAG 2.2 A and AA; return its violations."""
    require_axe()
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """tags => axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            }).then(result => result.violations)""",
        WCAG_TAGS,
    )


def describe_violations(violations):
    """A readable report: rule, impact, help text and the offending elements."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" — {violation['helpUrl']}"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(node['target'])}: {node['failureSummary']}")
            lines.append(f"       {node['html'][:160]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def assert_no_axe_violations(page, label):
    violations = axe_violations(page)
    assert not violations, f"axe-core found WCAG violations on {label} ({page.url}):\n" + (
        describe_violations(violations)
    )


def horizontal_overflow(page):
    """Pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def focus_is_visible(page):
    """The focused element draws an outline or a focus ring (box-shadow)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            return outline || style.boxShadow !== 'none';
        }"""
    )


def focused_description(page):
    """The focused element's tag, accessible-ish name and href, for messages and matching."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
                href: el.getAttribute('href') || '',
                id: el.id || '',
            };
        }"""
    )


class RequestLog:
    """Every response a page receives; sizes are read after the page has loaded (reading a
    body inside Playwright's event handler is not allowed)."""

    def __init__(self, page):
        self.responses = []
        page.on("response", lambda response: self.responses.append(response))

    def entries(self):
        """``(url, resource type, body size in bytes)`` for each response."""
        rows = []
        for response in self.responses:
            try:
                size = len(response.body())
            except Exception:  # a redirect has no body
                size = 0
            rows.append((response.url, response.request.resource_type, size))
        return rows

    def hosts(self):
        return {urlsplit(response.url).netloc for response in self.responses}

    def total_bytes(self):
        return sum(size for _, _, size in self.entries())

    def by_type(self):
        totals = {}
        for _, kind, size in self.entries():
            totals[kind] = totals.get(kind, 0) + size
        return totals
