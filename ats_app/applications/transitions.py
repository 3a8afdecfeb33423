"""Which statuses for the project an action may start from, and why not otherwise.

Each further-progress action declares the statuses it may start from (applications.further_progress_action);
this module holds the groups they are built from and the refusal every applicant hears. The rules
follow EasyCruit's (research/anchors_features.md §4.2): withdraw while the application is live; save
from anything but a hire (a rejected candidate is often worth keeping); offer and hire only while the
application is live; transfer anything but a hire (a hired person is an employee now); delete
anything. A deleted application only comes back through Restore.
"""

from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import N_
from ats_app.models import Application, ApplicationStatus

# Waiting for a decision or in the interview / offer loop.
LIVE = frozenset({ApplicationStatus.NEW, ApplicationStatus.TRANSFERRED, ApplicationStatus.RESTORED,
                  ApplicationStatus.INVITED, ApplicationStatus.OFFER})
ANY = frozenset(ApplicationStatus)

# Why an action cannot start from a status: shown per skipped applicant ("1 skipped: already hired").
ALREADY: dict[ApplicationStatus, str] = {
    ApplicationStatus.WITHDRAWN: N_("already withdrawn"),
    ApplicationStatus.HIRED: N_("already hired"),
    ApplicationStatus.REJECTED: N_("already rejected"),
    ApplicationStatus.SAVED: N_("already saved"),
    ApplicationStatus.OFFER: N_("already has an offer"),
}
NOT_FOR_STATUS = N_("not possible for this status")
DELETED = N_("deleted")


def check_status(allowed_from: frozenset[ApplicationStatus], application: Application) -> None:
    """Raise ActionRefused unless an action allowed from these statuses may run on application now."""
    if application.deleted_at is not None:
        raise ActionRefused(DELETED)
    status = ApplicationStatus(application.status)
    if status not in allowed_from:
        raise ActionRefused(ALREADY.get(status, NOT_FOR_STATUS))
