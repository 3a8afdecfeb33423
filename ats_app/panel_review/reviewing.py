"""A reviewer's ratings: one 1–7 score and one comment per candidate, saved as they go, and Done.

The panel's options decide what may be given (no rating, no comments). Ratings may change until the end of
the due date, after Done too. The review is blind: a reviewer sees the other reviewers' ratings and comments
only once they have completed their own review, so nobody anchors on the first opinion given.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from ats_app.applications.history import record
from ats_app.core.errors import InvalidInput, ReviewClosed
from ats_app.core.i18n import N_
from ats_app.models import Application, PanelReview, Rating, Reviewer
from ats_app.models.base import utcnow
from ats_app.panel_review import notices, panels

SCORES = range(1, 8)
COMMENT_MAX = 4000
OUT_OF_RANGE = N_("Choose a rating from 1 to 7.")
TOO_LONG = N_("The comment can be at most {max} characters.")
NOTHING = N_("Give a rating or write a comment.")


@dataclass(frozen=True)
class OtherOpinion:
    """Another reviewer's rating and comment, shown once the reviewer has completed their own review."""

    reviewer: str  # their name, else "Reviewer 2"
    score: int | None
    comment: str


def check_rating(panel: PanelReview, score: object, comment: object) -> tuple[int | None, str | None]:
    """(score, comment) from a form, or InvalidInput naming the field; what the panel disabled is ignored."""
    errors: dict[str, str] = {}
    value: int | None = None
    raw = str(score if score is not None else "").strip()
    if panel.allow_rating and raw:
        value = int(raw) if raw.isdigit() and len(raw) == 1 else 0
        if value not in SCORES:
            errors["score"] = OUT_OF_RANGE
    text = str(comment or "").strip().replace("\r\n", "\n") if panel.allow_comments else ""
    if len(text) > COMMENT_MAX:
        errors["comment"] = TOO_LONG
    if not errors and value is None and not text:
        errors["score" if panel.allow_rating else "comment"] = NOTHING
    if errors:
        raise InvalidInput(errors)
    return value, text or None


def save_rating(session: Session, reviewer: Reviewer, application_id: int, score: object, comment: object,
                now: datetime | None = None) -> Rating:
    """Store the reviewer's rating of one candidate of their panel (a new one, or the one they change).

    ReviewClosed when the panel no longer takes ratings or the candidate left it; InvalidInput for a bad field.
    """
    now = now or utcnow()
    panel = session.get(PanelReview, reviewer.panel_review_id)
    if panel is None or not panels.link_works(session, reviewer, now) or not panels.may_change(session, panel, now):
        raise ReviewClosed(N_("The due date of this review has passed, so ratings can no longer be changed."))
    if application_id not in panels.candidates(session, panel.id):
        raise ReviewClosed(N_("This candidate is no longer part of the review."))
    value, text = check_rating(panel, score, comment)
    rating = session.exec(select(Rating).where(Rating.reviewer_id == reviewer.id,
                                               Rating.application_id == application_id)).first()
    if rating is None:
        rating = Rating(reviewer_id=reviewer.id, application_id=application_id, created_at=now)
    elif (rating.score, rating.comment) == (value, text):
        return rating  # saved again unchanged: nothing happened
    else:
        rating.updated_at = now
    first = rating.id is None
    rating.score, rating.comment = value, text
    session.add(rating)
    session.flush()
    # The line says who rated, never the score: a reviewer still rating blind may read the history.
    record(session, None, session.get(Application, application_id), "panel_rated" if first else "panel_rating_changed",
           panel_review_id=reviewer.panel_review_id, reviewer=_label(reviewer))
    return rating


def ratings_of(session: Session, reviewer: Reviewer) -> dict[int, Rating]:
    """The reviewer's own ratings by application id."""
    return {r.application_id: r for r in session.exec(select(Rating).where(Rating.reviewer_id == reviewer.id))}


def complete_review(session: Session, reviewer: Reviewer, now: datetime | None = None) -> bool:
    """Mark the review done (True the first time): a history line on each candidate of the panel and, when the
    requester asked for it, the completion email. ReviewClosed after the due date."""
    now = now or utcnow()
    panel = session.get(PanelReview, reviewer.panel_review_id)
    if panel is None or not panels.link_works(session, reviewer, now) or not panels.may_change(session, panel, now):
        raise ReviewClosed(N_("The due date of this review has passed, so ratings can no longer be changed."))
    if reviewer.completed_at is not None:
        return False
    reviewer.completed_at = now
    session.add(reviewer)
    ids = panels.candidates(session, panel.id)
    for application in session.exec(select(Application).where(col(Application.id).in_(ids))):
        record(session, None, application, "panel_completed", panel_review_id=panel.id, reviewer=_label(reviewer))
    if panel.notify_on_completion:
        notices.queue_completion(session, panel, reviewer)
    return True


def others(session: Session, reviewer: Reviewer, application_id: int) -> list[OtherOpinion] | None:
    """The other reviewers' opinions of one candidate on the same panel; None while the reviewer has not
    completed their own review (blind)."""
    if reviewer.completed_at is None:
        return None
    rows = session.exec(
        select(Rating, Reviewer).join(Reviewer, Reviewer.id == Rating.reviewer_id)
        .where(Reviewer.panel_review_id == reviewer.panel_review_id, Reviewer.id != reviewer.id,
               col(Reviewer.revoked_at).is_(None), Rating.application_id == application_id)
        .order_by(Reviewer.id)).all()
    numbers = reviewer_numbers(session, reviewer.panel_review_id)
    return [OtherOpinion(other.name or f"#{numbers.get(other.id, 0)}", rating.score, rating.comment or "")
            for rating, other in rows]


def reviewer_numbers(session: Session, panel_id: int) -> dict[int, int]:
    """Each reviewer's number on the panel (1, 2, …) for those shown without a name."""
    ids = session.exec(select(Reviewer.id).where(Reviewer.panel_review_id == panel_id).order_by(Reviewer.id))
    return {int(reviewer_id or 0): n for n, reviewer_id in enumerate(ids, start=1)}


def _label(reviewer: Reviewer) -> str:
    return reviewer.name or reviewer.email
