"""Offers past their validity date without an answer are marked expired, and the recruiter is told (a task).

When: the delivery worker runs expire_due on its periodic-job hook (delivery.worker.register_periodic), at most
every RUN_EVERY seconds per process. An offer expires once the end of its validity date in the organisation's
time zone has passed, when it is neither answered (accepted or declined), superseded nor expired already. Each
offer is claimed in its own transaction by a conditional UPDATE on those same conditions: with several workers
the second finds the row no longer matches, so no offer gets two history lines or two tasks.

Only an offer whose application still waits at Offer received makes a history line and an "offer expired,
contact the candidate" task. An offer of an application that has gone on (rejected, withdrawn, hired, moved to
another project, deleted) is marked expired all the same, so the job does not find it again on every run and
the page and the section read Expired, but silently: the recruiter has already decided, and a task to contact
that candidate would be wrong.
"""

import logging
from datetime import datetime

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from ats_app.applications.history import record
from ats_app.core.db import get_engine
from ats_app.core.i18n import N_
from ats_app.models import Application, Offer
from ats_app.models.base import utcnow
from ats_app.offers.answers import at_offer_stage, recruiter_task
from ats_app.projects.editing import organisation_today

log = logging.getLogger(__name__)
JOB_NAME = "offer_expiry"
RUN_EVERY = 300.0  # seconds between runs in one worker process
TASK_KIND = "offer_expired"
TASK_NOTE = N_("The offer ({position}) expired without an answer. Contact the candidate, or send a new offer.")


def _unanswered(today) -> list:
    """An offer still waiting whose validity date is over (the whole day has passed, local time)."""
    return [col(Offer.answered_at).is_(None), col(Offer.superseded_at).is_(None), col(Offer.expired_at).is_(None),
            col(Offer.valid_until).is_not(None), col(Offer.valid_until) < today]


def due_offers(session: Session, now: datetime | None = None) -> list[int]:
    """The offers to mark expired now, by id."""
    today = organisation_today(session, now)
    return [int(i) for i in session.exec(select(Offer.id).where(*_unanswered(today)).order_by(col(Offer.id)))]


def _claim(session: Session, offer_id: int, now: datetime) -> bool:
    """Take this offer for this run, if it still waits: the first statement of its transaction."""
    today = organisation_today(session, now)
    claimed = session.execute(update(Offer).where(col(Offer.id) == offer_id, *_unanswered(today))
                              .values(expired_at=now))
    return claimed.rowcount == 1  # type: ignore[attr-defined]


def expire_due(engine: Engine | None = None, now: datetime | None = None) -> int:
    """Mark the offers due now expired, each in its own transaction (with its history line and task while the
    application is still at Offer received); how many were marked."""
    engine = engine or get_engine()
    now = now or utcnow()
    with Session(engine) as session:
        ids = due_offers(session, now)
    expired = 0
    for offer_id in ids:
        with Session(engine) as session:
            try:
                if not _claim(session, offer_id, now):
                    session.rollback()
                    continue
                offer = session.get(Offer, offer_id)
                application = session.get(Application, offer.application_id)
                if at_offer_stage(application):
                    record(session, None, application, "offer_expired", offer_id=offer_id, by="system")
                    recruiter_task(session, offer, application, TASK_KIND, TASK_NOTE, now)
                session.commit()
                expired += 1
            except Exception:  # noqa: BLE001  (one offer's trouble must not stop the others)
                session.rollback()
                log.exception("expiring offer %s failed", offer_id)
    return expired
