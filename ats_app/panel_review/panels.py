"""A panel's life and scope: its reviewers' sealed links, the candidates still in it, and the due date.

A reviewer's link is derived with the server's secret (delivery.sealed_links.review_token) and only its
SHA-256 is stored; the outbox holds a placeholder. The link works until the panel closes (the end of the due
date in the organisation's time zone plus GRACE, so a late reviewer can still read their own ratings), and not
after the panel or the reviewer is revoked. Ratings may change until the end of the due date. A candidate who
was rejected, withdrew or was deleted is no longer shown to the panel (their ratings are kept).
"""

from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, select

from ats_app.core import config, tokens
from ats_app.delivery import sealed_links
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import (
    Application,
    ApplicationStatus,
    PanelReview,
    PanelReviewApplication,
    RecruitmentProject,
    Reviewer,
)
from ats_app.models.base import as_utc, utcnow

RIGHT = "can_send_to_panel"  # send to a panel, and revoke one
GRACE = timedelta(days=14)  # after the due date the link still opens, read-only
REMOVED = (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)
TOKEN_MAX = 100


def due_end(session: Session, due_date: date) -> datetime:
    """The end of the due date in the organisation's time zone, in UTC: until then ratings may change."""
    zone = organisation_zone(session)
    return datetime.combine(due_date + timedelta(days=1), time(0), tzinfo=zone).astimezone(tz=utcnow().tzinfo)


def closing_time(session: Session, due_date: date) -> datetime:
    """When the panel's links stop working."""
    return due_end(session, due_date) + GRACE


def new_reviewer(session: Session, panel: PanelReview, *, email: str, name: str | None, language: str,
                 user_id: int | None = None) -> tuple[Reviewer, str]:
    """A reviewer on panel (flushed) and the link for their email, with the placeholder the delivery worker
    replaces by the token as the email leaves."""
    reviewer = Reviewer(panel_review_id=panel.id, user_id=user_id, email=email, name=name or None,
                        language=language, token_hash=tokens.token_hash(tokens.new_token()))  # replaced below
    session.add(reviewer)
    session.flush()
    reviewer.token_hash = tokens.token_hash(sealed_links.review_token(reviewer))
    session.add(reviewer)
    return reviewer, review_link(reviewer)


def review_link(reviewer: Reviewer) -> str:
    """The reviewer's link as an email holds it (a placeholder for the token)."""
    return config.link(f"/review/{sealed_links.REVIEW.format(id=reviewer.id)}")


def reviewer_by_token(session: Session, token: str | None) -> Reviewer | None:
    """The reviewer a token belongs to, usable or not (None for an unknown token)."""
    if not token or len(token) > TOKEN_MAX:
        return None
    return session.exec(select(Reviewer).where(Reviewer.token_hash == tokens.token_hash(token))).first()


def link_works(session: Session, reviewer: Reviewer, now: datetime | None = None) -> bool:
    """Whether a reviewer's link still opens their review: not revoked, the panel not revoked or closed, its
    project not deleted."""
    panel = session.get(PanelReview, reviewer.panel_review_id)
    if panel is None or reviewer.revoked_at is not None or panel.revoked_at is not None:
        return False
    project = session.get(RecruitmentProject, panel.project_id)
    if project is None or project.deleted_at is not None:
        return False
    return panel.closes_at is None or (now or utcnow()) < as_utc(panel.closes_at)


def may_change(session: Session, panel: PanelReview, now: datetime | None = None) -> bool:
    """Whether ratings on panel may still be given or changed (until the end of its due date)."""
    if panel.revoked_at is not None:
        return False
    return panel.due_date is None or (now or utcnow()) < due_end(session, panel.due_date)


def candidates(session: Session, panel_id: int) -> list[int]:
    """The applications still in the panel, in the order the reviewers meet them."""
    rows = session.exec(
        select(Application.id)
        .join(PanelReviewApplication, PanelReviewApplication.application_id == Application.id)
        .where(PanelReviewApplication.panel_review_id == panel_id, col(Application.deleted_at).is_(None),
               col(Application.status).not_in(REMOVED))
        .order_by(PanelReviewApplication.position, Application.id))
    return list(rows)


def open_panels_of_user(session: Session, user_id: int, application_id: int,
                        now: datetime | None = None) -> list[tuple[Reviewer, PanelReview]]:
    """The user's reviewer rows on panels that hold application_id and still take ratings, newest first:
    an internal reviewer logged in may rate there from Application and CV."""
    rows = session.exec(
        select(Reviewer, PanelReview)
        .join(PanelReview, PanelReview.id == Reviewer.panel_review_id)
        .join(PanelReviewApplication, PanelReviewApplication.panel_review_id == PanelReview.id)
        .where(Reviewer.user_id == user_id, PanelReviewApplication.application_id == application_id,
               col(Reviewer.revoked_at).is_(None), col(PanelReview.revoked_at).is_(None))
        .order_by(col(PanelReview.id).desc())).all()
    return [(r, p) for r, p in rows if may_change(session, p, now) and application_id in candidates(session, p.id)]

