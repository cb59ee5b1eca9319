"""The house's layers: imports point down only, and no module imports another in a circle.

Read from the source with ``ast`` (every import, including those inside functions), so a
new module is checked the day it is written."""

import ast
from pathlib import Path

from django.conf import settings

# Lower rank = lower layer. A module may import its own package and anything ranked lower;
# the top packages may import each other (they are never imported by what is below them).
RANKS = {
    "caching": 0,
    "partial_dates": 0,
    "publishing": 1,
    "notifications": 2,  # told of the workflow by publishing's signals; names no app
    "public": 2,
    "search": 3,
    "sources": 3,
    "staff": 3,
    "divisions": 4,
    "member_states": 5,
    "people": 6,
    "bodies": 6,
    "partners": 6,
    "meetings": 7,
    "initiatives": 8,
    "documents": 9,
    "faqs": 10,
    "pages": 11,
    "asean_portal": 12,
    "seed": 12,
    "bench": 12,
}
WINGS = {
    "caching",
    "partial_dates",
    "publishing",
    "notifications",
    "search",
    "sources",
    "public",
    "staff",
}
APPS = {
    "divisions",
    "member_states",
    "people",
    "bodies",
    "partners",
    "meetings",
    "documents",
    "initiatives",
    "faqs",
    "pages",
}


def project_modules():
    """``{dotted name: path}`` of every project module outside migrations and tests."""
    modules = {}
    for package in RANKS:
        for path in (settings.BASE_DIR / package).rglob("*.py"):
            relative = path.relative_to(settings.BASE_DIR)
            if "migrations" in relative.parts:
                continue
            name = ".".join(relative.with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


def imported_names(name, path: Path):
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def project_imports():
    """``{module: {project modules it imports}}``. A module's use of its own package's
    ``__init__`` is the package's business, not an edge between modules."""
    modules = project_modules()
    return {
        name: {
            m
            for m in imported_names(name, path)
            if m in modules and m != name and not name.startswith(f"{m}.")
        }
        for name, path in modules.items()
    }


def top(module):
    return module.partition(".")[0]


def test_imports_point_down_only():
    upward = [
        f"{module} imports {target}"
        for module, targets in project_imports().items()
        for target in targets
        if top(target) != top(module)
        and RANKS[top(target)] > RANKS[top(module)]
        # the top layer's packages are peers
        and not (RANKS[top(module)] == RANKS[top(target)] == max(RANKS.values()))
    ]
    assert upward == []


def test_the_wings_never_import_an_app():
    found = [
        f"{module} imports {target}"
        for module, targets in project_imports().items()
        if top(module) in WINGS
        for target in targets
        if top(target) in APPS
    ]
    assert found == []


def test_no_import_circles():
    graph = project_imports()
    circles, done, stack = set(), set(), []

    def visit(module):
        if module in stack:
            circle = stack[stack.index(module) :]
            circles.add(" -> ".join(sorted(circle)))
            return
        if module in done:
            return
        stack.append(module)
        for target in graph.get(module, ()):
            visit(target)
        stack.pop()
        done.add(module)

    for module in graph:
        visit(module)
    assert circles == set()
