"""What the Send to review panel form offers and shows before anything is sent: the reviewers one may choose
(the project department's users, the outside reviewers remembered for the project), what the reviewers will
see of the first candidate, and the invitation as a reviewer will read it.

Everything starts from the ticked applications the user may see, all of one project; a hiring manager may
send only for the projects of their own department.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.lookup import find_application
from ats_app.core import config
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import N_, gettext, normalise_language
from ats_app.mail.compose import Draft, check_drafts, render_draft, sender_user
from ats_app.mail.kinds import PANEL_TAGS
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import long_date, recipients
from ats_app.models import PanelContact, RecruitmentProject, Role, User
from ats_app.panel_review import panels
from ats_app.panel_review.material import CandidateMaterial, Sharing, candidate_material
from ats_app.projects.editing import organisation_today

KIND = "panel_review"
LINK_TAG = "reviewlink"  # the reviewers' only way to the candidates: the email is useless without it
LINK_LABEL = N_("Review the candidates")
MAX_CANDIDATES = 50  # one panel is one run: more than this would be split into several panels
PREVIEW_LINK = "/review/PREVIEW"
EXAMPLE_REVIEWER = "Ola Hansen"  # the preview's reviewer
DUE_MAX_DAYS = 365


@dataclass(frozen=True)
class InternalChoice:
    """A user of the project's department who may be asked to review."""

    id: int
    name: str
    email: str
    language: str


@dataclass(frozen=True)
class OutsideChoice:
    """An outside reviewer remembered for the project."""

    email: str
    name: str
    language: str


@dataclass(frozen=True)
class ReviewerChoices:
    """The form's reviewers to choose from."""

    project_id: int
    department_id: int | None  # its templates come before the organisation's
    internal: list[InternalChoice]
    outside: list[OutsideChoice]


def may_send_for(user: CurrentUser, project: RecruitmentProject) -> bool:
    """Holding the right, admins and recruiters send for any project they see; a hiring manager only for their
    own department's."""
    if not user.has(panels.RIGHT):
        return False
    if user.role != Role.HIRING_MANAGER:
        return True
    return user.department_id is not None and project.department_id == user.department_id


def panel_project(session: Session, user: CurrentUser, application_ids: list[int]) -> RecruitmentProject:
    """The one project of the ticked applications user may see; InvalidChoice when there is none, when they
    are of several projects or too many; NotAllowed for another department's project (a hiring manager)."""
    ids = list(dict.fromkeys(application_ids or []))
    if not ids:
        raise InvalidChoice("action", N_("Tick at least one applicant."))
    if len(ids) > MAX_CANDIDATES:
        raise InvalidChoice("action", N_("A panel can review at most {max} candidates."), max=MAX_CANDIDATES)
    projects = set()
    for application_id in ids:
        try:
            projects.add(find_application(session, user, int(application_id)).project_id)
        except (ActionRefused, TypeError, ValueError):
            continue  # not visible (or not a number): run_all reports it
    if not projects:
        raise InvalidChoice("action", N_("Tick at least one applicant."))
    if len(projects) > 1:
        raise InvalidChoice("action", N_("Send applicants of one project at a time to a review panel."))
    project = session.get(RecruitmentProject, projects.pop())
    if project is None or not may_send_for(user, project):
        raise NotAllowed("panel_review")
    return project


def department_users(session: Session, project: RecruitmentProject) -> list[User]:
    """The active users of the project's department (every active user when the project has none), by name."""
    query = select(User).where(col(User.active).is_(True))
    if project.department_id is not None:
        query = query.where(User.department_id == project.department_id)
    return list(session.exec(query.order_by(User.name, User.id)))


def reviewer_choices(session: Session, user: CurrentUser, application_ids: list[int]) -> ReviewerChoices:
    """The internal users one may choose and the outside reviewers remembered for the project, latest first."""
    project = panel_project(session, user, application_ids)
    internal = [InternalChoice(u.id, u.name, u.email, normalise_language(u.language))
                for u in department_users(session, project)]
    contacts = session.exec(select(PanelContact).where(PanelContact.project_id == project.id)
                            .order_by(col(PanelContact.last_used_at).desc(), PanelContact.email)).all()
    outside = [OutsideChoice(c.email, c.name or "", normalise_language(c.language)) for c in contacts]
    return ReviewerChoices(project.id, project.department_id, internal, outside)


def preview(session: Session, user: CurrentUser, application_ids: list[int], sharing: Sharing,
            language: str) -> CandidateMaterial | None:
    """What the reviewers will see of the first ticked applicant, with the chosen sharing."""
    first = first_visible(session, user, application_ids)
    return candidate_material(session, sharing, first, language) if first else None


def first_visible(session: Session, user: CurrentUser, application_ids: list[int]) -> int | None:
    """The first ticked application user may see, after the checks of panel_project."""
    panel_project(session, user, application_ids)  # the right and the project, as sending checks them
    for application_id in application_ids:
        try:
            return find_application(session, user, int(application_id)).id
        except ActionRefused:
            continue
    return None


def due_date_range(session: Session) -> tuple[str, str]:
    """The first and last due date one may choose (ISO): tomorrow, and a year from today, in the organisation's
    days."""
    today = organisation_today(session)
    return (today + timedelta(days=1)).isoformat(), (today + timedelta(days=DUE_MAX_DAYS)).isoformat()


def parse_day(text: str | None) -> date | None:
    """An ISO date from a form, None when it is not one."""
    try:
        return date.fromisoformat(str(text or "").strip())
    except ValueError:
        return None


def panel_values(session: Session, user: CurrentUser | None, first_application_id: int, language: str, *,
                 reviewer_name: str, due_date: date | None, count: int, link: str) -> TagValues:
    """The tags of one reviewer's invitation: the project's (read from the first candidate's application), the
    reviewer's name, the due date, how many candidates, and the link."""
    [person] = recipients(session, [first_application_id], sender_user(session, user), language=language)
    values = {tag: person.values.values[tag] for tag in PANEL_TAGS}
    values.update(reviewername=reviewer_name, duedate=long_date(due_date, language), candidatecount=str(count))
    return TagValues(values, {LINK_TAG: (link, gettext(language, LINK_LABEL))})


def email_preview(session: Session, user: CurrentUser, application_ids: list[int], draft: Draft,
                  due_date: date | None) -> str:
    """The invitation in draft's language as a reviewer reads it (the link goes nowhere); InvalidChoice on the
    draft's field when it cannot be sent."""
    first = first_visible(session, user, application_ids)
    check_drafts(KIND, [draft])
    if first is None:
        return ""
    values = panel_values(session, user, first, draft.language, reviewer_name=EXAMPLE_REVIEWER, due_date=due_date,
                          count=len(application_ids), link=config.link(PREVIEW_LINK))
    return render_draft(session, draft, KIND, values, draft.language).html
