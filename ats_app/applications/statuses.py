"""How statuses for the project group into the summaries recruiters see."""

from ats_app.models import ApplicationStatus as S
from ats_app.core.i18n import N_, NC_

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

# What recruiters read for each status for the project, and for each rejection stage.
STATUS_LABELS: dict[str, str] = {k.value: v for k, v in {
    S.NEW: NC_("status", "New"), S.INVITED: NC_("status", "Invited to interview"),
    S.OFFER: NC_("status", "Offer received"), S.REJECTED: NC_("status", "Rejected"),
    S.WITHDRAWN: NC_("status", "Withdrawn"), S.SAVED: NC_("status", "Saved"), S.HIRED: NC_("status", "Hired"),
    S.TRANSFERRED: NC_("status", "Transferred"), S.RESTORED: NC_("status", "Restored"),
}.items()}
STATUS_COLOURS: dict[str, str] = {k.value: v for k, v in {
    S.NEW: "blue", S.INVITED: "amber", S.OFFER: "orange", S.REJECTED: "gray", S.WITHDRAWN: "gray",
    S.SAVED: "green", S.HIRED: "teal", S.TRANSFERRED: "iris", S.RESTORED: "cyan",
}.items()}
STAGE_LABELS: dict[str, str] = {
    "after_application_review": N_("after application review"),
    "after_screening": N_("after screening questions"),
    "timed": N_("no progress in time"),
    "after_initial_meeting": N_("after initial meeting"),
    "after_first_interview": N_("after first interview"),
    "after_second_interview": N_("after second interview"),
    "after_third_interview": N_("after third interview"),
}
