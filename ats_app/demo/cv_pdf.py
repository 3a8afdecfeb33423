"""A tiny one-page CV PDF writer for demo data.

Hand-written because WeasyPrint takes ~0.12 s a page and demo data needs thousands of CVs; this
takes a fraction of a millisecond. It uses the PDF standard fonts Helvetica and Helvetica-Bold with
WinAnsiEncoding (cp1252), so Nordic and Dutch letters (æ ø å ä ö é ü) render without embedding fonts.
"""

import zlib

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN = 56.0
TEXT_W = PAGE_W - 2 * MARGIN
BOTTOM = 60.0
ACCENT = "0.09 0.31 0.45"  # dark teal-blue for headings and rules
GREY = "0.35 0.38 0.42"

# Advance widths (1/1000 em) of cp1252 bytes 32..255 from Adobe's Helvetica AFM metrics, for wrapping.
_REGULAR = """278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556
556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667
611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556
556 333 500 278 556 500 722 500 500 500 334 260 334 584 278 556 278 222 556 333 1000 556 556 333 1000 667 333 1000
278 611 278 278 222 222 333 333 350 556 1000 333 1000 500 333 944 278 500 667 278 333 556 556 556 556 260 556 333
737 370 556 584 333 737 333 400 584 333 333 333 578 537 278 333 333 365 556 834 834 834 611 667 667 667 667 667 667
1000 722 667 667 667 667 278 278 278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556
556 556 556 889 500 556 556 556 556 278 278 278 278 556 556 556 556 556 556 556 584 611 556 556 556 556 500 556 500"""
_BOLD = """278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556
333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 611 722 667
944 667 667 611 333 278 333 584 556 333 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556
333 611 556 778 556 556 500 389 280 389 584 278 556 278 278 556 500 1000 556 556 333 1000 667 333 1000 278 611 278
278 278 278 500 500 350 556 1000 333 1000 556 333 944 278 500 667 278 333 556 556 556 556 280 556 333 737 370 556
584 333 737 333 400 584 333 333 333 611 556 278 333 333 365 556 834 834 834 611 722 722 722 722 722 722 1000 722 667
667 667 667 278 278 278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556 556 556 556
889 556 556 556 556 556 278 278 278 278 611 611 611 611 611 611 611 584 611 611 611 611 611 556 611 556"""
_WIDTHS = {
    "F1": [0] * 32 + [int(w) for w in _REGULAR.split()],
    "F2": [0] * 32 + [int(w) for w in _BOLD.split()],
}

# Section headings in the candidate's language.
LABELS = {
    "en": ("Profile", "Experience", "Education", "Skills"),
    "nb": ("Profil", "Erfaring", "Utdanning", "Ferdigheter"),
    "sv": ("Profil", "Erfarenhet", "Utbildning", "Kompetenser"),
    "da": ("Profil", "Erfaring", "Uddannelse", "Kompetencer"),
    "fi": ("Profiili", "Työkokemus", "Koulutus", "Osaaminen"),
    "nl": ("Profiel", "Werkervaring", "Opleiding", "Vaardigheden"),
}

def _encode(text: str) -> bytes:
    """cp1252 bytes for a PDF string; characters outside WinAnsi become '?'."""
    return text.replace("\n", " ").encode("cp1252", errors="replace")


def _pdf_string(raw: bytes) -> bytes:
    """raw as a PDF literal string: ( ) and \\ escaped."""
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _width(raw: bytes, font: str, size: float) -> float:
    table = _WIDTHS[font]
    return sum(table[b] for b in raw) * size / 1000.0


def _wrap(text: str, font: str, size: float, width: float) -> list[bytes]:
    """Greedy word wrap of text into lines no wider than width (a too-long word gets its own line)."""
    table = _WIDTHS[font]
    limit = width * 1000.0 / size
    space = table[32]
    lines: list[bytes] = []
    for paragraph in text.split("\n"):
        line: list[bytes] = []
        used = 0
        for word in _encode(paragraph).split():
            w = sum(table[b] for b in word)
            if line and used + space + w > limit:
                lines.append(b" ".join(line))
                line, used = [], 0
            used += (space if line else 0) + w
            line.append(word)
        lines.append(b" ".join(line))
    return lines


