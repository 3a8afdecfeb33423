"""Following a project's panels: who has completed (Yes / Pending, and when), and revoking a panel or a reviewer.

A recruiter sees on the project page how far each panel has come, so they know whom to chase before the due
date. Revoking stops a link at once (panels.link_works reads revoked_at) and is a history line on every
candidate of the panel; revoking again changes nothing.
"""

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.history import record
from ats_app.core.errors import NotAllowed, ProjectNotFound
from ats_app.models import Application, PanelReview, Rating, RecruitmentProject, Reviewer, User
from ats_app.models.base import utcnow
from ats_app.panel_review import panels
from ats_app.panel_review.choosing import may_send_for

OPEN, PAST_DUE, CLOSED, REVOKED = "open", "past_due", "closed", "revoked"


@dataclass(frozen=True)
class ReviewerProgress:
    """One reviewer of a panel as the project page lists them."""

    id: int
    name: str  # their name, else their address
    internal: bool  # a user of the ATS (else an outside address)
    completed_at: datetime | None  # None: Pending
    rated: int  # candidates still in the panel they have rated or commented on
    revoked: bool


@dataclass(frozen=True)
class PanelProgress:
    """One panel of a project: when and by whom it was sent, its due date, its state and its reviewers."""

    id: int
    sent_at: datetime
    sent_by: str  # the sender's name ("" when that user is gone)
    due_date: date | None
    candidates: int
    state: str  # OPEN, PAST_DUE (ratings closed, links still open to read), CLOSED or REVOKED
    reviewers: list[ReviewerProgress]
    may_revoke: bool  # the user may revoke the panel and its reviewers (and it is not revoked yet)

    @property
    def completed(self) -> int:
        """Reviewers (not revoked) who have completed."""
        return sum(1 for r in self.reviewers if r.completed_at is not None and not r.revoked)

    @property
    def expected(self) -> int:
        """Reviewers not revoked."""
        return sum(1 for r in self.reviewers if not r.revoked)


def _utc(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back: they are UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _visible_project(session: Session, user: CurrentUser, project_id: int) -> RecruitmentProject:
    project = session.exec(select(RecruitmentProject).where(RecruitmentProject.id == project_id,
                                                            visible_projects(user))).first()
    if project is None:
        raise ProjectNotFound(project_id)
    return project


def may_revoke(session: Session, user: CurrentUser, panel: PanelReview) -> bool:
    """Whoever may send to a panel of its project (choosing.may_send_for: the right, and a hiring manager only
    for their department's) may revoke it; the panel's sender always may."""
    project = session.get(RecruitmentProject, panel.project_id)
    return panel.created_by_id == user.id or (project is not None and may_send_for(user, project))


def state_of(session: Session, panel: PanelReview, now: datetime | None = None) -> str:
    """OPEN, PAST_DUE, CLOSED or REVOKED."""
    now = now or utcnow()
    if panel.revoked_at is not None:
        return REVOKED
    if panel.closes_at is not None and now >= _utc(panel.closes_at):
        return CLOSED
    return OPEN if panels.may_change(session, panel, now) else PAST_DUE


def project_panels(session: Session, user: CurrentUser, project_id: int,
                   now: datetime | None = None) -> list[PanelProgress]:
    """The panels of a project the user may see, newest first (ProjectNotFound when they may not see it)."""
    _visible_project(session, user, project_id)
    found = list(session.exec(select(PanelReview).where(PanelReview.project_id == project_id)
                              .order_by(col(PanelReview.created_at).desc(), col(PanelReview.id).desc())))
    if not found:
        return []
    senders = dict(session.exec(select(User.id, User.name).where(
        col(User.id).in_({p.created_by_id for p in found} - {None}))).all())
    reviewers = list(session.exec(select(Reviewer).where(col(Reviewer.panel_review_id).in_([p.id for p in found]))
                                  .order_by(col(Reviewer.id))))
    live = {int(p.id or 0): panels.candidates(session, int(p.id or 0)) for p in found}
    rated = _rated(session, reviewers, live)
    result = []
    for panel in found:
        pid = int(panel.id or 0)
        rows = [ReviewerProgress(id=int(r.id or 0), name=r.name or r.email, internal=r.user_id is not None,
                                 completed_at=_utc(r.completed_at) if r.completed_at else None,
                                 rated=rated.get(int(r.id or 0), 0),
                                 revoked=r.revoked_at is not None or panel.revoked_at is not None)
                for r in reviewers if r.panel_review_id == pid]
        state = state_of(session, panel, now)
        result.append(PanelProgress(id=pid, sent_at=_utc(panel.created_at),
                                    sent_by=senders.get(panel.created_by_id, ""), due_date=panel.due_date,
                                    candidates=len(live[pid]), state=state, reviewers=rows,
                                    may_revoke=state != REVOKED and may_revoke(session, user, panel)))
    return result


def _rated(session: Session, reviewers: list[Reviewer], live: dict[int, list[int]]) -> dict[int, int]:
    """How many of their panel's live candidates each reviewer has rated or commented on."""
    if not reviewers:
        return {}
    panel_of = {int(r.id or 0): r.panel_review_id for r in reviewers}
    rows = session.exec(select(Rating.reviewer_id, Rating.application_id)
                        .where(col(Rating.reviewer_id).in_(list(panel_of)))).all()
    counts: dict[int, int] = {}
    for reviewer_id, application_id in rows:
        if application_id in live.get(panel_of[reviewer_id], ()):
            counts[reviewer_id] = counts.get(reviewer_id, 0) + 1
    return counts


def _panel_for(session: Session, user: CurrentUser, panel_id: int) -> PanelReview:
    """The panel, when the user sees its project and may revoke it (NotAllowed otherwise)."""
    panel = session.get(PanelReview, panel_id)
    if panel is None:
        raise ProjectNotFound(panel_id)
    _visible_project(session, user, panel.project_id)
    if not may_revoke(session, user, panel):
        raise NotAllowed(panels.RIGHT)
    return panel


def _record_revoked(session: Session, user: CurrentUser, panel: PanelReview, **payload) -> None:
    ids = panels.candidates(session, int(panel.id or 0))
    for application in session.exec(select(Application).where(col(Application.id).in_(ids))):
        record(session, user, application, "panel_revoked", panel_review_id=panel.id, **payload)


def revoke_panel(session: Session, user: CurrentUser, panel_id: int, now: datetime | None = None) -> bool:
    """Stop every link of the panel at once (True when it was not revoked yet)."""
    panel = _panel_for(session, user, panel_id)
    if panel.revoked_at is not None:
        return False
    panel.revoked_at, panel.revoked_by_id = now or utcnow(), user.id
    session.add(panel)
    _record_revoked(session, user, panel)
    session.flush()
    return True


def revoke_reviewer(session: Session, user: CurrentUser, reviewer_id: int, now: datetime | None = None) -> bool:
    """Stop one reviewer's link at once (True when neither they nor their panel was revoked yet)."""
    reviewer = session.get(Reviewer, reviewer_id)
    if reviewer is None:
        raise ProjectNotFound(reviewer_id)
    panel = _panel_for(session, user, reviewer.panel_review_id)
    if reviewer.revoked_at is not None or panel.revoked_at is not None:
        return False
    reviewer.revoked_at = now or utcnow()
    session.add(reviewer)
    _record_revoked(session, user, panel, reviewer=reviewer.name or reviewer.email)
    session.flush()
    return True

