"""The contract document: a template version filled for one application, as printable HTML and as a PDF.

Recruiters write {tags}, never markup: the body is the editor's clean HTML rendered in the same sandbox as
emails (mail.render), with the candidate's, the offer's and the organisation's values and the template's
own variables, every value escaped. Around it sit the organisation's letterhead, the title, a signature
block for both parties and "Page 1 of 3" in the footer, on A4.
"""

import html
from datetime import date

from sqlmodel import Session

from ats_app.contracts.variables import BUILT_IN_TAGS, Variable, check_values, variables_of
from ats_app.core.i18n import N_, gettext
from ats_app.core.pdf import pdf_from_html
from ats_app.mail.render import TagValues, render_with_tags
from ats_app.mail.tag_values import long_date, recipients
from ats_app.models import Application, Candidate, ContractTemplate, ContractTemplateVersion, User
from ats_app.offers.current import current_offer, offer_values
from ats_app.organisation.letterhead import Letterhead, letterhead

# Every tag a contract may use beside its template's own variables (contract_tags adds those).
CONTRACT_TAGS: tuple[str, ...] = BUILT_IN_TAGS
PAGE_OF = N_("Page {page} of {pages}")
EMPLOYER, EMPLOYEE = N_("For the employer"), N_("Employee")
PLACE_AND_DATE, SIGNATURE, NAME = N_("Place and date"), N_("Signature"), N_("Name in block letters")


def contract_tags(variables: list[Variable]) -> tuple[str, ...]:
    """The tags a version's body may use: the contract tags and its variables' keys."""
    return CONTRACT_TAGS + tuple(variable.key for variable in variables)


def _person_values(candidate: Candidate, language: str) -> dict[str, str]:
    place = " ".join(part.strip() for part in (candidate.postal_code or "", candidate.city or "") if part.strip())
    street = ", ".join(line.strip() for line in (candidate.address or "").splitlines() if line.strip())
    return {"candidateaddress": ", ".join(part for part in (street, place) if part),
            "birthdate": long_date(candidate.birth_date, language)}


def _own_values(variables: list[Variable], values: dict[str, str], language: str) -> dict[str, str]:
    """The checked self-defined values as the document writes them (dates in the language's long form)."""
    checked = check_values(variables, values)
    return {v.key: long_date(date.fromisoformat(checked[v.key]), language) if v.type == "date" else checked[v.key]
            for v in variables}


def contract_values(session: Session, version: ContractTemplateVersion, application_id: int,
                    values: dict[str, str], language: str, *, sender: User | None = None) -> dict[str, str]:
    """Every tag's value for the application's contract in language. Raises InvalidChoice
    ("variable:<key>") for a missing or ill-typed self-defined value, LookupError for an unknown application."""
    people = recipients(session, [application_id], sender, language)
    application = session.get(Application, application_id)
    if not people or application is None:
        raise LookupError(f"application {application_id} not found")
    candidate = session.get(Candidate, application.candidate_id)
    head = letterhead(session)
    base = people[0].values.values
    offer = offer_values(session, current_offer(session, application_id), language)
    # An offer that names no position or department is for the project's (the contract never reads "as  in .").
    offer["offerposition"] = offer["offerposition"] or base["position"]
    offer["offerdepartment"] = offer["offerdepartment"] or base["department"]
    return {**base, **_person_values(candidate, language), **offer, "companyaddress": ", ".join(head.address_lines),
            **_own_values(variables_of(version), values, language)}


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _page_counter(language: str) -> str:
    """CSS content for "Page 1 of 3" in language: the words around counter(page) and counter(pages)."""
    words = gettext(language, PAGE_OF)
    before, _, rest = words.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    return " ".join([_css_string(before), "counter(page)", _css_string(middle), "counter(pages)",
                     _css_string(after)])


def _signature_block(language: str, employer: str, signatory: str, employee: str) -> str:
    esc = html.escape

    def party(heading: str, name: str, person: str) -> str:
        return (f'<div class="party"><p class="party-heading">{esc(gettext(language, heading))}</p>'
                f'<p class="party-name">{esc(name)}</p>'
                f'<div class="line"></div><p class="caption">{esc(gettext(language, PLACE_AND_DATE))}</p>'
                f'<div class="line tall"></div><p class="caption">{esc(gettext(language, SIGNATURE))}</p>'
                f'<p class="printed">{esc(person)}</p><div class="line"></div>'
                f'<p class="caption">{esc(gettext(language, NAME))}</p></div>')

    return (f'<section class="signatures">{party(EMPLOYER, employer, signatory)}'
            f'{party(EMPLOYEE, employee, employee)}</section>')


