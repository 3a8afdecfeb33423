"""Contract templates: per department (or the whole organisation) and language, each edit a new version.

A contract keeps the version it was made from, so a version is never changed: saving a template whose
document or variables changed adds version n+1, and the old one stays as it was. Archiving takes a template
off the list a recruiter chooses from, and keeps it for the contracts made from it.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.contracts.variables import BUILT_IN_TAGS, check_variable_definitions
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.mail.markup import clean_html, markdown_to_html
from ats_app.mail.render import tags_outside
from ats_app.models import (
    Application,
    Contract,
    ContractTemplate,
    ContractTemplateVersion,
    Department,
    RecruitmentProject,
    User,
)
from ats_app.models.base import utcnow

RIGHT = "can_manage_contracts"
TITLE_MAX, BODY_MAX = 200, 60_000
ORGANISATION = 0  # templates_for(department_id=ORGANISATION): the organisation-wide templates only


@dataclass(frozen=True)
class TemplateRow:
    """One template on the Contracts page: where it applies, its current version and when that was saved."""

    id: int
    title: str
    department_id: int | None
    department: str  # empty: the whole organisation
    language: str
    version: int
    updated_at: datetime
    archived: bool


@dataclass(frozen=True)
class VersionRow:
    """One saved version in a template's history: who saved it, when, and how many contracts it made."""

    id: int
    version: int
    saved_by: str
    saved_at: datetime
    contracts: int


def require_manager(user: CurrentUser) -> None:
    """NotAllowed unless user may manage contract templates (admins may)."""
    if not user.has(RIGHT):
        raise NotAllowed(RIGHT)


def templates_for(session: Session, user: CurrentUser, *, department_id: int | None = None,
                  language: str | None = None, include_archived: bool = False) -> list[TemplateRow]:
    """The templates for the Contracts page, ordered organisation first, then by department, language and
    title. department_id: one department's (ORGANISATION: the organisation-wide ones; None: all)."""
    require_manager(user)
    latest = (select(ContractTemplateVersion.template_id, func.max(ContractTemplateVersion.version).label("v"))
              .group_by(col(ContractTemplateVersion.template_id)).subquery())
    query = (select(ContractTemplate, Department.name, ContractTemplateVersion)
             .join(latest, latest.c.template_id == ContractTemplate.id)
             .join(ContractTemplateVersion, (col(ContractTemplateVersion.template_id) == ContractTemplate.id)
                   & (col(ContractTemplateVersion.version) == latest.c.v))
             .outerjoin(Department, col(Department.id) == ContractTemplate.department_id))
    if department_id == ORGANISATION:
        query = query.where(col(ContractTemplate.department_id).is_(None))
    elif department_id is not None:
        query = query.where(ContractTemplate.department_id == department_id)
    if language:
        query = query.where(ContractTemplate.language == language)
    if not include_archived:
        query = query.where(col(ContractTemplate.archived_at).is_(None))
    rows = [TemplateRow(int(t.id), t.title, t.department_id, name or "", t.language, v.version, v.created_at,
                        t.archived_at is not None) for t, name, v in session.exec(query).all()]
    order = list(LANGUAGES)
    return sorted(rows, key=lambda r: (r.department_id is not None, r.department.lower(),
                                       order.index(r.language) if r.language in order else 99, r.title.lower()))


def current_version(session: Session, template_id: int) -> ContractTemplateVersion:
    """The template's newest version (LookupError when the template has none)."""
    version = session.exec(select(ContractTemplateVersion).where(ContractTemplateVersion.template_id == template_id)
                           .order_by(col(ContractTemplateVersion.version).desc()).limit(1)).first()
    if version is None:
        raise LookupError(f"contract template {template_id} has no version")
    return version


def versions_of(session: Session, template_id: int) -> list[VersionRow]:
    """The template's history, newest first."""
    used = dict(session.exec(select(Contract.template_version_id, func.count())
                             .join(ContractTemplateVersion, col(ContractTemplateVersion.id)
                                   == Contract.template_version_id)
                             .where(ContractTemplateVersion.template_id == template_id)
                             .group_by(col(Contract.template_version_id))).all())
    rows = session.exec(select(ContractTemplateVersion, User.name)
                        .outerjoin(User, col(User.id) == ContractTemplateVersion.created_by_id)
                        .where(ContractTemplateVersion.template_id == template_id)
                        .order_by(col(ContractTemplateVersion.version).desc())).all()
    return [VersionRow(int(v.id), v.version, name or "", v.created_at, int(used.get(v.id, 0))) for v, name in rows]


