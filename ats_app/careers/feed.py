"""The careers site's Atom feed: every open project, newest first, each entry linking to its advert."""

from datetime import datetime, timezone
from xml.etree import ElementTree

from ats_app.careers.listing import ListedProject

ATOM = "http://www.w3.org/2005/Atom"


def _moment(value: datetime | None) -> str:
    value = value or datetime(2000, 1, 1, tzinfo=timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(projects: list[tuple[ListedProject, datetime | None, str]], *, title: str, site: str, company: str,
              updated: datetime | None) -> bytes:
    """The feed as UTF-8 XML. projects: (project, when it was published, summary line) each; site: the public
    address the links are built on."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", title)
    _add(feed, "id", f"{site}/jobs")
    _add(feed, "updated", _moment(updated))
    _add(feed, "link", href=f"{site}/jobs/feed.atom", rel="self", type="application/atom+xml")
    _add(feed, "link", href=f"{site}/jobs", rel="alternate", type="text/html")
    _add(_add(feed, "author"), "name", company)
    for project, published, summary in projects:
        entry = _add(feed, "entry")
        _add(entry, "title", project.title)
        _add(entry, "id", f"{site}/jobs/{project.id}")
        _add(entry, "link", href=f"{site}/jobs/{project.id}?lang={project.language}", rel="alternate",
             type="text/html", hreflang=project.language)
        _add(entry, "updated", _moment(published))
        _add(entry, "summary", summary)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)
