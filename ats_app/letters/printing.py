"""Send letter: "application received" and "application rejected" on paper, as one A4 PDF to print.

Some candidates have no email, and some organisations still confirm or reject by post. Each ticked
applicant gets the letter template in their own language (their project's department's version, else
the organisation's, else the default), on its own page: the letterhead, the candidate's address where a
C5/DL window envelope shows it (DIN 5008 type B), the date as their language writes it, the subject in
bold and the body. WeasyPrint may fetch data: URLs only, so nothing in a template can read a local file
or call out to the network. The PDF is stored privately; letters.routes serves it to its maker.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypedDict

from babel import Locale
from babel.core import get_global
from markupsafe import Markup
from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, require
from ats_app.applications.lookup import find_application
from ats_app.applications.transitions import DELETED
from ats_app.core import config, files, tokens
from ats_app.core.errors import ActionRefused, InvalidChoice, UnknownTag
from ats_app.core.i18n import N_
from ats_app.core.pdf import pdf_from_html
from ats_app.mail.compose import sender_user
from ats_app.mail.markup import clean_html
from ats_app.mail.render import TagValues, render_fragment, render_subject
from ats_app.mail.tag_values import Recipient, long_date, organisation_zone, recipients
from ats_app.mail.templates import template_for
from ats_app.models import Application, ApplicationEvent, Candidate
from ats_app.organisation.letterhead import Letterhead, letterhead

LETTER_KINDS = ("letter.application_received", "letter.application_rejected")
MAX_LETTERS = 100  # WeasyPrint makes about 10–25 pages a second: a bigger run would hold the page too long
NO_POSTAL_ADDRESS = N_("no postal address")
BAD_TEMPLATE = N_("the letter template has an unknown tag")
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|<br>)*</p>")


@dataclass
class LetterRun:
    """What one Send letter produced: the PDF (and its private file key) and what happened per applicant.

    refused: application id → reason msgid (not in the PDF). warnings: printed, but the recruiter should
    look (e.g. "no postal address": the letter has only the name, or a partial address).
    """

    pdf: bytes | None = None
    file_key: str | None = None
    done: list[int] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)
    warnings: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Letter:
    """One page: who it goes to and what it says (all HTML already escaped or cleaned)."""

    application_id: int
    language: str
    address_lines: list[str]
    date: str
    subject: str
    body_html: str


class LetterForm(TypedDict, total=False):
    """The Send letter form: which letter, and the message it carries ({message})."""

    kind: str
    message: str


def check_kind(kind: str) -> str:
    """kind when it is one of the two letters; else InvalidChoice (nothing is done)."""
    if kind not in LETTER_KINDS:
        raise InvalidChoice("kind", N_("Choose a letter from the list."))
    return kind


def letters_pdf(session: Session, user: CurrentUser, application_ids: list[int], kind: str, *,
                message: str = "") -> LetterRun:
    """One PDF with a letter of kind per applicant user may see (one page each, in the order given),
    and a letter_sent history line for each, in the caller's transaction (nothing is committed).

    message fills {message} (the rejection letter's word to the candidate). A deleted or invisible
    application is refused with its reason; a candidate without a postal address is printed with what
    there is, and warned about. Raises NotAllowed or InvalidChoice before anything is done.
    """
    require(user, LETTER)
    check_kind(kind)
    if len(set(application_ids)) > MAX_LETTERS:
        raise InvalidChoice("action", N_("Print at most {max} letters at a time."), max=MAX_LETTERS)
    run = LetterRun()
    applications: dict[int, Application] = {}
    for application_id in dict.fromkeys(application_ids):
        try:
            application = find_application(session, user, application_id)
            if application.deleted_at is not None:
                raise ActionRefused(DELETED)
        except ActionRefused as refused:
            run.refused[application_id] = refused.reason
            continue
        applications[application_id] = application
    people = recipients(session, list(applications), sender_user(session, user))
    candidates = _candidates(session, [p.candidate_id for p in people])
    head = letterhead(session)
    zone = organisation_zone(session)
    home = get_global("zone_territories").get(str(zone), "")
    today = datetime.now(zone).date()
    letters = []
    for person in people:
        candidate = candidates[person.candidate_id]
        try:
            subject, body = _texts(session, person, kind, message)
        except UnknownTag:
            run.refused[person.application_id] = BAD_TEMPLATE
            continue
        if not _has_postal_address(candidate):
            run.warnings[person.application_id] = NO_POSTAL_ADDRESS
        letters.append(Letter(person.application_id, person.language, address_lines(candidate, home),
                              long_date(today, person.language), subject, body))
    if not letters:
        return run
    run.pdf = pdf_from_html(letters_html(letters, head))
    run.file_key = files.store_bytes(run.pdf)
    for letter in letters:
        application = applications[letter.application_id]
        session.add(ApplicationEvent(application_id=application.id, project_id=application.project_id,
                                     actor_id=user.id, kind="letter_sent",
                                     payload={"kind": kind, "file_key": run.file_key}))
        run.done.append(letter.application_id)
    return run


def _candidates(session: Session, candidate_ids: list[int]) -> dict[int, Candidate]:
    if not candidate_ids:
        return {}
    rows = session.exec(select(Candidate).where(col(Candidate.id).in_(candidate_ids))).all()
    return {int(c.id): c for c in rows}


def _message_html(message: str) -> Markup:
    """The recruiter's message as escaped text, its line breaks kept."""
    lines = message.strip().replace("\r\n", "\n").split("\n")
    return Markup("<br>").join(Markup.escape(line) for line in lines)


def _texts(session: Session, person: Recipient, kind: str, message: str) -> tuple[str, str]:
    """(subject, body HTML) of the template in the candidate's language, tags filled in."""
    template = template_for(session, kind, person.language, person.department_id)
    values = TagValues({**person.values.values, "message": _message_html(message)}, dict(person.values.links))
    subject = render_subject(template.subject, values, kind)
    body = render_fragment(clean_html(template.body_html), values, kind, html=True)
    return subject, _EMPTY_PARAGRAPH.sub("", body)


def _has_postal_address(candidate: Candidate) -> bool:
    return bool((candidate.address or "").strip() and ((candidate.postal_code or "").strip()
                                                       or (candidate.city or "").strip()))


def address_lines(candidate: Candidate, home_country: str = "") -> list[str]:
    """The lines in the envelope window: name, street lines, "postal code city", and the country in
    capitals when it is not the organisation's own (home_country, ISO code). Only lines that exist."""
    lines = [f"{candidate.first_name} {candidate.last_name}".strip()]
    lines += [line.strip() for line in (candidate.address or "").splitlines() if line.strip()]
    place = " ".join(part.strip() for part in (candidate.postal_code or "", candidate.city or "") if part.strip())
    if place:
        lines.append(place)
    country = (candidate.country or "").strip().upper()
    if country and country != home_country.upper():
        lines.append(Locale.parse("en").territories.get(country, country).upper())
    return [line for line in lines if line]


def letters_html(letters: list[Letter], header: Letterhead) -> str:
    """The printable HTML: one section per letter, each starting on a new page."""
    name, address = header.name, list(header.address_lines)
    esc = html.escape
    head = f'<p class="org">{esc(name)}</p>' + "".join(f'<p class="org-line">{esc(line)}</p>' for line in address)
    sender = " · ".join([name, *address])
    pages = []
    for letter in letters:
        recipient = "<br>".join(esc(line) for line in letter.address_lines)
        pages.append(
            f'<section class="letter" lang="{esc(letter.language)}"><footer class="footer">{esc(sender)}</footer>'
            f'<div class="fold fold-1"></div><div class="fold fold-2"></div><div class="fold punch"></div>'
            f'<header class="letterhead">{head}</header>'
            f'<div class="window"><p class="sender">{esc(sender)}</p><p class="recipient">{recipient}</p></div>'
            f'<p class="date">{esc(letter.date)}</p>'
            f'<p class="subject">{esc(letter.subject)}</p>'
            f'<div class="body">{letter.body_html}</div></section>')
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(name)}</title>'
            f'<style>{LETTER_CSS}</style></head><body>{"".join(pages)}</body></html>')


