"""The organisation's departments and positions, as the Hire, offer and contract forms offer them: the active
ones only (a deactivated department or position stays on what already names it, but is offered no more)."""

from sqlmodel import Session, col, select

from ats_app.models import Department, Position


def positions_and_departments(session: Session) -> tuple[list[tuple[int, str, str]], list[tuple[int, str]]]:
    """Positions as (id, title, department name) and departments as (id, name), sorted by name."""
    positions = session.exec(
        select(Position.id, Position.title, Department.name)
        .join(Department, Department.id == Position.department_id, isouter=True)
        .where(col(Position.active).is_(True), col(Department.active).is_not(False))
        .order_by(Department.name, Position.title)).all()
    departments = session.exec(select(Department.id, Department.name).where(col(Department.active).is_(True))
                               .order_by(Department.name)).all()
    return [(int(i), title, dep or "") for i, title, dep in positions], [(int(i), name) for i, name in departments]
