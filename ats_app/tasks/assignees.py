"""Who gets the task when a candidate answers something a recruiter sent (an offer, a contract): the recruiter
who sent it while their account is still active, else the project's responsible recruiter. A task for a user
who has left would never be seen."""

from sqlmodel import Session

from ats_app.models import RecruitmentProject, User


def recruiter_to_tell(session: Session, sender_id: int | None, project_id: int | None) -> int | None:
    """The active sender's id, else the project's owner's (None when there is neither)."""
    sender = session.get(User, sender_id) if sender_id else None
    if sender is not None and sender.active:
        return sender.id
    project = session.get(RecruitmentProject, project_id) if project_id else None
    return project.owner_id if project else None
