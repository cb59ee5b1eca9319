"""Shared by the search tests: ask the search page and read what it shows."""

from django.urls import reverse


def search(client, expected_status=200, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == expected_status, response.content.decode()[:2000]
    return response


def titles(response):
    """Result titles in order, without the match markup."""
    return [hit.title.replace("\x02", "").replace("\x03", "") for hit in response.context["hits"]]


def total(response):
    return response.context["page_obj"].paginator.count


def facet(response, group_name):
    """``{label: count}`` of one facet group."""
    for group in response.context["facets"]:
        if group.name == group_name:
            return {value.label: value.count for value in group.values}
    raise AssertionError(f"no facet group {group_name}")


def messages(response):
    context = response.context
    return [
        *context.get("errors", []),
        *context.get("notes", []),
        context.get("page_message") or "",
    ]
