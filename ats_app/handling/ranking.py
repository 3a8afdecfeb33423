"""The recruiter's manual ranking 1–3 of an applicant, edited in the list or on Application and CV.

Ranking 1 matters beyond sorting: a top-ranked applicant is proposed a call instead of a rejection email.
"""

from sqlmodel import Session

from ats_app.accounts.access import may_act
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.history import record
from ats_app.applications.lookup import find_application
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import N_
from ats_app.models import Application

RANKINGS = (1, 2, 3)


def may_rank(user: CurrentUser) -> bool:
    """Recruiters and admins rank; hiring managers see the ranking."""
    return may_act(user)


def set_ranking(session: Session, user: CurrentUser, application_id: int, ranking: int | None) -> Application:
    """Rank an applicant 1–3 (None or 0: not ranked)."""
    if not may_rank(user):
        raise NotAllowed("ranking")
    ranking = ranking or None
    if ranking is not None and ranking not in RANKINGS:
        raise InvalidChoice("ranking", N_("Choose a ranking from 1 to 3."))
    application = find_application(session, user, application_id)
    if application.deleted_at is not None:
        raise ActionRefused(N_("deleted"))
    if application.ranking != ranking:
        record(session, user, application, "ranking_changed", **{"from": application.ranking, "to": ranking})
        application.ranking = ranking
        session.add(application)
    return application
