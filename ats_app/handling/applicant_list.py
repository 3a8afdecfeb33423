"""The Application handling list: a project's summary counts and one page of applicant rows.

Everything is decided in SQL (filter, search, sort, LIMIT/OFFSET) so that only one page of small rows
ever leaves the database, however many thousands apply to a project.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.statuses import STATUS_GROUPS, group_of
from ats_app.core.errors import ProjectNotFound
from ats_app.models import Application, Candidate, PanelReview, Rating, RecruitmentProject, RejectionType, Reviewer
from ats_app.offers.status import offer_states
from ats_app.panel_review import results
from ats_app.projects.screening import KNOCKED_OUT, MEETS

PAGE_SIZE = 50
SUMMARY_KEYS = ("all", *STATUS_GROUPS, "deleted")
SORT_KEYS = ("name", "status", "ranking", "rating", "applied", "language")
# The "Meets requirements / Knocked out" filter: its values and what they select (projects.screening decides).
REQUIREMENTS = {MEETS: False, KNOCKED_OUT: True}


@dataclass
class ApplicantRow:
    """One line of the applicant table: small, with no personal data beyond name and email."""

    application_id: int
    candidate_id: int
    name: str
    email: str
    status: str
    rejection_stage: str | None  # the rejection type's code, for "Rejected (after first interview)"
    ranking: int | None
    rating: float | None  # average panel rating 1–7 (of the scores the user may see)
    applied_at: datetime
    language: str
    knocked_out: bool | None = None  # None: the project asks nothing that can knock out
    auto_reject_stopped: bool = False  # a recruiter stopped this applicant's automatic rejection
    rating_count: int = 0  # how many scored ratings the average is of
    offer: str = ""  # where the current offer stands (offers.status: waiting, accepted, …), "" without one


@dataclass
class ApplicantPage:
    """A page of rows and how many match in all."""

    rows: list[ApplicantRow]
    total: int


def visible_project(session: Session, user: CurrentUser, project_id: int) -> RecruitmentProject:
    """The project, when user may see it."""
    project = session.exec(
        select(RecruitmentProject).where(RecruitmentProject.id == project_id, visible_projects(user))
    ).first()
    if project is None:
        raise ProjectNotFound(project_id)
    return project


def summary(session: Session, user: CurrentUser, project_id: int) -> dict[str, int]:
    """Counts for All applications, New, In process, Processed, Saved and Deleted."""
    visible_project(session, user, project_id)
    return _counts(session, project_id)


def _counts(session: Session, project_id: int) -> dict[str, int]:
    counts = dict.fromkeys(SUMMARY_KEYS, 0)
    found = session.exec(
        select(Application.status, func.count())
        .where(Application.project_id == project_id, col(Application.deleted_at).is_(None))
        .group_by(Application.status)
    ).all()
    for status, n in found:
        counts["all"] += n
        counts[group_of(status)] += n
    # Few rows are deleted; those a Transfer moved away are not counted as deleted.
    counts["deleted"] = session.exec(
        select(func.count(Application.id)).where(Application.project_id == project_id,
                                                 col(Application.deleted_at).is_not(None),
                                                 col(Application.moved_to_id).is_(None))).one()
    return counts


def _filters(project_id: int, group: str, status: str, ranking: int | None, search: str,
             requirements: str = "") -> list[ColumnElement]:
    where: list[ColumnElement] = [col(Application.project_id) == project_id]
    if group == "deleted":  # deleted here, not moved away by a Transfer
        where += [col(Application.deleted_at).is_not(None), col(Application.moved_to_id).is_(None)]
    else:
        where.append(col(Application.deleted_at).is_(None))
    if group in STATUS_GROUPS:
        where.append(col(Application.status).in_(STATUS_GROUPS[group]))
    elif group not in ("all", "deleted"):
        raise ValueError(f"unknown group {group!r}")
    if status:
        where.append(Application.status == status)
    if ranking is not None:
        where.append(col(Application.ranking).is_(None) if ranking == 0 else Application.ranking == ranking)
    if requirements:  # ix_application_project_knocked: (project_id, knocked_out, deleted_at)
        if requirements not in REQUIREMENTS:
            raise ValueError(f"unknown requirements filter {requirements!r}")
        where.append(col(Application.knocked_out) == REQUIREMENTS[requirements])
    needle = " ".join(search.lower().split())
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(col(Application.search_text).like(f"%{escaped}%", escape="\\"))
    return where


def handling_page(session: Session, user: CurrentUser, project_id: int,
                  **filters) -> tuple[RecruitmentProject, dict[str, int], ApplicantPage]:
    """What the Application handling page shows: the project, its summary counts and one page of
    applicants (filters as for list_applicants), with the project's visibility checked once."""
    project = visible_project(session, user, project_id)
    return project, _counts(session, project_id), _page(session, user, project_id, **filters)


