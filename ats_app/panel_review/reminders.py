"""The day-before reminder: reviewers who have not completed get one email the day before the due date.

When: the delivery worker runs remind_due on its periodic-job hook (delivery.worker.register_periodic), at most
every RUN_EVERY seconds per process. On the day before a panel's due date in the organisation's time zone, from
09:00 there (nobody is woken by it), every reviewer of a panel that is not revoked who has not completed, is
not revoked and has not been reminded gets notices.queue_reminder. A panel sent less than QUIET hours ago gets
none (the invitation is fresh in the inbox), nor one whose candidates have all left it; a panel due today or
earlier gets none.

Each reviewer is claimed in their own transaction by a conditional UPDATE (reminded_at IS NULL, still pending):
with several workers the second finds the row no longer matches, so nobody is reminded twice.
"""

import logging
from datetime import date, datetime, time, timedelta
from email.utils import parseaddr

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from ats_app.core import config
from ats_app.core.db import get_engine
from ats_app.mail.compose import mailbox
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import PanelReview, RecruitmentProject, Reviewer, User
from ats_app.models.base import utcnow
from ats_app.panel_review import notices, panels

log = logging.getLogger(__name__)
JOB_NAME = "panel_reminders"
RUN_EVERY = 300.0  # seconds between runs in one worker process
SENDS_FROM = time(9, 0)  # organisation time
QUIET = timedelta(hours=12)  # no reminder this soon after the invitation


def reminder_day(session: Session, now: datetime) -> date | None:
    """The due date whose reminders go out now (tomorrow, local), or None before 09:00 local."""
    local = now.astimezone(organisation_zone(session))
    return local.date() + timedelta(days=1) if local.time() >= SENDS_FROM else None


def _pending() -> list:
    """A reviewer not reminded yet, not completed, not revoked."""
    return [col(Reviewer.reminded_at).is_(None), col(Reviewer.completed_at).is_(None),
            col(Reviewer.revoked_at).is_(None)]


def _panel_due(due: date, now: datetime) -> list:
    return [PanelReview.due_date == due, col(PanelReview.revoked_at).is_(None), PanelReview.created_at <= now - QUIET]


def due_reminders(session: Session, now: datetime | None = None) -> list[int]:
    """The reviewers to remind now, by id."""
    due = reminder_day(session, now or utcnow())
    if due is None:
        return []
    rows = session.exec(
        select(Reviewer.id, PanelReview.id).join(PanelReview, PanelReview.id == Reviewer.panel_review_id)
        .join(RecruitmentProject, RecruitmentProject.id == PanelReview.project_id)
        .where(*_pending(), *_panel_due(due, now or utcnow()), col(RecruitmentProject.deleted_at).is_(None))
        .order_by(col(Reviewer.id))).all()
    still_held = {panel_id for panel_id in {p for _, p in rows} if panels.candidates(session, panel_id)}
    return [int(reviewer_id or 0) for reviewer_id, panel_id in rows if panel_id in still_held]


def sender_of(session: Session, panel: PanelReview) -> str:
    """ATS_MAIL_FROM_PANEL_REMINDER when set, else the panel's sender by name at the organisation's address."""
    configured = config.mail_from(notices.REMINDER_PURPOSE)
    if configured != config.mail_from():
        return configured
    requester = session.get(User, panel.created_by_id) if panel.created_by_id else None
    return mailbox(requester.name, parseaddr(configured)[1]) if requester is not None else configured


def _claim(session: Session, reviewer_id: int, due: date, now: datetime) -> bool:
    """Take this reviewer for this run, if still pending: the first statement of its transaction."""
    panel_ids = select(PanelReview.id).where(*_panel_due(due, now))
    claimed = session.execute(update(Reviewer).where(Reviewer.id == reviewer_id, *_pending(),
                                                     col(Reviewer.panel_review_id).in_(panel_ids))
                              .values(reminded_at=now))
    return claimed.rowcount == 1  # type: ignore[attr-defined]


def remind_due(engine: Engine | None = None, now: datetime | None = None) -> int:
    """Queue the reminders due now, each reviewer in their own transaction; how many were queued."""
    engine = engine or get_engine()
    now = now or utcnow()
    with Session(engine) as session:
        due = reminder_day(session, now)
        ids = due_reminders(session, now)
    reminded = 0
    for reviewer_id in ids:
        with Session(engine) as session:
            try:
                if due is None or not _claim(session, reviewer_id, due, now):
                    session.rollback()
                    continue
                reviewer = session.get(Reviewer, reviewer_id)
                panel = session.get(PanelReview, reviewer.panel_review_id)
                notices.queue_reminder(session, panel, reviewer, sender_of(session, panel))
                session.commit()
                reminded += 1
            except Exception:  # noqa: BLE001  (one reviewer's trouble must not stop the others)
                session.rollback()
                log.exception("panel reminder to reviewer %s failed", reviewer_id)
    return reminded
