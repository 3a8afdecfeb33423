"""How statuses for the project group into the summaries recruiters see."""

from ats_app.core.i18n import NC_
from ats_app.models import ApplicationStatus

# The Application handling summary: New, In process (invited / offer), Processed (rejected, withdrawn,
# hired), Saved. Transferred and restored applications wait for a first decision, so they count as new.
STATUS_GROUPS: dict[str, tuple[ApplicationStatus, ...]] = {
    "new": (ApplicationStatus.NEW, ApplicationStatus.TRANSFERRED, ApplicationStatus.RESTORED),
    "in_process": (ApplicationStatus.INVITED, ApplicationStatus.OFFER),
    "processed": (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.HIRED),
    "saved": (ApplicationStatus.SAVED,),
}


def group_of(status: str) -> str:
    """The summary group a status belongs to."""
    for group, members in STATUS_GROUPS.items():
        if status in members:
            return group
    raise ValueError(f"unknown status {status!r}")


# What recruiters read for each status for the project.
STATUS_LABELS: dict[str, str] = {k.value: v for k, v in {
    ApplicationStatus.NEW: NC_("status", "New"),
    ApplicationStatus.INVITED: NC_("status", "Invited to interview"),
    ApplicationStatus.OFFER: NC_("status", "Offer received"),
    ApplicationStatus.REJECTED: NC_("status", "Rejected"),
    ApplicationStatus.WITHDRAWN: NC_("status", "Withdrawn"),
    ApplicationStatus.SAVED: NC_("status", "Saved"),
    ApplicationStatus.HIRED: NC_("status", "Hired"),
    ApplicationStatus.TRANSFERRED: NC_("status", "Transferred"),
    ApplicationStatus.RESTORED: NC_("status", "Restored"),
}.items()}
STATUS_COLOURS: dict[str, str] = {k.value: v for k, v in {
    ApplicationStatus.NEW: "blue", ApplicationStatus.INVITED: "amber", ApplicationStatus.OFFER: "orange",
    ApplicationStatus.REJECTED: "gray", ApplicationStatus.WITHDRAWN: "gray",
    ApplicationStatus.SAVED: "green", ApplicationStatus.HIRED: "teal", ApplicationStatus.TRANSFERRED: "iris",
    ApplicationStatus.RESTORED: "cyan",
}.items()}
