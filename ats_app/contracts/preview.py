"""A contract template previewed for a real applicant, as the page and as the PDF, before it is saved.

The recruiter chooses one of the recent applications they may see and fills example values for the
template's own variables; the document is the one a contract would be (documents.contract_html), made from
the text in the editor, unsaved. The PDF is stored privately and served only to its maker (a signed link).
"""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.lookup import find_application
from ats_app.contracts.documents import contract_html, contract_pdf
from ats_app.contracts.template_library import check_body, require_manager
from ats_app.contracts.variables import check_variable_definitions
from ats_app.core import config, files, tokens
from ats_app.core.errors import ActionRefused, InvalidChoice
from ats_app.core.i18n import N_
from ats_app.mail.compose import sender_user
from ats_app.models import Application, Candidate, ContractTemplateVersion, Offer, RecruitmentProject

RECENT = 30


@dataclass(frozen=True)
class PreviewApplicant:
    """An application to preview with: who, for which project, and whether it has an offer."""

    application_id: int
    name: str
    project: str
    has_offer: bool


def preview_applicants(session: Session, user: CurrentUser, search: str = "") -> list[PreviewApplicant]:
    """Up to 30 recent applications user may see (those with an offer first), optionally by name or email."""
    require_manager(user)
    offered = select(Offer.application_id).where(col(Offer.superseded_at).is_(None))
    query = (select(Application.id, Candidate.first_name, Candidate.last_name, RecruitmentProject.title,
                    col(Application.id).in_(offered))
             .join(Candidate, col(Candidate.id) == Application.candidate_id)
             .join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
             .where(col(Application.deleted_at).is_(None), col(Application.moved_to_id).is_(None),
                    col(Candidate.anonymised_at).is_(None), visible_projects(user)))
    words = search.strip().lower()
    if words:
        like = f"%{words[:100]}%"
        query = query.where(col(Candidate.first_name).ilike(like) | col(Candidate.last_name).ilike(like)
                            | col(Candidate.email).ilike(like))
    rows = session.exec(query.order_by(col(Application.id).in_(offered).desc(),
                                       col(Application.applied_at).desc()).limit(RECENT)).all()
    return [PreviewApplicant(int(i), f"{first} {last}", project, bool(offer))
            for i, first, last, project, offer in rows]


def preview_html(session: Session, user: CurrentUser, application_id: int, *, title: str, language: str,
                 body_text: str, variables: list[dict], values: dict[str, str]) -> str:
    """The document the editor's text makes for the application, with the example values.

    Raises NotAllowed, InvalidChoice (the body, a variable row, "variable:<key>", or "application").
    """
    require_manager(user)
    defined = check_variable_definitions(variables)
    body_html = check_body(body_text, defined)
    try:
        find_application(session, user, application_id)
    except ActionRefused:
        raise InvalidChoice("application", N_("Choose an applicant from the list.")) from None
    draft = ContractTemplateVersion(template_id=0, version=0, body_html=body_html, variables=defined)
    return contract_html(session, draft, application_id, values, language, sender=sender_user(session, user),
                         title=" ".join(title.split()))


def preview_pdf_link(session: Session, user: CurrentUser, application_id: int, *, title: str, language: str,
                     body_text: str, variables: list[dict], values: dict[str, str], previous_key: str = "") -> str:
    """The preview (as preview_html) printed and stored privately; returns its download link for user. The
    previous preview's file (previous_key) is removed, so previews do not pile up."""
    source = preview_html(session, user, application_id, title=title, language=language, body_text=body_text,
                          variables=variables, values=values)
    if previous_key:
        try:
            files.delete(previous_key)
        except ValueError:  # not a key we made
            pass
    key = files.store_scratch(contract_pdf(source))
    return preview_link(key, user.id)


def preview_link(file_key: str, user_id: int) -> str:
    """A preview's address for its maker, for a day (web.signed_files checks it)."""
    expires = tokens.file_link_expiry()
    return f"/files/contract-preview/{file_key}?exp={expires}&sig={preview_signature(file_key, user_id, expires)}"


def preview_signature(file_key: str, user_id: int, expires: int) -> str:
    """The signature of a contract preview download for user_id until expires (only its maker may fetch it)."""
    return tokens.sealed_token(config.secret_key(), "contract-preview", file_key, user_id, expires)
