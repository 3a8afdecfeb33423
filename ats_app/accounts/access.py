"""Who may see which recruitment projects: one rule, used by every list, page, route and download."""

from sqlalchemy import false, or_, select, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from ats_app.accounts.auth import CurrentUser
from ats_app.models import ProjectRecruiter, RecruitmentProject, Role

# The roles that move applicants on (further-progress actions, tasks, calendar); hiring managers look and rate.
ACTING_ROLES = (Role.ADMIN, Role.DEPARTMENT_ADMIN, Role.RECRUITER)
# The roles that administer users: admins everyone, department admins the users of their department.
USER_ADMIN_ROLES = (Role.ADMIN, Role.DEPARTMENT_ADMIN)


def visible_projects(user: CurrentUser, *, include_deleted: bool = False) -> ColumnElement[bool]:
    """A WHERE clause for the projects user may see.

    Admins see every project. Everyone sees the projects they are on (responsible, or added as a
    recruiter). Department admins and hiring managers also see every project of their department, and so
    do recruiters holding the right to see their department's projects. A user without a department sees
    no department-scoped project (never `department_id IS NULL`). Deleted projects are hidden from
    everyone, except on Deleted applications (include_deleted), which must still list what they leave behind.
    """
    alive: ColumnElement[bool] = true() if include_deleted else col(RecruitmentProject.deleted_at).is_(None)
    if user.role == Role.ADMIN:
        return alive
    on_project = or_(
        col(RecruitmentProject.owner_id) == user.id,
        col(RecruitmentProject.id).in_(
            select(ProjectRecruiter.project_id).where(col(ProjectRecruiter.user_id) == user.id)),
    )
    sees_department = user.department_id is not None and (
        user.role in (Role.DEPARTMENT_ADMIN, Role.HIRING_MANAGER) or user.has("can_see_department_projects"))
    department: ColumnElement[bool] = (col(RecruitmentProject.department_id) == user.department_id
                                       if sees_department else false())
    return alive & or_(on_project, department)


def may_act(user: CurrentUser) -> bool:
    """Further-progress actions are for recruiters, department admins and admins; hiring managers look and rate."""
    return user.role in ACTING_ROLES


def may_administer_users(user: CurrentUser) -> bool:
    """Admins administer every user; department admins those of their own department."""
    return user.role == Role.ADMIN or (user.role == Role.DEPARTMENT_ADMIN and user.department_id is not None)
