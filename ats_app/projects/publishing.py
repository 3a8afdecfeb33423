"""A recruitment project's status: Draft → Open (published) → Closed, and Reopen; and deleting a project.

Publishing needs an advert (at least its headline) in one of the project's languages and a deadline that has
not passed (the deadline day itself still counts, in the organisation's time zone); the first publication
is the advert's datePosted (published_at). A closed project takes no applications but keeps its list.
A project with applications is never deleted (close it instead); one without is soft-deleted (deleted_at),
which hides it everywhere. Each change is a history line; nothing here commits.
"""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import ProjectRefused
from ats_app.core.i18n import N_
from ats_app.models import Application, ProjectAdvert, ProjectStatus, RecruitmentProject
from ats_app.models.base import utcnow
from ats_app.projects import history
from ats_app.projects.editing import editable_project, organisation_today

NO_ADVERT = N_("Write the advert's headline in at least one of the project's languages before publishing.")
NO_DEADLINE = N_("Set an application deadline before publishing.")
DEADLINE_PASSED = N_("The application deadline has passed: choose a date from today on.")
REOPEN_DEADLINE_PASSED = N_("The application deadline has passed: choose a later date before reopening.")
NOT_A_DRAFT = N_("Only a draft project can be published.")
NOT_OPEN = N_("Only an open project can be closed.")
NOT_CLOSED = N_("Only a closed project can be reopened.")
HAS_APPLICATIONS = N_("This project has {count} applications and cannot be deleted: close it instead.")


def has_advert(session: Session, project: RecruitmentProject) -> bool:
    """True when one of the project's languages has an advert with a headline."""
    headlines = session.exec(select(ProjectAdvert.language, ProjectAdvert.headline)
                             .where(ProjectAdvert.project_id == project.id)).all()
    return any(language in (project.languages or []) and headline.strip() for language, headline in headlines)


def _deadline_problem(project: RecruitmentProject, today: date, passed: str) -> str | None:
    if project.deadline is None:
        return NO_DEADLINE
    return passed if project.deadline < today else None


def publish_problems(session: Session, project: RecruitmentProject, today: date | None = None) -> list[str]:
    """What still stands in the way of publishing project (empty: it may be published)."""
    today = today or organisation_today(session)
    problems = [] if has_advert(session, project) else [NO_ADVERT]
    deadline = _deadline_problem(project, today, DEADLINE_PASSED)
    return problems + ([deadline] if deadline else [])


def application_count(session: Session, project_id: int) -> int:
    """The applications the project holds (those in Deleted applications too: they still point at it)."""
    return session.exec(select(func.count()).select_from(Application)
                        .where(Application.project_id == project_id)).one()


def _move(session: Session, user: CurrentUser, project: RecruitmentProject, status: ProjectStatus,
          kind: str) -> RecruitmentProject:
    now = utcnow()
    project.status, project.updated_at = status, now
    project.closed_at = now if status == ProjectStatus.CLOSED else None
    if status == ProjectStatus.OPEN:
        project.published_at = project.published_at or now
    session.add(project)
    history.record(session, user, project, kind)
    session.flush()
    return project


def publish(session: Session, user: CurrentUser, project_id: int, today: date | None = None) -> RecruitmentProject:
    """Draft → Open: the project takes applications (published_at set the first time)."""
    project = editable_project(session, user, project_id)
    if project.status != ProjectStatus.DRAFT:
        raise ProjectRefused(NOT_A_DRAFT)
    problems = publish_problems(session, project, today)
    if problems:
        raise ProjectRefused(*problems)
    return _move(session, user, project, ProjectStatus.OPEN, history.PUBLISHED)


def close(session: Session, user: CurrentUser, project_id: int) -> RecruitmentProject:
    """Open → Closed: no more applications; the list and everything in it stay."""
    project = editable_project(session, user, project_id)
    if project.status != ProjectStatus.OPEN:
        raise ProjectRefused(NOT_OPEN)
    return _move(session, user, project, ProjectStatus.CLOSED, history.CLOSED)


def reopen(session: Session, user: CurrentUser, project_id: int, today: date | None = None) -> RecruitmentProject:
    """Closed → Open again, when the deadline has not passed."""
    project = editable_project(session, user, project_id)
    if project.status != ProjectStatus.CLOSED:
        raise ProjectRefused(NOT_CLOSED)
    problem = _deadline_problem(project, today or organisation_today(session), REOPEN_DEADLINE_PASSED)
    if problem:
        raise ProjectRefused(problem)
    return _move(session, user, project, ProjectStatus.OPEN, history.REOPENED)


def delete(session: Session, user: CurrentUser, project_id: int) -> RecruitmentProject:
    """Soft-delete a project without applications; one with applications is refused (close it instead)."""
    project = editable_project(session, user, project_id)
    count = application_count(session, project.id)
    if count:
        raise ProjectRefused(HAS_APPLICATIONS, count=count)
    project.deleted_at = project.updated_at = utcnow()
    session.add(project)
    history.record(session, user, project, history.DELETED)
    session.flush()
    return project



def takes_applications(project: RecruitmentProject | None, today: date) -> bool:
    """Whether candidates may see and apply to project now: open, not deleted, and the deadline (a local day,
    organisation_today) not passed. The one rule of the editor, the careers site and the application form."""
    return (project is not None and project.status == ProjectStatus.OPEN and project.deleted_at is None
            and (project.deadline is None or project.deadline >= today))


def shown_adverts(session: Session, project: RecruitmentProject) -> dict[str, ProjectAdvert]:
    """The adverts a careers site may show: one per project language that has a headline, in the project's
    order of languages (the first is the main one). The parts are stored clean (mail.markup); a page that
    renders them may clean them again."""
    found = {a.language: a for a in session.exec(select(ProjectAdvert).where(ProjectAdvert.project_id == project.id))}
    return {lang: found[lang] for lang in project.languages or [] if lang in found and found[lang].headline.strip()}
