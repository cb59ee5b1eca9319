"""Reading pages in tests."""


def text_of(client, url, status=200, **params):
    """The text of ``url`` fetched with GET, which must answer ``status``: that something is
    missing from a page proves nothing when the page is an error page."""
    response = client.get(url, params)
    assert response.status_code == status, url
    return response.content.decode()
