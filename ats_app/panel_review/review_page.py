"""What the reviewer's page shows and does: the link opened (or why it cannot be), the overview of the panel's
candidates with the reviewer's own ratings, one candidate with the shared material, saving and moving on,
Done, and the files the panel may download.

Opening the page changes nothing (mail scanners follow links); the first form sent notes when the reviewer
opened their review. The others' opinions come from reviewing.others, so the review stays blind until Done.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from ats_app.applications.cv_files import CvFile
from ats_app.core import files, throttle, tokens
from ats_app.core.i18n import N_, format_day, normalise_language
from ats_app.mail.tag_values import company_name
from ats_app.models import Application, Candidate, PanelReview, Rating, RecruitmentProject, Reviewer
from ats_app.models.base import utcnow
from ats_app.panel_review import material, panels, reviewing
from ats_app.panel_review.material import CandidateMaterial
from ats_app.panel_review.reviewing import OtherOpinion
from ats_app.privacy.anonymise import anonymised_cv_pdf
from ats_app.projects.editing import organisation_today

ENDS = {1: N_("Not suitable"), 7: N_("Excellent")}  # the words at the ends of the 1–7 scale
POST_LIMIT = "60 per 10 minutes"  # forms sent per client address and link (ATS_REVIEW_RATE_LIMIT)
OPEN, UNKNOWN, CLOSED = 200, 404, 410


@dataclass(frozen=True)
class Opened:
    """A link looked up: OPEN with its reviewer and panel, else UNKNOWN or CLOSED (revoked, past closing)."""

    status: int
    reviewer: Reviewer | None = None
    panel: PanelReview | None = None

    @property
    def language(self) -> str | None:
        return normalise_language(self.reviewer.language) if self.reviewer is not None else None


@dataclass(frozen=True)
class Row:
    """One candidate on the overview."""

    application_id: int
    name: str
    rated: bool
    score: int | None
    others: list[OtherOpinion] | None


@dataclass(frozen=True)
class Overview:
    """The panel as its reviewer meets it."""

    project_title: str
    organisation: str
    due: str  # the due date in the reader's language ("" when none)
    rows: list[Row]
    rated: int
    start: int | None  # the first candidate not rated yet, else the first one
    completed: str  # the day the reviewer pressed Done ("" before)
    may_change: bool
    allow_rating: bool

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def all_rated(self) -> bool:
        return self.rated == self.total


@dataclass(frozen=True)
class CandidatePage:
    """One candidate of the panel, the reviewer's rating so far and the way on."""

    project_title: str
    organisation: str
    candidate: CandidateMaterial
    number: int  # 1-based place in the panel
    total: int
    previous: int | None
    next: int | None
    score: int | None
    comment: str
    others: list[OtherOpinion] | None
    may_change: bool
    allow_rating: bool
    allow_comments: bool

    @property
    def has_form(self) -> bool:
        return self.may_change and (self.allow_rating or self.allow_comments)


def open_link(session: Session, token: str, now: datetime | None = None) -> Opened:
    """The reviewer behind token and whether their link still opens the review."""
    reviewer = panels.reviewer_by_token(session, token)
    if reviewer is None:
        return Opened(UNKNOWN)
    panel = session.get(PanelReview, reviewer.panel_review_id)
    if panel is None or not panels.link_works(session, reviewer, now):
        return Opened(CLOSED, reviewer)
    return Opened(OPEN, reviewer, panel)


def allow_post(client: str, token: str) -> bool:
    """Count one form sent from client on this link; False when over the limit (then nothing is done)."""
    return throttle.allow("review", "ATS_REVIEW_RATE_LIMIT", POST_LIMIT, client or "unknown",
                          tokens.token_hash(token)[:16])


def allow_download(client: str, token: str) -> bool:
    """Count one file download from client on this link (an anonymised CV is rebuilt as a PDF each time, so
    downloads are limited like forms); False when over the limit."""
    return throttle.allow("review-file", "ATS_REVIEW_RATE_LIMIT", POST_LIMIT, client or "unknown",
                          tokens.token_hash(token)[:16])


def _heading(session: Session, panel: PanelReview) -> tuple[str, str]:
    project = session.get(RecruitmentProject, panel.project_id)
    return (project.title if project else ""), company_name(session)


