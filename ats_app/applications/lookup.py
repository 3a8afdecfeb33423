"""Finding the applications a user may see: every action starts here, so a hidden project's applicant
is "not found" to whoever may not see it (we never say which)."""

from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import N_
from ats_app.models import Application, Candidate, RecruitmentProject

NOT_FOUND = N_("not found")


def find_application(session: Session, user: CurrentUser, application_id: int, *,
                     include_deleted_projects: bool = False) -> Application:
    """The application, when its project is visible to user; else ActionRefused("not found")."""
    application = session.exec(
        select(Application).join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
        .where(Application.id == application_id, col(Application.moved_to_id).is_(None),
               visible_projects(user, include_deleted=include_deleted_projects))
    ).first()
    if application is None:
        raise ActionRefused(NOT_FOUND)
    return application


def applicant_names(session: Session, user: CurrentUser, application_ids: list[int]) -> dict[int, str]:
    """Candidates' names by application id, for result lists (only of applications user may see, deleted
    ones included): read before an action runs, so a purged applicant is still named in its result."""
    if not application_ids:
        return {}
    found = session.exec(select(Application.id, Candidate.first_name, Candidate.last_name)
                         .join(Candidate, col(Candidate.id) == Application.candidate_id)
                         .join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
                         .where(col(Application.id).in_(application_ids),
                                visible_projects(user, include_deleted=True))).all()
    return {int(i): f"{first} {last}" for i, first, last in found}


def all_visible(session: Session, user: CurrentUser, application_ids: list[int]) -> bool:
    """Whether user may see every one of application_ids (deleted projects' included, for Deleted applications):
    a form opens with a name, an email or a preview only then."""
    wanted = {int(i) for i in application_ids}
    if not wanted or any(not 0 < i < 2**63 for i in wanted):
        return False
    found = session.exec(select(Application.id)
                         .join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
                         .where(col(Application.id).in_(wanted), col(Application.moved_to_id).is_(None),
                                visible_projects(user, include_deleted=True))).all()
    return len(set(found)) == len(wanted)
