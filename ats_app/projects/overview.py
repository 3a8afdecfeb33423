"""The Recruitment overview: projects with their application counts, one page at a time."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.statuses import group_of
from ats_app.models import Application, Department, ProjectStatus, RecruitmentProject

PAGE_SIZE = 25


@dataclass
class ProjectSummary:
    """One row of the overview."""

    id: int
    title: str
    department: str
    status: str
    deadline: date | None
    counts: dict[str, int] = field(default_factory=dict)  # total, new, in_process, processed, saved


@dataclass
class OverviewPage:
    """A page of projects and how many match in all."""

    rows: list[ProjectSummary]
    total: int


def list_projects(session: Session, user: CurrentUser, *, status: str = "", search: str = "",
                  offset: int = 0, limit: int = PAGE_SIZE) -> OverviewPage:
    """Projects user may see, newest deadline first, filtered by status and a title/department search."""
    where = [visible_projects(user)]
    if status:
        where.append(RecruitmentProject.status == ProjectStatus(status))
    if search.strip():
        needle = search.strip().lower()
        where.append(func.lower(RecruitmentProject.title).contains(needle, autoescape=True)
                     | func.lower(Department.name).contains(needle, autoescape=True))
    base = (select(RecruitmentProject, Department.name)
            .join(Department, Department.id == RecruitmentProject.department_id, isouter=True).where(*where))
    total = session.exec(select(func.count()).select_from(base.subquery())).one()
    found = session.exec(
        base.order_by(col(RecruitmentProject.status) == ProjectStatus.CLOSED,
                      col(RecruitmentProject.deadline).desc(), RecruitmentProject.id)
        .offset(max(offset, 0)).limit(limit)
    ).all()
    rows = [ProjectSummary(id=p.id, title=p.title, department=dept or "", status=p.status, deadline=p.deadline,
                           counts={"total": 0, "new": 0, "in_process": 0, "processed": 0, "saved": 0})
            for p, dept in found]
    by_id = {r.id: r for r in rows}
    if by_id:
        counted = session.exec(
            select(Application.project_id, Application.status, func.count())
            .where(col(Application.project_id).in_(by_id), col(Application.deleted_at).is_(None))
            .group_by(Application.project_id, Application.status)
        ).all()
        for project_id, app_status, n in counted:
            counts = by_id[project_id].counts
            counts["total"] += n
            counts[group_of(app_status)] += n
    return OverviewPage(rows=rows, total=total)
