"""The organisation's departments and positions, as the Hire form offers them."""

from sqlmodel import Session, select

from ats_app.models import Department, Position


def positions_and_departments(session: Session) -> tuple[list[tuple[int, str, str]], list[tuple[int, str]]]:
    """Positions as (id, title, department name) and departments as (id, name), sorted by name."""
    positions = session.exec(
        select(Position.id, Position.title, Department.name)
        .join(Department, Department.id == Position.department_id, isouter=True)
        .order_by(Department.name, Position.title)).all()
    departments = session.exec(select(Department.id, Department.name).order_by(Department.name)).all()
    return [(int(i), title, dep or "") for i, title, dep in positions], [(int(i), name) for i, name in departments]
