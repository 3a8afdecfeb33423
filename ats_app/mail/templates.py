"""The email templates recruiters edit: per kind × language, optionally per department.

Lookup order for an email: the department's own version, then the organisation's, then our default
text (mail.defaults). Saving checks every tag against the kind and cleans the HTML (nh3);
reset removes the edited version so the default applies again.
"""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.mail.defaults import default_template
from ats_app.mail.kinds import KINDS, KINDS_BY_CODE
from ats_app.mail.markup import clean_html, markdown_to_html
from ats_app.mail.render import unknown_tags
from ats_app.models import EmailTemplate
from ats_app.models.base import utcnow

SUBJECT_MAX = 200


@dataclass(frozen=True)
class Template:
    """The text an email of one kind and language is written from, and where that text comes from."""

    kind: str
    language: str
    department_id: int | None
    subject: str
    body_html: str
    source: str  # "department", "organisation" or "default"
    updated_at: str = ""


def _row(session: Session, kind: str, language: str, department_id: int | None) -> EmailTemplate | None:
    return session.exec(select(EmailTemplate).where(
        EmailTemplate.kind == kind, EmailTemplate.language == language,
        EmailTemplate.department_id == department_id if department_id else col(EmailTemplate.department_id).is_(None),
    )).first()


def template_for(session: Session, kind: str, language: str, department_id: int | None = None) -> Template:
    """The template an email of kind in language uses for department_id."""
    if department_id:
        row = _row(session, kind, language, department_id)
        if row:
            return Template(kind, language, department_id, row.subject, row.body_html, "department",
                            row.updated_at.isoformat())
    row = _row(session, kind, language, None)
    if row:
        return Template(kind, language, None, row.subject, row.body_html, "organisation", row.updated_at.isoformat())
    subject, body = default_template(kind, language)
    return Template(kind, language, None, subject, body, "default")


def edited_versions(session: Session) -> dict[tuple[str, str, int | None], EmailTemplate]:
    """Every edited template, keyed by (kind, language, department_id): the list page marks them."""
    return {(row.kind, row.language, row.department_id): row for row in session.exec(select(EmailTemplate)).all()}


def check_template(kind: str, subject: str, body_text: str) -> None:
    """Raise InvalidChoice naming the field when subject or body cannot make a good email."""
    subject = subject.strip()
    if not subject:
        raise InvalidChoice("subject", N_("Write a subject."))
    if "\n" in subject or len(subject) > SUBJECT_MAX:
        raise InvalidChoice("subject", N_("The subject must be one line of at most {max} characters."),
                            max=SUBJECT_MAX)
    for field, text in (("subject", subject), ("body", body_text)):
        unknown = unknown_tags(text, kind)
        if unknown:
            raise InvalidChoice(field, N_("Unknown tag {tags}: use one of the tags listed beside the editor."),
                                tags=", ".join("{" + tag + "}" for tag in unknown))
    if not body_text.strip():
        raise InvalidChoice("body", N_("Write the content of the email."))


def _require_editor(user: CurrentUser) -> None:
    if not user.has("can_edit_templates"):
        raise NotAllowed("edit_templates")


def _check_scope(kind: str, language: str) -> None:
    if kind not in KINDS_BY_CODE or language not in LANGUAGES:
        raise InvalidChoice("kind", N_("Choose a template from the list."))


def save_template(session: Session, user: CurrentUser, kind: str, language: str, department_id: int | None,
                  subject: str, body_text: str) -> EmailTemplate:
    """Store the recruiter's version (body written in the editor's text format) for kind × language."""
    _require_editor(user)
    _check_scope(kind, language)
    check_template(kind, subject, body_text)
    row = _row(session, kind, language, department_id) or EmailTemplate(
        kind=kind, language=language, department_id=department_id, subject="", body_html="")
    row.subject = subject.strip()
    row.body_html = clean_html(markdown_to_html(body_text))
    row.updated_at = utcnow()
    row.updated_by_id = user.id
    session.add(row)
    return row


def reset_template(session: Session, user: CurrentUser, kind: str, language: str,
                   department_id: int | None) -> bool:
    """Remove the edited version so the next level (organisation or default) applies; True if one existed."""
    _require_editor(user)
    _check_scope(kind, language)
    row = _row(session, kind, language, department_id)
    if row is None:
        return False
    session.delete(row)
    return True


def template_rows(session: Session, department_id: int | None = None) -> list[dict]:
    """One row per kind × language for the Email templates page (edited or default)."""
    edited = edited_versions(session)
    rows = []
    for kind in KINDS:
        for language in LANGUAGES:
            own = edited.get((kind.code, language, department_id))
            org = edited.get((kind.code, language, None))
            rows.append({"kind": kind.code, "label": kind.label, "language": language,
                         "edited": own is not None,
                         "inherits": own is None and org is not None and bool(department_id)})
    return rows
