"""An uploaded document file: what it is, judged by its content (never by its name or the
browser's word), and how large it may be.

Accepted: PDF (how ASEAN publishes its official documents), and the two open word-processing
formats a draft or an annex may come in, DOCX and ODT. Both are ZIP containers with a
fixed member that names the format, so they are told apart from any other ZIP (and from a
macro-enabled ``.docm``, whose content types differ). Anything else (HTML, SVG, images,
executables) is refused: a file served from this site must never run in a reader's browser.
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

DEFAULT_MAX_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    name: str
    content_type: str
    extension: str
    inline: bool  # a PDF opens in the browser (sandboxed); the others download


PDF = FileKind("PDF", "application/pdf", "pdf", inline=True)
DOCX = FileKind(
    "Word document (DOCX)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
    inline=False,
)
ODT = FileKind("OpenDocument text (ODT)", "application/vnd.oasis.opendocument.text", "odt", False)
KINDS = (PDF, DOCX, ODT)

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def max_bytes():
    return getattr(settings, "DOCUMENT_FILE_MAX_BYTES", DEFAULT_MAX_BYTES)


def _zip_kind(handle):
    try:
        with zipfile.ZipFile(handle) as archive:
            names = archive.namelist()
            odt = ODT.content_type.encode()
            if names and names[0] == "mimetype" and archive.read("mimetype").strip() == odt:
                return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                types = archive.read("[Content_Types].xml")
                if DOCX_MAIN.encode() in types:
                    return DOCX
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
        return None
    return None


def kind_of(handle):
    """The ``FileKind`` of an open file (read from its first bytes, and for a ZIP its
    directory), or None when it is none of the accepted kinds. Leaves the file at its start."""
    try:
        handle.seek(0)
        head = handle.read(8)
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"PK\x03\x04"):
            handle.seek(0)
            return _zip_kind(handle)
        return None
    finally:
        handle.seek(0)


def validate_document_file(value):
    """The model field's validator: a size within the limit and an accepted kind."""
    limit = max_bytes()
    if value.size is not None and value.size > limit:
        raise ValidationError(
            f"The file is {filesizeformat(value.size)}; the limit is {filesizeformat(limit)}.",
            code="too_large",
        )
    if kind_of(value) is None:
        raise ValidationError(
            "This file is not a PDF, DOCX or ODT document (judged by its content, not its "
            "name). Upload the document as PDF.",
            code="file_type",
        )
