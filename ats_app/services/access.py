"""Who may see which recruitment projects."""

from sqlalchemy import or_
from sqlalchemy.sql.elements import ColumnElement

from ..models import RecruitmentProject, Role
from .auth import CurrentUser


def visible_projects(user: CurrentUser) -> ColumnElement[bool]:
    """A WHERE clause for the projects user may see.

    Admins and recruiters see every project; a hiring manager sees the projects of their department
    and those they own. Deleted projects are hidden from everyone.
    """
    alive = RecruitmentProject.deleted_at.is_(None)
    if user.role in (Role.ADMIN, Role.RECRUITER):
        return alive
    return alive & or_(RecruitmentProject.department_id == user.department_id,
                       RecruitmentProject.owner_id == user.id)