def document_html(title: str, body_html: str, head: Letterhead, language: str, *, signatory: str,
                  employee: str) -> str:
    """The printable page around an already rendered body (escaped or cleaned)."""
    esc = html.escape
    address = "".join(f'<p class="org-line">{esc(line)}</p>' for line in head.address_lines)
    footer = " · ".join([head.name, *head.address_lines])
    css = CONTRACT_CSS.replace("PAGE_COUNTER", _page_counter(language))
    return (f'<!DOCTYPE html><html lang="{esc(language)}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<style>{css}</style></head><body>'
            f'<footer class="footer">{esc(footer)}</footer>'
            f'<header class="letterhead"><p class="org">{esc(head.name)}</p>{address}</header>'
            f'<h1>{esc(title)}</h1><div class="body">{body_html}</div>'
            f'{_signature_block(language, head.name, signatory, employee)}</body></html>')


def contract_html(session: Session, version: ContractTemplateVersion, application_id: int, values: dict[str, str],
                  language: str, *, sender: User | None = None, title: str | None = None) -> str:
    """The whole printable contract for the application from version, in language.

    values: the recruiter's self-defined values (checked: InvalidChoice "variable:<key>"). An unknown tag in
    the body raises UnknownTag. sender: the user producing it ({recruitername}, the employer's signatory).
    title: the heading (default: the template's title; the editor's preview passes the unsaved one).
    """
    tags = contract_values(session, version, application_id, values, language, sender=sender)
    body = render_with_tags(version.body_html, TagValues(tags), contract_tags(variables_of(version)))
    if title is None:
        template = session.get(ContractTemplate, version.template_id) if version.template_id else None
        title = template.title if template else ""
    return document_html(title, body, letterhead(session), language,
                         signatory=sender.name if sender else "", employee=tags["fullname"])


def contract_pdf(source: str) -> bytes:
    """The contract HTML printed to an A4 PDF (WeasyPrint, data: URLs only)."""
    return pdf_from_html(source)


CONTRACT_CSS = """
@page {
  size: A4; margin: 22mm 20mm 24mm 25mm;
  @bottom-left { content: element(footer); vertical-align: top; }
  @bottom-right { content: PAGE_COUNTER; font-family: "DejaVu Sans", sans-serif; font-size: 7.5pt;
                  color: #59636e; vertical-align: top; padding-top: 1.5mm; }
}
.footer { position: running(footer); font-family: "DejaVu Sans", sans-serif; font-size: 7pt; color: #59636e;
          padding-top: 1.5mm; }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #1f2933; }
body { margin: 0; }
p { margin: 0 0 3mm; }
.letterhead { text-align: right; border-bottom: 1.2pt solid #174f73; padding-bottom: 3mm; margin-bottom: 9mm; }
.letterhead p { margin: 0; }
.org { font-size: 15pt; font-weight: bold; color: #174f73; }
.org-line { font-size: 8.5pt; color: #59636e; }
h1 { font-size: 16pt; margin: 0 0 7mm; color: #1f2933; }
.body { overflow-wrap: break-word; }
.body ul { margin: 0 0 3mm; padding-left: 6mm; }
.body strong { color: #174f73; }
.signatures { display: flex; gap: 12mm; margin-top: 14mm; page-break-inside: avoid; }
.party { flex: 1; }
.party-heading { font-weight: bold; margin-bottom: 1mm; }
.party-name { margin-bottom: 10mm; }
.line { border-bottom: 0.5pt solid #1f2933; height: 6mm; }
.line.tall { height: 14mm; }
@media screen {  /* the editor's preview in a browser: no running footer there, a little air instead */
  .footer { display: none; }
  body { padding: 18px 22px; }
}
.caption { font-size: 7.5pt; color: #59636e; margin: 1mm 0 5mm; }
.printed { margin: 0; height: 5mm; }
"""
