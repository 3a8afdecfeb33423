"""How statuses for the project group into the summaries recruiters see."""

from ..models import ApplicationStatus as S

# The Application handling summary: New, In process (invited / offer), Processed (rejected, withdrawn,
# hired), Saved. Transferred and restored applications wait for a first decision, so they count as new.
STATUS_GROUPS: dict[str, tuple[S, ...]] = {
    "new": (S.NEW, S.TRANSFERRED, S.RESTORED),
    "in_process": (S.INVITED, S.OFFER),
    "processed": (S.REJECTED, S.WITHDRAWN, S.HIRED),
    "saved": (S.SAVED,),
}


def group_of(status: str) -> str:
    """The summary group a status belongs to."""
    for group, members in STATUS_GROUPS.items():
        if status in members:
            return group
    raise ValueError(f"unknown status {status!r}")
