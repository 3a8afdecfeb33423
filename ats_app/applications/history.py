"""An application's history: every action writes a line, so nothing a recruiter or a candidate did is lost.

Payloads hold ids and codes only, never personal data: they outlive Delete permanently, which keeps one
line for the statistics. The words a person reads are made from them on the Application and CV page.
"""

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.models import Application, ApplicationEvent


def record(session: Session, user: CurrentUser | None, application: Application, kind: str, *,
           message_id: int | None = None, **payload) -> ApplicationEvent:
    """One history line (user None: the candidate or the system did it)."""
    event = ApplicationEvent(application_id=application.id, project_id=application.project_id,
                             actor_id=user.id if user else None, kind=kind, message_id=message_id, payload=payload)
    session.add(event)
    return event
