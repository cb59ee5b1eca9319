"""Text in CSV files a spreadsheet opens: a cell that starts like a formula is run as one
(``=HYPERLINK(…)`` becomes a live link, ``=cmd|…`` may start a program). OWASP's advice:
put ``'`` before a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return; spreadsheets then show it as text, without the apostrophe. Every CSV the portal
writes does this (open data and the admin's export); JSON keeps the exact text."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def as_written(value):
    """The inverse, for a CSV file coming back in (the admin's import of its own export)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
