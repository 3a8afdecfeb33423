"""Printing HTML to PDF with WeasyPrint, fetching nothing but data: URLs.

Letters and contracts are both recruiter-written text printed on the server: the fetcher refuses
http(s), file:// and redirects, so nothing in a template can read a local file or call out.
"""

from typing import Any


def url_fetcher() -> Any:
    """WeasyPrint's fetcher, allowed data: URLs only (no http(s), no file://, no redirects)."""
    from weasyprint.urls import URLFetcher  # noqa: PLC0415  (heavy, and loads pango: only when a PDF is made)

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def pdf_from_html(source: str) -> bytes:
    """source printed to PDF by WeasyPrint, fetching nothing but data: URLs."""
    import weasyprint  # noqa: PLC0415  (heavy, and loads pango: only when a PDF is made)

    return weasyprint.HTML(string=source, url_fetcher=url_fetcher()).write_pdf()
