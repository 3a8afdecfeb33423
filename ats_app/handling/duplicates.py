"""Possible duplicates: another candidate who is probably the same person, flagged on Application and CV,
where a recruiter merges the two (handling.merge) or says they are not the same person (dismiss).

Two candidates are flagged when they have
- the same name (case, accents and blanks aside) and the same mobile (E.164), or
- a very similar name and the same birth date: rapidfuzz's token_sort_ratio of the normalised full names
  is SIMILAR_NAME or more. One letter typed twice or left out scores 90 or more on any name of five
  letters or more ("Kari Hansen" / "Kari Hanssen" 95.7), the order of the names does not count ("Hansen
  Kari"), while one different letter in a short name stays under ("Anna Berg" / "Anne Berg" 88.9, twins
  more often than typos). An added middle name is not caught ("Kari Marie Hansen" 78.6).
Only candidates who are not anonymised and whom the user may see through at least one application in a
visible project (a deleted one too: Deleted applications shows it) are offered, and never a pair a
recruiter dismissed.

Fast on a million applications: the candidates who share the mobile or the birth date are read through
their indexes (at most NARROW_LIMIT of them), and only that handful is compared by name.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy import exists, or_
from sqlmodel import Session, col, select

from ats_app.accounts.access import may_act, visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.history import record
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.core.i18n import N_
from ats_app.models import Application, Candidate, DuplicateDismissal, RecruitmentProject, RejectionType

SIMILAR_NAME = 90  # token_sort_ratio, 0-100 (see above)
NARROW_LIMIT = 200  # candidates sharing one mobile or one birth date that are compared at most
SAME_NAME_AND_MOBILE = "same_name_mobile"
SIMILAR_NAME_AND_BIRTH_DATE = "similar_name_birth_date"
NOT_FOUND = N_("not found")
# Letters that do not come apart into a base letter and an accent.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
                       "ı": "i"})


@dataclass
class DuplicateApplication:
    application_id: int
    project_title: str
    status: str
    stage: str
    deleted: bool


@dataclass
class PossibleDuplicate:
    candidate_id: int
    first_name: str
    last_name: str
    email: str
    mobile: str | None
    birth_date: date | None
    reason: str  # SAME_NAME_AND_MOBILE or SIMILAR_NAME_AND_BIRTH_DATE
    applications: list[DuplicateApplication] = field(default_factory=list)


def normalised_name(first_name: str | None, last_name: str | None) -> str:
    """"Åse Ødegård " -> "ase odegard": lower case, no accents, one blank between words."""
    text = unicodedata.normalize("NFKD", f"{first_name or ''} {last_name or ''}".casefold().translate(_FOLD))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


def name_similarity(a: str, b: str) -> float:
    """token_sort_ratio of two normalised names, 0-100."""
    return fuzz.token_sort_ratio(a, b)


def why_duplicate(candidate: Candidate, other: Candidate) -> str | None:
    """The rule that makes other a possible duplicate of candidate, or None."""
    name, other_name = (normalised_name(candidate.first_name, candidate.last_name),
                        normalised_name(other.first_name, other.last_name))
    if not name or not other_name:
        return None
    if candidate.mobile and candidate.mobile == other.mobile and name == other_name:
        return SAME_NAME_AND_MOBILE
    if (candidate.birth_date and candidate.birth_date == other.birth_date
            and name_similarity(name, other_name) >= SIMILAR_NAME):
        return SIMILAR_NAME_AND_BIRTH_DATE
    return None


def _seen_through_a_project(user: CurrentUser):
    """WHERE: the candidate has an application (deleted ones too, not moved ones) in a project user may see."""
    return exists(select(Application.id).join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
                  .where(Application.candidate_id == Candidate.id, col(Application.moved_to_id).is_(None),
                         visible_projects(user)))


def visible_candidate(session: Session, user: CurrentUser, candidate_id: int) -> Candidate | None:
    """The candidate, when not anonymised and user sees one of their applications."""
    return session.exec(select(Candidate).where(Candidate.id == candidate_id, col(Candidate.anonymised_at).is_(None),
                                                _seen_through_a_project(user))).first()


def dismissed_others(session: Session, candidate_id: int) -> set[int]:
    """The candidates a recruiter said are not the same person as candidate_id."""
    pairs = session.exec(select(DuplicateDismissal.candidate_id, DuplicateDismissal.other_id).where(
        or_(DuplicateDismissal.candidate_id == candidate_id, DuplicateDismissal.other_id == candidate_id))).all()
    return {b if a == candidate_id else a for a, b in pairs}


def possible_duplicates(session: Session, user: CurrentUser, candidate_id: int) -> list[PossibleDuplicate]:
    """The other candidates who may be the same person as candidate_id, with the applications user may see
    (empty when user may not see candidate_id, or it is anonymised)."""
    candidate = visible_candidate(session, user, candidate_id)
    if candidate is None or not (candidate.mobile or candidate.birth_date):
        return []
    shares = []
    if candidate.mobile:
        shares.append(Candidate.mobile == candidate.mobile)
    if candidate.birth_date:
        shares.append(Candidate.birth_date == candidate.birth_date)
    near = session.exec(select(Candidate).where(or_(*shares), Candidate.id != candidate.id,
                                                col(Candidate.anonymised_at).is_(None), _seen_through_a_project(user))
                        .order_by(col(Candidate.id)).limit(NARROW_LIMIT)).all()
    dismissed = dismissed_others(session, candidate.id) if near else set()
    found = []
    for other in near:
        reason = None if other.id in dismissed else why_duplicate(candidate, other)
        if reason:
            found.append(PossibleDuplicate(other.id, other.first_name, other.last_name, other.email, other.mobile,
                                           other.birth_date, reason))
    applications = _applications(session, user, [d.candidate_id for d in found])
    for duplicate in found:
        duplicate.applications = applications.get(duplicate.candidate_id, [])
    return found


def for_application(session: Session, user: CurrentUser, application_id: int) -> tuple[int, list[PossibleDuplicate]]:
    """The candidate behind an application user may see, and their possible duplicates."""
    candidate_id = session.exec(
        select(Application.candidate_id).join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
        .where(Application.id == application_id, col(Application.moved_to_id).is_(None), visible_projects(user))
    ).first()
    if candidate_id is None:
        return 0, []
    return candidate_id, possible_duplicates(session, user, candidate_id)


def _applications(session: Session, user: CurrentUser, candidate_ids: list[int]) -> dict[int, list]:
    """The applications user may see of each candidate (deleted ones too, not moved ones), newest first."""
    if not candidate_ids:
        return {}
    rows = session.exec(
        select(Application, RecruitmentProject.title, RejectionType.code)
        .join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
        .join(RejectionType, col(RejectionType.id) == Application.rejection_type_id, isouter=True)
        .where(col(Application.candidate_id).in_(candidate_ids), col(Application.moved_to_id).is_(None),
               visible_projects(user))
        .order_by(col(Application.applied_at).desc())).all()
    by_candidate: dict[int, list] = {}
    for application, title, stage in rows:
        by_candidate.setdefault(application.candidate_id, []).append(
            DuplicateApplication(application.id, title, application.status, stage or "",
                                 application.deleted_at is not None))
    return by_candidate


def dismiss_duplicate(session: Session, user: CurrentUser, candidate_id: int, other_id: int) -> DuplicateDismissal:
    """A recruiter says candidate_id and other_id are not the same person: the pair is not flagged again.

    Both must be candidates user may see; a history line goes on each one's live applications user may see.
    Recruiters and admins decide this; hiring managers see the flag.
    """
    if not may_act(user):
        raise NotAllowed("dismiss_duplicate")
    if candidate_id == other_id:
        raise ActionRefused(N_("This is the same candidate."))
    candidate, other = visible_candidate(session, user, candidate_id), visible_candidate(session, user, other_id)
    if candidate is None or other is None:
        raise ActionRefused(NOT_FOUND)
    low, high = sorted((candidate_id, other_id))
    dismissal = session.exec(select(DuplicateDismissal).where(DuplicateDismissal.candidate_id == low,
                                                              DuplicateDismissal.other_id == high)).first()
    if dismissal is not None:
        return dismissal
    dismissal = DuplicateDismissal(candidate_id=low, other_id=high, dismissed_by_id=user.id)
    session.add(dismissal)
    for this, that in ((candidate_id, other_id), (other_id, candidate_id)):
        for application in live_applications(session, user, this):
            record(session, user, application, "duplicate_dismissed", other_candidate_id=that)
    session.flush()
    return dismissal


def live_applications(session: Session, user: CurrentUser, candidate_id: int) -> list[Application]:
    """The candidate's applications in their projects' lists (not deleted, not moved) that user may see."""
    return list(session.exec(
        select(Application).join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
        .where(Application.candidate_id == candidate_id, col(Application.deleted_at).is_(None),
               col(Application.moved_to_id).is_(None), visible_projects(user))).all())
