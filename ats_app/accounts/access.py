"""Who may see which recruitment projects."""

from sqlalchemy import or_, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from ats_app.accounts.auth import CurrentUser
from ats_app.models import RecruitmentProject, Role


def visible_projects(user: CurrentUser, *, include_deleted: bool = False) -> ColumnElement[bool]:
    """A WHERE clause for the projects user may see.

    Admins and recruiters see every project; a hiring manager sees the projects of their department
    and those they own. Deleted projects are hidden from everyone, except on Deleted applications
    (include_deleted), which must still list the applications they leave behind.
    """
    alive: ColumnElement[bool] = true() if include_deleted else col(RecruitmentProject.deleted_at).is_(None)
    if user.role in (Role.ADMIN, Role.RECRUITER):
        return alive
    return alive & or_(col(RecruitmentProject.department_id) == user.department_id,
                       col(RecruitmentProject.owner_id) == user.id)


def may_act(user: CurrentUser) -> bool:
    """Further-progress actions are for recruiters and admins; hiring managers look and rate."""
    return user.role in (Role.ADMIN, Role.RECRUITER)