def list_applicants(session: Session, user: CurrentUser, project_id: int, **filters) -> ApplicantPage:
    """One page of a project's applicants.

    Filters: group is a summary key (all, new, in_process, processed, saved, deleted); status narrows to
    one status; ranking 1–3 filters by manual ranking (0: not ranked); requirements is "meets" or
    "knocked_out" (the screening questions' verdict; "" for everyone); search matches name or email; sort
    is one of SORT_KEYS, descending its direction; offset and limit choose the page. Ties are broken by
    application id, so pages never overlap.
    """
    visible_project(session, user, project_id)
    return _page(session, user, project_id, **filters)


def _page(session: Session, user: CurrentUser, project_id: int, *, group: str = "all", status: str = "",
          ranking: int | None = None, search: str = "", requirements: str = "", sort: str = "applied",
          descending: bool = True, offset: int = 0, limit: int = PAGE_SIZE) -> ApplicantPage:
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort {sort!r}")
    where = _filters(project_id, group, status, ranking, search, requirements)
    total = session.exec(select(func.count(Application.id)).where(*where)).one()

    blind = results.blind_panels(session, user.id)  # the others' ratings on panels the user has yet to complete
    order: tuple = {
        "name": (Application.sort_name,),  # "de Vries" among the Ds
        "status": (Application.status,),
        "ranking": (Application.ranking,),
        "applied": (Application.applied_at,),
        "language": (Candidate.language,),
    }.get(sort, ())
    if sort == "rating":  # the average, then how many rated; the project's panels' ratings only are read
        sorting = results.totals(col(Reviewer.panel_review_id).in_(
            select(PanelReview.id).where(PanelReview.project_id == project_id)), user_id=user.id, blind=blind)
        order = (sorting.c.average, sorting.c.count)
    direction = [c.desc() if descending else c.asc() for c in order]
    if sort in ("ranking", "rating"):  # unranked and unrated last on every database (PostgreSQL puts NULL first)
        direction = [c.nulls_last() for c in direction]
    tie = col(Application.id).desc() if descending else col(Application.id).asc()
    # Deferred join: find the page's ids on the index alone (a later page skips thousands of index
    # entries, not thousands of joined rows), then fetch just those 50 rows with their names.
    page_ids = select(Application.id).where(*where).order_by(*direction, tie).offset(max(offset, 0)).limit(limit)
    if sort == "language":
        page_ids = page_ids.join(Candidate, Candidate.id == Application.candidate_id)
    if sort == "rating":
        page_ids = page_ids.join(sorting, sorting.c.application_id == Application.id, isouter=True)
    ids = list(session.exec(page_ids))
    rating = results.totals(col(Rating.application_id).in_(ids or [-1]), user_id=user.id, blind=blind)
    found = session.exec(
        select(Application.id, Application.candidate_id, Application.status, Application.ranking,
               Application.applied_at, Candidate.first_name, Candidate.last_name, Candidate.email,
               Candidate.language, RejectionType.code, rating.c.average, rating.c.count, Application.knocked_out,
               Application.auto_reject_stopped_at)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .join(RejectionType, RejectionType.id == Application.rejection_type_id, isouter=True)
        .join(rating, rating.c.application_id == Application.id, isouter=True)
        .where(col(Application.id).in_(ids or [-1]))
    ).all()
    by_id = {row[0]: row for row in found}
    offers = offer_states(session, ids)  # one query for the page's rows
    rows = []
    for application_id in ids:
        (_, candidate_id, status_, ranking_, applied_at, first, last, email, language, stage, average, rated,
         knocked, stopped) = by_id[application_id]
        rows.append(ApplicantRow(application_id=application_id, candidate_id=candidate_id, name=f"{first} {last}",
                                 email=email, status=status_, rejection_stage=stage, ranking=ranking_,
                                 rating=round(float(average), 1) if average is not None else None,
                                 applied_at=applied_at, language=language, knocked_out=knocked,
                                 auto_reject_stopped=stopped is not None, rating_count=rated or 0,
                                 offer=offers.get(application_id, "")))
    return ApplicantPage(rows=rows, total=total)
