"""The panels' results where recruiters decide: the average rating with its count (the applicant list's Rating
column, Application and CV) and every rating of one application with its reviewer, panel and comment.

Only ratings with a score count towards the average, and not those of a reviewer taken off the panel (revoked
one by one: invited by mistake); revoking a whole panel closes its links and keeps the ratings already given.
The review is blind inside the app as well: a user who is a reviewer on an open panel and has not completed that
review sees their own rating there but not the other reviewers' ratings and comments of that panel (nor an
average that holds them) until they have. Comments are
internal: they are for the people who may see the application, never for the candidate.
"""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ColumnElement, Subquery, func, or_
from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.lookup import find_application
from ats_app.core.errors import ReviewClosed
from ats_app.core.i18n import N_
from ats_app.models import PanelReview, Rating, Reviewer, User
from ats_app.panel_review import panels, reviewing

NOT_YOUR_REVIEW = N_("You are not a reviewer of this candidate on an open panel.")


@dataclass(frozen=True)
class RatingLine:
    """One reviewer's rating of the application, as the Collaborative rating section lists it."""

    reviewer: str  # the user's name for an internal reviewer, the email for an outside one
    internal: bool
    panel_id: int
    sent_at: datetime
    due_date: date | None
    score: int | None
    comment: str
    at: datetime  # given, or last changed
    mine: bool
    revoked: bool = False  # the reviewer was taken off the panel: shown, not counted


@dataclass(frozen=True)
class HiddenPanel:
    """A panel the user has not completed their review of: the others' ratings of it stay hidden."""

    panel_id: int
    sent_at: datetime
    due_date: date | None
    hidden: int  # how many of the others' ratings


@dataclass(frozen=True)
class MyRating:
    """What the user may give on their open panel: the reviewer row, the panel's options and the current rating."""

    reviewer_id: int
    panel_id: int
    due_date: date | None
    allow_rating: bool
    allow_comments: bool
    score: int | None
    comment: str
    completed: bool = False  # the user has completed their review of this panel


@dataclass
class ApplicationRatings:
    """The Collaborative rating section of one application, for one user."""

    lines: list[RatingLine] = field(default_factory=list)
    hidden: list[HiddenPanel] = field(default_factory=list)
    average: float | None = None  # of the scores the user sees
    count: int = 0
    mine: MyRating | None = None


def blind_panels(session: Session, user_id: int, now: datetime | None = None) -> set[int]:
    """The open panels on which user_id is a reviewer who has not completed their review yet."""
    rows = session.exec(
        select(PanelReview).join(Reviewer, Reviewer.panel_review_id == PanelReview.id)
        .where(Reviewer.user_id == user_id, col(Reviewer.completed_at).is_(None), col(Reviewer.revoked_at).is_(None),
               col(PanelReview.revoked_at).is_(None))).all()
    return {int(p.id) for p in rows if panels.may_change(session, p, now)}


def totals(*where: ColumnElement, user_id: int = 0, blind: Collection[int] = ()) -> Subquery:
    """The scored ratings' average and count per application (columns application_id, average, count) in one
    grouped subquery; where narrows the ratings (to a page's applications on the indexed Rating.application_id,
    or to a project's panels), blind leaves out the others' ratings on the panels user_id has not completed."""
    query = (select(Rating.application_id, func.avg(Rating.score).label("average"),
                    func.count(Rating.score).label("count"))
             .join(Reviewer, Reviewer.id == Rating.reviewer_id)
             .where(col(Rating.score).is_not(None), col(Reviewer.revoked_at).is_(None), *where))
    if blind:
        query = query.where(or_(col(Reviewer.panel_review_id).not_in(blind), Reviewer.user_id == user_id))
    return query.group_by(Rating.application_id).subquery("rating_totals")


def average_of(session: Session, user: CurrentUser, application_id: int) -> tuple[float | None, int]:
    """(average, count) of the application's scored ratings that user sees (the blind rule applied)."""
    found = totals(Rating.application_id == application_id, user_id=user.id, blind=blind_panels(session, user.id))
    row = session.exec(select(found.c.average, found.c.count)).first()
    return (round(float(row[0]), 1), int(row[1])) if row else (None, 0)


