"""Automatic rejection after knock-out screening questions (EasyCruit's "automatic rejection" response type, and
the blog's advice: tell those who do not meet a requirement quickly, and say which).

Who is due: in a project (not deleted) whose recruiter set "reject those who are knocked out after N days"
(RecruitmentProject.auto_reject_after_days; None, the default, is off), each applicant whose answers knocked
them out (Application.knocked_out True) and whom nobody has handled yet, that is whose status is still New
(QUALIFYING: once a recruiter invited, saved, transferred, restored or otherwise moved them on, the
recruiter decides), not deleted, not moved away by a Transfer, whose automatic rejection no recruiter
stopped (auto_reject_stopped_at), and whose applied_at + N days has passed.

What happens is the wizard's own rejection (rejection.reject.reject): status Rejected, the type "after
screening questions", the reason "does not meet the requirements" (reference reason requirement_not_met),
a history line by the system that says it was automatic, and the after-screening email of the project's
department, else the organisation, else the default text, in the candidate's language, naming the
requirement(s) not met ({requirement}). It leaves at once between 08:00 and 20:00 organisation time, else
at the next 09:00 (nobody gets bad news at night); until it leaves, Undo rejection works as after the wizard
(and undoing it stops the automatic rejection, so it does not come back).

When: the delivery worker runs reject_due on its periodic-job hook (delivery.worker.register_periodic), at
most every RUN_EVERY seconds per process. Each applicant is rejected in their own transaction that first
claims the row with a conditional UPDATE (still New, still knocked out, not stopped, …): with several workers
on PostgreSQL the second waits for the first's row lock and then matches nothing; on SQLite the UPDATE takes
the database's write lock. So nobody is rejected twice, and a second run finds nobody.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import Engine, exists, true, update
from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import allowed, require
from ats_app.applications.history import record
from ats_app.applications.lookup import find_application
from ats_app.applications.stages import SCREENING, email_kind
from ats_app.core.db import get_engine
from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.mail.compose import default_sender, drafts_from_template
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import Application, ApplicationStatus, RecruitmentProject, RejectionReason, RejectionType, User
from ats_app.models.base import as_utc, utcnow
from ats_app.rejection.reject import REJECT, RejectionPlan, reject, send_time

log = logging.getLogger(__name__)
QUALIFYING = (ApplicationStatus.NEW,)  # not yet handled by anyone
REASON = "requirement_not_met"  # "Did not meet the requirements of the position" (organisation.reference_data)
RUN_EVERY = 300.0  # seconds between runs in one worker process
MAX_PER_RUN = 1000  # applicants rejected per run at most; the rest on the next run
DAY_STARTS, DAY_ENDS = time(8, 0), time(20, 0)  # outside these hours the email waits for 09:00
JOB_NAME = "automatic_rejection"
NOTHING_SCHEDULED = N_("no automatic rejection is scheduled")
NOT_STOPPED = N_("the automatic rejection is not stopped")


def due_at(days: int | None, *, knocked_out: bool | None, status: str, applied_at: datetime,
           stopped: bool = False, deleted: bool = False, moved: bool = False) -> datetime | None:
    """When the applicant is rejected automatically (the worker's next run after this moment), or None when
    they are not: the project does not reject automatically, their answers did not knock them out, someone
    has handled them, a recruiter stopped it, or the application is deleted or moved away."""
    if days is None or knocked_out is not True or status not in QUALIFYING or stopped or deleted or moved:
        return None
    return as_utc(applied_at) + timedelta(days=days)


def scheduled(project: RecruitmentProject, application: Application, *, ignore_stop: bool = False) -> datetime | None:
    """due_at for an application of project (ignore_stop: as if nobody had stopped it)."""
    if project.deleted_at is not None:
        return None
    return due_at(project.auto_reject_after_days, knocked_out=application.knocked_out, status=application.status,
                  applied_at=application.applied_at,
                  stopped=application.auto_reject_stopped_at is not None and not ignore_stop,
                  deleted=application.deleted_at is not None, moved=application.moved_to_id is not None)


def _due_where(project: RecruitmentProject, now: datetime) -> list:
    cutoff = now - timedelta(days=project.auto_reject_after_days or 0)
    return [Application.project_id == project.id, Application.knocked_out == true(),
            col(Application.deleted_at).is_(None), col(Application.status).in_(QUALIFYING),
            col(Application.moved_to_id).is_(None), col(Application.auto_reject_stopped_at).is_(None),
            Application.applied_at <= cutoff]


def _projects(session: Session) -> list[RecruitmentProject]:
    return list(session.exec(select(RecruitmentProject).where(
        col(RecruitmentProject.auto_reject_after_days).is_not(None), col(RecruitmentProject.deleted_at).is_(None))
        .order_by(col(RecruitmentProject.id))))


def due(session: Session, now: datetime | None = None, limit: int = MAX_PER_RUN) -> list[int]:
    """The applications to reject automatically now, by project and id (at most limit)."""
    now = now or utcnow()
    found: list[int] = []
    for project in _projects(session):
        if len(found) >= limit:
            break
        found += session.exec(select(Application.id).where(*_due_where(project, now))
                              .order_by(col(Application.id)).limit(limit - len(found))).all()
    return found


def _send_at(session: Session, now: datetime) -> datetime | None:
    """None (at once) in the organisation's daytime, else 09:00 local on the coming morning."""
    zone = organisation_zone(session)
    local = now.astimezone(zone).time()
    if DAY_STARTS <= local < DAY_ENDS:
        return None
    return send_time(0 if local < DAY_STARTS else 1, zone, now)


@dataclass(frozen=True)
class _Setup:
    type_id: int
    reason_id: int | None


def _setup(session: Session) -> _Setup | None:
    type_id = session.exec(select(RejectionType.id).where(RejectionType.code == SCREENING)).first()
    if type_id is None:
        return None
    reason_id = session.exec(select(RejectionReason.id).where(RejectionReason.code == REASON)
                             .order_by(col(RejectionReason.active).desc(), col(RejectionReason.language) != "en")
                             ).first()
    return _Setup(type_id, reason_id)


def plan_for(session: Session, project: RecruitmentProject, now: datetime) -> RejectionPlan | None:
    """The rejection every due applicant of project gets (None when the reference data is missing)."""
    setup = _setup(session)
    if setup is None:
        return None
    send_at = _send_at(session, now)
    drafts = drafts_from_template(session, email_kind(SCREENING), list(LANGUAGES), project.department_id)
    return RejectionPlan(setup.type_id, SCREENING, setup.reason_id, message="", note="",
                         timing="now" if send_at is None else "later", send_at=send_at,
                         sender=default_sender(None, REJECT.key), drafts=drafts, leave_out=set(), call_instead=set())


def _claim(session: Session, project: RecruitmentProject, application_id: int, now: datetime) -> bool:
    """Take this applicant for this run, if still due: the first statement of its transaction, so a second
    worker waits for the first's lock and then finds the row no longer matches."""
    # The project's setting is read again inside the claim: a recruiter who turned it off (or changed N)
    # since this run listed the due applicants has the last word.
    setting_unchanged = exists(select(RecruitmentProject.id).where(
        RecruitmentProject.id == project.id, col(RecruitmentProject.deleted_at).is_(None),
        RecruitmentProject.auto_reject_after_days == project.auto_reject_after_days))
    claimed = session.execute(update(Application).where(Application.id == application_id, setting_unchanged,
                                                        *_due_where(project, now)).values(updated_at=now))
    return claimed.rowcount == 1  # type: ignore[attr-defined]


def reject_due(engine: Engine | None = None, now: datetime | None = None) -> int:
    """Reject everyone due now, each in their own transaction; how many were rejected."""
    engine = engine or get_engine()
    now = now or utcnow()
    with Session(engine) as session:
        projects = _projects(session)
        work = []
        for project in projects:
            ids = list(session.exec(select(Application.id).where(*_due_where(project, now))
                                    .order_by(col(Application.id)).limit(MAX_PER_RUN)))
            if ids:
                work.append((project, plan_for(session, project, now), ids))
        session.expunge_all()
    rejected = 0
    for project, plan, ids in work:
        if plan is None:
            log.error("automatic rejection: the rejection type %s is missing", SCREENING)
            continue
        for application_id in ids:
            with Session(engine) as session:
                try:
                    if not _claim(session, project, application_id, now):
                        session.rollback()
                        continue
                    application = session.get(Application, application_id)
                    owner = session.get(User, project.owner_id) if project.owner_id else None
                    reject(session, None, application, plan, signed_by=owner, automatic=True,
                           after_days=project.auto_reject_after_days)
                    session.commit()
                    rejected += 1
                except Exception:  # noqa: BLE001  (one applicant's trouble must not stop the others)
                    session.rollback()
                    log.exception("automatic rejection of application %s failed", application_id)
    return rejected


@dataclass(frozen=True)
class Schedule:
    """What Application and CV says about the automatic rejection of one applicant."""

    at: datetime | None  # when it happens (None: not scheduled)
    stopped: bool  # a recruiter stopped it (and it would be scheduled otherwise)
    may_change: bool  # the user may stop (or resume) it


def schedule_of(session: Session, user: CurrentUser, application_id: int) -> Schedule:
    """The automatic rejection of an application the user may see."""
    application = find_application(session, user, application_id)
    project = session.get(RecruitmentProject, application.project_id)
    if project is None:
        return Schedule(None, False, False)
    at = scheduled(project, application)
    stopped = application.auto_reject_stopped_at is not None and scheduled(project, application,
                                                                           ignore_stop=True) is not None
    return Schedule(at, stopped, allowed(user, REJECT))


def stop(session: Session, user: CurrentUser, application_id: int) -> Application:
    """A recruiter stops this applicant's automatic rejection (refused when none is scheduled)."""
    require(user, REJECT)
    application = find_application(session, user, application_id)
    project = session.get(RecruitmentProject, application.project_id)
    if project is None or scheduled(project, application) is None:
        raise ActionRefused(NOTHING_SCHEDULED)
    application.auto_reject_stopped_at = utcnow()
    session.add(application)
    record(session, user, application, "auto_reject_stopped")
    return application


def resume(session: Session, user: CurrentUser, application_id: int) -> Application:
    """Undo a stop made by mistake: the automatic rejection is scheduled again (refused unless stopped)."""
    require(user, REJECT)
    application = find_application(session, user, application_id)
    project = session.get(RecruitmentProject, application.project_id)
    if project is None or application.auto_reject_stopped_at is None or \
            scheduled(project, application, ignore_stop=True) is None:
        raise ActionRefused(NOT_STOPPED)
    application.auto_reject_stopped_at = None
    session.add(application)
    record(session, user, application, "auto_reject_resumed")
    return application