def default_template_for(session: Session, application_id: int, language: str) -> ContractTemplate | None:
    """The template a contract for the application starts from: its project's department's in language,
    else the organisation-wide one in language, else None (the form asks: another department's contract is
    never preselected). Archived templates are never chosen; among equals the lowest id (the oldest) wins."""
    department_id = session.exec(select(RecruitmentProject.department_id)
                                 .join(Application, Application.project_id == RecruitmentProject.id)
                                 .where(Application.id == application_id)).first()
    candidates = session.exec(select(ContractTemplate).where(ContractTemplate.language == language,
                                                             col(ContractTemplate.archived_at).is_(None))
                              .order_by(col(ContractTemplate.id))).all()
    for wanted in ((lambda t: department_id is not None and t.department_id == department_id),
                   (lambda t: t.department_id is None)):
        found = next((t for t in candidates if wanted(t)), None)
        if found is not None:
            return found
    return None


def check_body(body_text: str, variables: list[dict]) -> str:
    """The body (the editor's text format) as clean HTML; InvalidChoice("body") when empty, too long or
    using a tag that is neither a contract tag nor one of the template's own variables."""
    if not body_text.strip():
        raise InvalidChoice("body", N_("Write the contract's text."))
    if len(body_text) > BODY_MAX:
        raise InvalidChoice("body", N_("The text can be at most {max} characters."), max=BODY_MAX)
    unknown = tags_outside(body_text, BUILT_IN_TAGS + tuple(v["key"] for v in variables))
    if unknown:
        raise InvalidChoice("body", N_("Unknown tag {tags}: use a tag from the list or define it as a variable."),
                            tags=", ".join("{" + tag + "}" for tag in unknown))
    return clean_html(markdown_to_html(body_text))


def _check_template_fields(session: Session, title: str, department_id: int | None, language: str) -> str:
    title = " ".join((title or "").split())
    if not title or len(title) > TITLE_MAX:
        raise InvalidChoice("title", N_("Write a title of at most {max} characters."), max=TITLE_MAX)
    if department_id is not None and session.get(Department, department_id) is None:
        raise InvalidChoice("department", N_("Choose a department from the list."))
    if language not in LANGUAGES:
        raise InvalidChoice("language", N_("Choose a language from the list."))
    return title


def save_template(session: Session, user: CurrentUser, template_id: int | None, *, title: str,
                  department_id: int | None, language: str, body_text: str,
                  variables: list[dict]) -> ContractTemplateVersion:
    """Create a template (template_id None) or save an edit, returning the current version: a new version
    when the document or the variables changed (the old one stays untouched), else the current one with the
    title, department and language updated. Checks everything before changing anything; flushes."""
    require_manager(user)
    title = _check_template_fields(session, title, department_id, language)
    defined = check_variable_definitions(variables)
    body_html = check_body(body_text, defined)
    template = session.get(ContractTemplate, template_id) if template_id is not None else ContractTemplate(title=title)
    if template is None:
        raise InvalidChoice("template", N_("This template no longer exists."))
    template.title, template.department_id, template.language = title, department_id, language
    session.add(template)
    session.flush()
    latest = current_version(session, int(template.id)) if template_id is not None else None
    if latest is not None and latest.body_html == body_html and list(latest.variables or []) == defined:
        return latest
    version = ContractTemplateVersion(template_id=template.id, version=(latest.version if latest else 0) + 1,
                                      body_html=body_html, variables=defined, created_by_id=user.id)
    session.add(version)
    session.flush()
    return version


def set_archived(session: Session, user: CurrentUser, template_id: int, archived: bool) -> ContractTemplate:
    """Archive (no longer offered) or unarchive a template; its versions and contracts stay."""
    require_manager(user)
    template = session.get(ContractTemplate, template_id)
    if template is None:
        raise InvalidChoice("template", N_("This template no longer exists."))
    template.archived_at = utcnow() if archived else None
    session.add(template)
    session.flush()
    return template


def template_to_edit(session: Session, user: CurrentUser,
                     template_id: int) -> tuple[ContractTemplate, ContractTemplateVersion]:
    """The template and its current version, for the editor."""
    require_manager(user)
    template = session.get(ContractTemplate, template_id)
    if template is None:
        raise InvalidChoice("template", N_("This template no longer exists."))
    return template, current_version(session, template_id)
