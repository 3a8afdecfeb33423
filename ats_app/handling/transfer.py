"""Transfer: the candidate (not the project's material) moves to another recruitment project or to the
CV database.

We follow EasyCruit, not Greenhouse (research/anchors_features.md §4.6): the new application in the
target starts with status Transferred and carries neither the cover letter nor the source project's
screening answers, ranking, ratings or interviews. Move (the default) takes the source application off
its project's list; "Copy (do not move)" leaves it as it was.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from ats_app.models import (Application, ApplicationStatus as S, Candidate, Department, ProjectStatus,
    RecruitmentProject)
from ats_app.models.base import utcnow
from ats_app.accounts.access import visible_projects
from ats_app.handling.actions import (change_status, find_application, new_application, record, refuse_if_applied,
    require)
from ats_app.accounts.auth import CurrentUser
from ats_app.core.i18n import N_
from ats_app.applications.transitions import check
from ats_app.core.errors import ActionRefused, InvalidChoice

CV_DATABASE = "cv_database"
TARGET_STATUSES = (ProjectStatus.OPEN, ProjectStatus.CLOSED)


@dataclass
class TargetProject:
    """A project a candidate can be transferred to, for the grouped picker."""

    id: int
    title: str
    department: str
    status: str


def target_projects(session: Session, user: CurrentUser, status: str = "open") -> list[TargetProject]:
    """Open (or closed) projects user may see, by department then title."""
    if status not in TARGET_STATUSES:
        raise ValueError(f"unknown target status {status!r}")
    found = session.exec(
        select(RecruitmentProject.id, RecruitmentProject.title, Department.name, RecruitmentProject.status)
        .join(Department, Department.id == RecruitmentProject.department_id, isouter=True)
        .where(visible_projects(user), RecruitmentProject.status == status)
        .order_by(Department.name.asc().nulls_last(), RecruitmentProject.title)
    ).all()
    return [TargetProject(id=i, title=title, department=department or "", status=s) for i, title, department, s in found]


def check_target(session: Session, user: CurrentUser, target: str | int | None) -> RecruitmentProject | None:
    """The target project (None for the CV database); InvalidChoice when none or a wrong one is chosen."""
    if target == CV_DATABASE:
        return None
    try:
        target_id = int(target)
    except (TypeError, ValueError):
        raise InvalidChoice("target", N_("Choose the project to transfer to.")) from None
    project = session.exec(select(RecruitmentProject).where(RecruitmentProject.id == target_id,
                                                            visible_projects(user))).first()
    if project is None or project.status not in TARGET_STATUSES:
        raise InvalidChoice("target", N_("Choose an open or closed project you can see."))
    return project


def transfer_application(session: Session, user: CurrentUser, application_id: int, *,
                         target: RecruitmentProject | None, copy: bool = False) -> Application:
    """Transfer one applicant; returns the new application (or the saved one, for the CV database)."""
    require(user, "transfer")
    if target is None:
        application = find_application(session, user, application_id)
        check("transfer_to_cv_database", application)
        change_status(session, user, application, S.SAVED, "transfer", target=CV_DATABASE)
        return application
    application = find_application(session, user, application_id)
    check("transfer", application)
    if application.project_id == target.id:
        raise ActionRefused(N_("already in this project"))
    candidate = session.get(Candidate, application.candidate_id)
    refuse_if_applied(session, candidate.id, target)
    moved = new_application(session, candidate, target.id, S.TRANSFERRED, source="transfer")
    mode = "copy" if copy else "move"
    record(session, user, moved, "transferred_in", from_project_id=application.project_id,
           from_application_id=application.id, mode=mode)
    record(session, user, application, "transferred_out", to_project_id=target.id, to_application_id=moved.id,
           mode=mode)
    if not copy:
        application.deleted_at = application.updated_at = utcnow()
        application.deleted_by_id = user.id
        application.moved_to_id = moved.id
        session.add(application)
    return moved


def transfer_candidate(session: Session, user: CurrentUser, candidate_id: int, target: RecruitmentProject) -> Application:
    """From the CV database into a project: a new application with status Transferred."""
    require(user, "transfer")
    candidate = session.get(Candidate, candidate_id)
    if candidate is None or candidate.anonymised_at is not None:
        raise ActionRefused(N_("not found"))
    refuse_if_applied(session, candidate.id, target)
    application = new_application(session, candidate, target.id, S.TRANSFERRED, source="cv_database")
    record(session, user, application, "transferred_in", from_project_id=None, mode="cv_database")
    return application
