"""Transfer: the candidate (not the project's material) moves to another recruitment project or to the
CV database.

We follow EasyCruit, not Greenhouse (research/anchors_features.md §4.6): the new application in the
target starts with status Transferred and carries neither the cover letter nor the source project's
screening answers, ranking, ratings or interviews. Move (the default) takes the source application off
its project's list; "Copy (do not move)" leaves it as it was.
"""

from dataclasses import dataclass
from typing import TypedDict

from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, check, require
from ats_app.applications.history import record
from ats_app.applications.lifecycle import change_status, new_application, refuse_if_applied
from ats_app.applications.lookup import find_application
from ats_app.applications.transitions import ANY, check_status
from ats_app.core.errors import ActionRefused, InvalidChoice
from ats_app.core.i18n import N_
from ats_app.models import Application, ApplicationStatus, Candidate, Department, ProjectStatus, RecruitmentProject
from ats_app.models.base import utcnow

CV_DATABASE = "cv_database"
# A transfer to the CV database saves the candidate: not from saved, nor from hired.
TO_CV_DATABASE_FROM = ANY - {ApplicationStatus.HIRED, ApplicationStatus.SAVED}
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
        .order_by(col(Department.name).asc().nulls_last(), RecruitmentProject.title)
    ).all()
    return [TargetProject(id=i, title=title, department=department or "", status=s)
            for i, title, department, s in found]


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


class TransferForm(TypedDict, total=False):
    """The Transfer form: a project id or "cv_database", and Copy (do not move) instead of Move."""

    target: str | int | None
    copy: bool


@dataclass(frozen=True)
class TransferPlan:
    """The checked target (None: the CV database) and whether the source application stays."""

    target: RecruitmentProject | None
    copy: bool = False


def prepare_transfer(session: Session, user: CurrentUser, form: TransferForm) -> TransferPlan:
    """The target checked once for the run."""
    return TransferPlan(check_target(session, user, form.get("target")), bool(form.get("copy")))


def transfer_application(session: Session, user: CurrentUser, application_id: int, plan: TransferPlan) -> Application:
    """Transfer one applicant; returns the new application (or the saved one, for the CV database)."""
    require(user, TRANSFER)
    target, copy = plan.target, plan.copy
    application = find_application(session, user, application_id)
    if target is None:
        check_status(TO_CV_DATABASE_FROM, application)
        change_status(session, user, application, ApplicationStatus.SAVED, TRANSFER.key, target=CV_DATABASE)
        return application
    check(TRANSFER, application)
    if application.project_id == target.id:
        raise ActionRefused(N_("already in this project"))
    candidate = session.get(Candidate, application.candidate_id)
    refuse_if_applied(session, candidate.id, target)
    moved = new_application(session, candidate, target.id, ApplicationStatus.TRANSFERRED, source="transfer")
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


def transfer_candidate(session: Session, user: CurrentUser, candidate_id: int,
                       target: RecruitmentProject) -> Application:
    """From the CV database into a project: a new application with status Transferred."""
    require(user, TRANSFER)
    candidate = session.get(Candidate, candidate_id)
    if candidate is None or candidate.anonymised_at is not None:
        raise ActionRefused(N_("not found"))
    refuse_if_applied(session, candidate.id, target)
    application = new_application(session, candidate, target.id, ApplicationStatus.TRANSFERRED, source="cv_database")
    record(session, user, application, "transferred_in", from_project_id=None, mode="cv_database")
    return application


TRANSFER: FurtherProgressAction[TransferForm, TransferPlan] = FurtherProgressAction(
    "transfer", N_("Transfer"), rights=("can_transfer",), allowed_from=ANY - {ApplicationStatus.HIRED}, form="transfer",
    prepare=prepare_transfer, run_one=transfer_application)
