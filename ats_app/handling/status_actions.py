"""The further-progress actions that only change where an application stands: Withdrawn, Save candidate,
Delete, and Restore (on Deleted applications).

Each checks the right and the status, changes the application and writes its history line; the
caller's transaction holds it all (Execute commits per applicant, so a refused or failed applicant is
rolled back alone). Nothing here commits.
"""

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, require, start
from ats_app.applications.history import record
from ats_app.applications.lifecycle import WITHDRAWABLE, change_status, refuse_if_applied
from ats_app.applications.lookup import find_application
from ats_app.applications.transitions import ANY, LIVE
from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import N_
from ats_app.models import Application, ApplicationStatus, RecruitmentProject
from ats_app.models.base import utcnow


def withdraw_application(session: Session, user: CurrentUser, application_id: int, _plan: None = None) -> Application:
    """Withdrawn: the candidate left the process."""
    application = start(session, user, WITHDRAW, application_id)
    change_status(session, user, application, ApplicationStatus.WITHDRAWN, WITHDRAW.key)
    return application


def save_candidate(session: Session, user: CurrentUser, application_id: int, _plan: None = None) -> Application:
    """Saved: the candidate is kept in the CV database for other vacancies."""
    application = start(session, user, SAVE, application_id)
    change_status(session, user, application, ApplicationStatus.SAVED, SAVE.key)
    return application


def delete_application(session: Session, user: CurrentUser, application_id: int, _plan: None = None) -> Application:
    """The application leaves the project's list for Deleted applications; its status is kept."""
    application = start(session, user, DELETE, application_id)
    application.deleted_at = application.updated_at = utcnow()
    application.deleted_by_id = user.id
    session.add(application)
    record(session, user, application, "deleted", status=application.status)
    return application


def restore_application(session: Session, user: CurrentUser, application_id: int, _plan: None = None) -> Application:
    """Back from Deleted applications with status Restored, unless its project was deleted."""
    require(user, RESTORE)
    application = find_application(session, user, application_id, include_deleted_projects=True)
    if application.deleted_at is None:
        raise ActionRefused(N_("not deleted"))
    project = session.get(RecruitmentProject, application.project_id)
    if project.deleted_at is not None:
        raise ActionRefused(N_("its project was deleted"))
    refuse_if_applied(session, application.candidate_id, project)
    application.deleted_at = application.deleted_by_id = None
    change_status(session, user, application, ApplicationStatus.RESTORED, RESTORE.key)
    return application


WITHDRAW: FurtherProgressAction[None, None] = FurtherProgressAction(
    "withdraw", N_("Withdrawn"), allowed_from=WITHDRAWABLE, run_one=withdraw_application)
SAVE: FurtherProgressAction[None, None] = FurtherProgressAction(
    "save", N_("Save candidate"), allowed_from=LIVE | {ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN},
    run_one=save_candidate)
DELETE: FurtherProgressAction[None, None] = FurtherProgressAction(
    "delete", N_("Delete"), rights=("can_delete",), allowed_from=ANY, run_one=delete_application)
RESTORE: FurtherProgressAction[None, None] = FurtherProgressAction(
    "restore", N_("Restore"), rights=("can_see_deleted",), run_one=restore_application, listed=False)