class _Page:
    """The content stream being written, top to bottom; stops quietly when the page is full."""

    def __init__(self) -> None:
        self.ops: list[bytes] = []
        self.y = PAGE_H - MARGIN
        self.full = False

    def text(self, raw: bytes, font: str, size: float, x: float = MARGIN, color: str = "0 0 0") -> None:
        self.ops.append(b"BT /%s %.1f Tf %s rg %.2f %.2f Td %s Tj ET" % (
            font.encode(), size, color.encode(), x, self.y, _pdf_string(raw)))

    def line(self, raw: bytes, font: str, size: float, leading: float, **kw) -> bool:
        """Move down one line and write raw; False once the bottom margin is reached."""
        if self.y - leading < BOTTOM:
            self.full = True
            return False
        self.y -= leading
        self.text(raw, font, size, **kw)
        return True

    def rule(self, gap: float, thickness: float = 0.8, color: str = ACCENT) -> None:
        self.y -= gap
        self.ops.append(b"%s RG %.2f w %.2f %.2f m %.2f %.2f l S" % (
            color.encode(), thickness, MARGIN, self.y, PAGE_W - MARGIN, self.y))

    def paragraph(self, text: str, size: float = 10, leading: float = 14, indent: float = 0) -> None:
        for raw in _wrap(text, "F1", size, TEXT_W - indent):
            if not self.line(raw, "F1", size, leading, x=MARGIN + indent):
                return


def _section(page: _Page, heading: str) -> bool:
    """A section heading with a hairline under it; False (and the page full) when no room is left."""
    if page.full or page.y - 40 < BOTTOM:
        page.full = True
        return False
    page.y -= 10
    page.line(_encode(heading.upper()), "F2", 10.5, 14, color=ACCENT)
    page.rule(5, thickness=0.4, color="0.75 0.80 0.84")
    page.y -= 2
    return True


def _entries(page: _Page, entries: list[dict]) -> None:
    """Experience or education: bold title and organisation, period on the right, then the text."""
    for entry in entries:
        if page.full:
            return
        head = _encode(" \u2013 ".join(p for p in (entry.get("title"), entry.get("org")) if p))
        if not page.line(head, "F2", 10, 16):
            return
        period = _encode(entry.get("period") or "")
        if period:
            page.text(period, "F1", 9.5, x=PAGE_W - MARGIN - _width(period, "F1", 9.5), color=GREY)
        if entry.get("text"):
            page.paragraph(entry["text"], size=9.5, leading=13)
        page.y -= 3


def _content(cv: dict) -> bytes:
    page = _Page()
    labels = cv.get("labels") or LABELS.get(cv.get("language") or "en", LABELS["en"])
    page.y -= 8
    page.text(_encode(cv.get("name") or ""), "F2", 22)
    if cv.get("headline"):
        page.line(_encode(cv["headline"]), "F1", 12, 19, color=ACCENT)
    contact = cv.get("contact") or []
    if isinstance(contact, str):
        contact = [contact]
    if contact:
        for raw in _wrap("  \u00b7  ".join(contact), "F1", 9.5, TEXT_W):
            page.line(raw, "F1", 9.5, 15, color=GREY)
    page.rule(10, thickness=1.5)
    page.y -= 4
    if cv.get("profile") and _section(page, labels[0]):
        page.paragraph(cv["profile"])
    for label, key in ((labels[1], "experience"), (labels[2], "education")):
        if cv.get(key) and _section(page, label):
            _entries(page, cv[key])
    skills = cv.get("skills")
    if skills and _section(page, labels[3]):
        page.paragraph(skills if isinstance(skills, str) else "  \u00b7  ".join(skills))
    return b"\n".join(page.ops)


def _info_string(text: str) -> bytes:
    """A UTF-16BE hex string for the document information dictionary."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def render_cv_pdf(cv: dict) -> bytes:
    """A one-page A4 CV as PDF bytes.

    cv keys (all optional): name, headline, contact (list of str), language (section headings:
    en/nb/sv/da/fi/nl), labels (4 headings, overrides language), profile, experience and education
    (lists of {"title", "org", "period", "text"}), skills (list of str or str). Text that does not fit
    on the page is left out.
    """
    stream = zlib.compress(_content(cv), 6)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >>"
        b" /Contents 6 0 R >>" % (PAGE_W, PAGE_H),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Title %s /Producer (ATS demo data) >>" % _info_string(cv.get("name") or "CV"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
