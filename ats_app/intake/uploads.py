"""Files a candidate sends (the CV, a cover letter as a file): what they really are, decided from their bytes,
and their text for search and anonymised forwarding.

The type comes from the file itself (puremagic's signature reading, then a structural check: pypdf opens the
PDF and it is not encrypted; a DOCX is a zip whose [Content_Types].xml declares a Word document and that
python-docx opens; an ODT is a zip whose first entry `mimetype` says so; an RTF starts with {\\rtf). The name
and the browser's content type are never trusted: a name that says another type than the bytes is refused.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

import docx
import puremagic
import pypdf
from striprtf.striprtf import rtf_to_text

from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import N_

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024  # a zip (DOCX, ODT) that unpacks to more is refused: a zip bomb, not a CV
MAX_ENTRIES = 5000
MAX_TEXT = 200_000  # characters of extracted text kept for search
MAX_PAGES = 60
PDF, DOCX, ODT, RTF = "pdf", "docx", "odt", "rtf"
EXTENSIONS = {".pdf": PDF, ".docx": DOCX, ".odt": ODT, ".rtf": RTF}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODF_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

EMPTY = N_("The file is empty. Choose the file again.")
TOO_BIG = N_("The file is larger than 10 MB. Choose a smaller file.")
NOT_A_DOCUMENT = N_("This file is not a PDF, DOCX, ODT or RTF document. Choose one of those.")
# A name that says one type, bytes that are another (or none of ours): the message names what the name claims.
NAME_MISMATCH = {
    PDF: N_("The file's name ends in .pdf, but the file is not a PDF. Choose the real document."),
    DOCX: N_("The file's name ends in .docx, but the file is not a Word document. Choose the real document."),
    ODT: N_("The file's name ends in .odt, but the file is not an OpenDocument text. Choose the real document."),
    RTF: N_("The file's name ends in .rtf, but the file is not an RTF document. Choose the real document."),
}
ENCRYPTED = N_("The PDF is protected with a password. Save it without the password and choose it again.")
DAMAGED = N_("The file is damaged and cannot be read. Save it again and choose it again.")


@dataclass(frozen=True)
class Upload:
    """A file as a form sent it: the name it came with (only shown, never trusted) and its bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class Document:
    """A file that passed the checks: what it is, a safe name to show, its bytes and its text."""

    kind: str
    filename: str
    data: bytes
    text: str


def safe_filename(name: str, kind: str) -> str:
    """The name to show and offer on download: no folders, no control characters, at most 200 characters,
    ending with the real type's extension."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C").strip(" .")
    stem, dot, ext = base.rpartition(".")
    if not dot or EXTENSIONS.get("." + ext.lower()) != kind:
        stem = base
    stem = stem[:190] or "document"
    return f"{stem}.{kind}"


def _claimed(name: str) -> str | None:
    """The type the name says (None: no extension we know, which claims nothing)."""
    _stem, dot, ext = (name or "").rpartition(".")
    return EXTENSIONS.get("." + ext.lower()) if dot else None


def _signature_kinds(data: bytes) -> set[str]:
    """What puremagic reads in the first bytes: the families our kinds can be."""
    try:
        found = {match.extension.lower() for match in puremagic.magic_string(data[:8192])}
    except (puremagic.PureError, ValueError):
        found = set()
    kinds = set()
    if ".pdf" in found or data.startswith(b"%PDF-"):
        kinds.add(PDF)
    if found & {".zip", ".docx", ".odt", ".jar", ".xlsx", ".pptx", ".epub"} or data.startswith(b"PK\x03\x04"):
        kinds |= {DOCX, ODT}
    if ".rtf" in found or data.startswith(b"{\\rtf"):
        kinds.add(RTF)
    return kinds


def _zip_kind(data: bytes) -> str | None:
    """DOCX or ODT when the zip's own manifest says so (and it is not a zip bomb), else None."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED:
            return None
        names = {e.filename for e in entries}
        if entries and entries[0].filename == "mimetype" and archive.read("mimetype").strip() == ODT_MIMETYPE \
                and "content.xml" in names:
            return ODT
        if "[Content_Types].xml" in names and DOCX_MAIN in archive.read("[Content_Types].xml").decode("utf-8",
                                                                                                     "replace"):
            return DOCX
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, NotImplementedError):
        return None
    return None


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise InvalidChoice("file", ENCRYPTED)
    parts = []
    for page in reader.pages[:MAX_PAGES]:
        parts.append(page.extract_text() or "")
        if sum(len(p) for p in parts) > MAX_TEXT:
            break
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odt_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    blocks = (f"{{{ODF_TEXT_NS}}}p", f"{{{ODF_TEXT_NS}}}h")
    return "\n".join("".join(element.itertext()) for element in root.iter() if element.tag in blocks)


def _rtf_text(data: bytes) -> str:
    return rtf_to_text(data.decode("cp1252", errors="replace"), errors="ignore")


EXTRACT = {PDF: _pdf_text, DOCX: _docx_text, ODT: _odt_text, RTF: _rtf_text}


def _clean_text(text: str) -> str:
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()[:MAX_TEXT]


def kind_of(data: bytes) -> str | None:
    """PDF, DOCX, ODT or RTF decided from the bytes alone (None: none of them)."""
    families = _signature_kinds(data)
    if PDF in families and data.lstrip()[:5] == b"%PDF-":
        return PDF
    if DOCX in families:
        return _zip_kind(data)
    if RTF in families and data.startswith(b"{\\rtf"):
        return RTF
    return None


def check_document(upload: Upload) -> Document:
    """The upload as a Document, or InvalidChoice("file", why) when it is empty, over 10 MB, not a PDF, DOCX,
    ODT or RTF by its own bytes, named as another type, encrypted, or cannot be opened."""
    if not upload.data:
        raise InvalidChoice("file", EMPTY)
    if len(upload.data) > MAX_BYTES:
        raise InvalidChoice("file", TOO_BIG)
    kind = kind_of(upload.data)
    claimed = _claimed(upload.filename)
    if kind is None:
        if claimed:
            raise InvalidChoice("file", NAME_MISMATCH[claimed])
        raise InvalidChoice("file", NOT_A_DOCUMENT)
    if claimed and claimed != kind:
        raise InvalidChoice("file", NAME_MISMATCH[claimed])
    try:
        text = EXTRACT[kind](upload.data)
    except InvalidChoice:
        raise
    except Exception:  # pypdf, python-docx and ElementTree raise a wide range on broken files: all "damaged"
        raise InvalidChoice("file", DAMAGED) from None
    return Document(kind, safe_filename(upload.filename, kind), upload.data, _clean_text(text))