def ratings_of_application(session: Session, user: CurrentUser, application_id: int,
                           now: datetime | None = None) -> ApplicationRatings:
    """Every rating of an application user may see (ActionRefused "not found" otherwise), oldest panel first,
    with the others' ratings on the user's own pending panels held back, and the rating user may give."""
    find_application(session, user, application_id)
    blind = blind_panels(session, user.id, now)
    rows = session.exec(
        select(Rating, Reviewer, PanelReview, User.name)
        .join(Reviewer, Reviewer.id == Rating.reviewer_id)
        .join(PanelReview, PanelReview.id == Reviewer.panel_review_id)
        .join(User, User.id == Reviewer.user_id, isouter=True)
        .where(Rating.application_id == application_id)
        .order_by(PanelReview.id, Reviewer.id)).all()
    found = ApplicationRatings()
    hidden: dict[int, int] = {}
    for rating, reviewer, panel, user_name in rows:
        mine = reviewer.user_id == user.id
        if panel.id in blind and not mine:
            hidden[int(panel.id)] = hidden.get(int(panel.id), 0) + 1
            continue
        internal = reviewer.user_id is not None
        found.lines.append(RatingLine(
            reviewer=(user_name or reviewer.name or reviewer.email) if internal else reviewer.email,
            internal=internal, panel_id=int(panel.id), sent_at=panel.created_at, due_date=panel.due_date,
            score=rating.score, comment=rating.comment or "", at=rating.updated_at or rating.created_at, mine=mine,
            revoked=reviewer.revoked_at is not None))
    panels_by_id = {int(p.id): p for _, _, p, _ in rows}
    found.hidden = [HiddenPanel(i, panels_by_id[i].created_at, panels_by_id[i].due_date, n) for i, n in hidden.items()]
    scores = [line.score for line in found.lines if line.score is not None and not line.revoked]
    found.average, found.count = (round(sum(scores) / len(scores), 1) if scores else None), len(scores)
    found.mine = my_rating(session, user, application_id, now)
    return found


def my_rating(session: Session, user: CurrentUser, application_id: int,
              now: datetime | None = None) -> MyRating | None:
    """The rating user may give or change inside the app: on their newest open panel holding the application."""
    mine = panels.open_panels_of_user(session, user.id, application_id, now)
    if not mine:
        return None
    reviewer, panel = mine[0]
    rating = reviewing.ratings_of(session, reviewer).get(application_id)
    return MyRating(reviewer_id=int(reviewer.id), panel_id=int(panel.id), due_date=panel.due_date,
                    allow_rating=panel.allow_rating, allow_comments=panel.allow_comments,
                    score=rating.score if rating else None, comment=(rating.comment or "") if rating else "",
                    completed=reviewer.completed_at is not None)


def _own_reviewer(session: Session, user: CurrentUser, application_id: int, reviewer_id: int,
                  now: datetime | None):
    """The user's reviewer row reviewer_id on an open panel holding the application they may see, else
    ReviewClosed (ActionRefused when they may not see the application)."""
    find_application(session, user, application_id)
    for reviewer, _panel in panels.open_panels_of_user(session, user.id, application_id, now):
        if reviewer.id == reviewer_id:
            return reviewer
    raise ReviewClosed(NOT_YOUR_REVIEW)


def complete_my_review(session: Session, user: CurrentUser, application_id: int, reviewer_id: int,
                       now: datetime | None = None) -> bool:
    """An internal reviewer completes their review of the panel from Application and CV, as Done on the review
    page does (the history lines, the completion email, the others' ratings shown from now on)."""
    return reviewing.complete_review(session, _own_reviewer(session, user, application_id, reviewer_id, now), now)


def save_my_rating(session: Session, user: CurrentUser, application_id: int, reviewer_id: int, score: object,
                   comment: object, now: datetime | None = None) -> Rating:
    """An internal reviewer rates from Application and CV: the user must see the application and reviewer_id
    must be their own row on an open panel holding it (ReviewClosed otherwise); InvalidInput for a bad field."""
    reviewer = _own_reviewer(session, user, application_id, reviewer_id, now)
    return reviewing.save_rating(session, reviewer, application_id, score, comment, now)