def overview(session: Session, reviewer: Reviewer, panel: PanelReview, language: str,
             now: datetime | None = None) -> Overview:
    """The overview: the project, the due date, each candidate with the reviewer's rating (and the others'
    once the reviewer has completed)."""
    mine = reviewing.ratings_of(session, reviewer)
    ids = panels.candidates(session, panel.id)
    sharing = material.sharing_of(panel)
    rows = []
    for application_id in ids:
        shown = material.candidate_material(session, sharing, application_id, language)
        rating = mine.get(application_id)
        rows.append(Row(application_id, shown.name if shown else "", rating is not None,
                        rating.score if rating else None, reviewing.others(session, reviewer, application_id)))
    unrated = [row.application_id for row in rows if not row.rated]
    title, organisation = _heading(session, panel)
    completed = reviewer.completed_at
    return Overview(
        project_title=title, organisation=organisation,
        due=format_day(panel.due_date, language) if panel.due_date else "", rows=rows,
        rated=len(rows) - len(unrated), start=(unrated + ids)[0] if ids else None,
        completed=format_day(completed.date(), language) if completed else "",
        may_change=panels.may_change(session, panel, now), allow_rating=panel.allow_rating)


def candidate_page(session: Session, reviewer: Reviewer, panel: PanelReview, application_id: int, language: str,
                   now: datetime | None = None) -> CandidatePage | None:
    """One candidate of the reviewer's panel; None when the application is not (or no longer) in it."""
    ids = panels.candidates(session, panel.id)
    if application_id not in ids:
        return None
    shown = material.candidate_material(session, material.sharing_of(panel), application_id, language)
    if shown is None:
        return None
    at = ids.index(application_id)
    rating: Rating | None = reviewing.ratings_of(session, reviewer).get(application_id)
    title, organisation = _heading(session, panel)
    return CandidatePage(
        project_title=title, organisation=organisation, candidate=shown, number=at + 1, total=len(ids),
        previous=ids[at - 1] if at > 0 else None, next=ids[at + 1] if at + 1 < len(ids) else None,
        score=rating.score if rating else None, comment=(rating.comment or "") if rating else "",
        others=reviewing.others(session, reviewer, application_id),
        may_change=panels.may_change(session, panel, now), allow_rating=panel.allow_rating,
        allow_comments=panel.allow_comments)


def name_in_panel(session: Session, panel: PanelReview, application_id: int | None, language: str) -> str:
    """The name (or pseudonym) the panel knows a candidate by, "" when not one of its candidates."""
    if application_id is None or application_id not in panels.candidates(session, panel.id):
        return ""
    shown = material.candidate_material(session, material.sharing_of(panel), application_id, language)
    return shown.name if shown else ""


def save(session: Session, reviewer: Reviewer, application_id: int, score: object, comment: object,
         now: datetime | None = None) -> int | None:
    """Store the reviewer's rating of one candidate; the next candidate to show (None after the last).
    InvalidInput for a bad field, ReviewClosed when ratings can no longer change; nothing stored then."""
    now = now or utcnow()
    reviewing.save_rating(session, reviewer, application_id, score, comment, now)
    _note_opened(session, reviewer, now)
    ids = panels.candidates(session, reviewer.panel_review_id)
    at = ids.index(application_id)
    return ids[at + 1] if at + 1 < len(ids) else None


def complete(session: Session, reviewer: Reviewer, now: datetime | None = None) -> bool:
    """Done: the review completed (reviewing.complete_review; ReviewClosed after the due date)."""
    now = now or utcnow()
    first = reviewing.complete_review(session, reviewer, now)
    _note_opened(session, reviewer, now)
    return first


def _note_opened(session: Session, reviewer: Reviewer, now: datetime) -> None:
    """The first form sent marks the review as opened (a GET may be a mail scanner)."""
    if reviewer.opened_at is None:
        reviewer.opened_at = now
        session.add(reviewer)


def review_file(session: Session, reviewer: Reviewer, panel: PanelReview, application_id: int,
                kind: str) -> CvFile | None:
    """A file of one candidate of the panel, only what the panel shares: kind "cv" (the original, or the
    anonymised PDF when the panel is anonymised) or "cover-letter" (never when anonymised)."""
    if application_id not in panels.candidates(session, panel.id):
        return None
    language = normalise_language(reviewer.language)
    shown = material.candidate_material(session, material.sharing_of(panel), application_id, language)
    application = session.get(Application, application_id)
    candidate = session.get(Candidate, application.candidate_id) if application else None
    if shown is None or application is None or candidate is None:
        return None
    if kind == "cv" and shown.cv_pdf:
        pdf = anonymised_cv_pdf(candidate, organisation_today(session), language=language)
        return CvFile(filename=f"{shown.name}.pdf", content=pdf) if pdf else None
    if candidate.anonymised_at is not None:
        return None
    if kind == "cv" and shown.cv_file and candidate.cv_file_key:
        return _stored(shown.cv_file, candidate.cv_file_key)
    if kind == "cover-letter" and shown.cover_letter_file and application.cover_letter_file_key:
        return _stored(shown.cover_letter_file, application.cover_letter_file_key)
    return None


def _stored(filename: str, key: str) -> CvFile | None:
    try:
        return CvFile(filename=filename, content=files.read_bytes(key))
    except FileNotFoundError:
        return None