# Page: A4 with the body at DIN 5008's 25 mm left margin. Everything placed for the envelope is
# positioned from the letter's top-left corner, which is the page's (25 mm, 20 mm).
_LEFT, _TOP = 25, 20
LETTER_CSS = f"""
@page {{
  size: A4; margin: {_TOP}mm 20mm 22mm {_LEFT}mm;
  @bottom-center {{ content: element(footer); font-family: "DejaVu Sans", sans-serif; font-size: 7pt;
                    color: #59636e; vertical-align: top; }}
}}
.footer {{ position: running(footer); font-family: "DejaVu Sans", sans-serif; font-size: 7pt; color: #59636e;
           text-align: center; border-top: 0.3pt solid #cbd2d9; padding-top: 1.5mm; }}
html {{ font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #1f2933; }}
body {{ margin: 0; }}
p {{ margin: 0 0 3.5mm; }}
.letter {{ position: relative; padding-top: {90 - _TOP}mm; page-break-after: always; }}
.letter:last-child {{ page-break-after: auto; }}
.letterhead {{ position: absolute; top: 0; left: 0; right: 0; height: {45 - _TOP - 3}mm; text-align: right; }}
.letterhead p {{ margin: 0; }}
.org {{ font-size: 15pt; font-weight: bold; color: #174f73; }}
.org-line {{ font-size: 8.5pt; color: #59636e; }}
.window {{ position: absolute; top: {45 - _TOP}mm; left: {20 - _LEFT}mm; width: 85mm; height: 40mm;
           padding: 2mm 0 0 {_LEFT - 20}mm; box-sizing: border-box; overflow: hidden; }}
.sender {{ font-size: 6.5pt; color: #59636e; text-decoration: underline; margin: 0 0 2.5mm;
           white-space: nowrap; overflow: hidden; }}
.recipient {{ font-size: 10pt; line-height: 1.3; margin: 0; }}
.date {{ text-align: right; margin: 0 0 8mm; }}
.subject {{ font-weight: bold; margin: 0 0 6mm; }}
.body {{ overflow-wrap: break-word; }}
.body ul {{ margin: 0 0 3.5mm; padding-left: 6mm; }}
.fold {{ position: absolute; left: {5 - _LEFT}mm; width: 5mm; border-top: 0.3pt solid #9aa5b1; }}
.fold-1 {{ top: {105 - _TOP}mm; }}
.fold-2 {{ top: {210 - _TOP}mm; }}
.punch {{ top: {148.5 - _TOP}mm; width: 7mm; }}
"""


def download_link(file_key: str, user_id: int, expires: int | None = None) -> str:
    """The letters PDF's address for the user who made it until expires (Unix seconds; a day from now by
    default): signed with the server's secret, so the route hands out only letter files, only to their maker."""
    expires = tokens.file_link_expiry() if expires is None else expires
    return f"/files/letters/{file_key}?exp={expires}&sig={download_signature(file_key, user_id, expires)}"


def download_signature(file_key: str, user_id: int, expires: int) -> str:
    """The signature of a letters download for user_id until expires."""
    return tokens.sealed_token(config.secret_key(), "letters", file_key, user_id, expires)


def print_letters(session: Session, user: CurrentUser, application_ids: list[int], form: LetterForm) -> LetterRun:
    """The form's Print: the PDF for the ticked applicants, committed with its history lines."""
    run = letters_pdf(session, user, application_ids, str(form.get("kind") or ""),
                      message=str(form.get("message") or ""))
    session.commit()
    return run


# Send letter opens its form first; the form makes the PDF for every ticked applicant (letters_pdf).
LETTER: FurtherProgressAction[None, None] = FurtherProgressAction("letter", N_("Send letter"), form="letter")
