"""Which status for the project each further-progress action may start from, and why not otherwise.

The rules follow EasyCruit's (research/anchors_features.md §4.2): withdraw while the application is
live; save from anything but a hire (a rejected candidate is often worth keeping); offer and hire only
while the application is live; transfer anything but a hire (a hired person is an employee now);
delete anything. A deleted application only comes back through Restore.
"""

from ats_app.models import Application, ApplicationStatus as S
from ats_app.core.i18n import N_
from ats_app.core.errors import ActionRefused

# Waiting for a decision or in the interview / offer loop.
LIVE = frozenset({S.NEW, S.TRANSFERRED, S.RESTORED, S.INVITED, S.OFFER})

ALLOWED_FROM: dict[str, frozenset[S]] = {
    "withdraw": LIVE | {S.SAVED},
    "save": LIVE | {S.REJECTED, S.WITHDRAWN},
    "save_and_send": LIVE | {S.REJECTED, S.WITHDRAWN, S.SAVED},  # saved: a new set-password link
    "reject": LIVE | {S.SAVED},
    "invite": LIVE - {S.OFFER} | {S.SAVED},  # an invited applicant may be invited to the next interview
    "offer": LIVE - {S.OFFER} | {S.SAVED},
    "hire": LIVE | {S.SAVED},
    "transfer": frozenset(S) - {S.HIRED},
    "transfer_to_cv_database": frozenset(S) - {S.HIRED, S.SAVED},  # the history names "transfer"
    "delete": frozenset(S),
}

# Why an action cannot start from a status: shown per skipped applicant ("1 skipped: already hired").
ALREADY: dict[S, str] = {
    S.WITHDRAWN: N_("already withdrawn"),
    S.HIRED: N_("already hired"),
    S.REJECTED: N_("already rejected"),
    S.SAVED: N_("already saved"),
    S.OFFER: N_("already has an offer"),
}
NOT_FOR_STATUS = N_("not possible for this status")
DELETED = N_("deleted")


def check(action: str, application: Application) -> None:
    """Raise ActionRefused unless action may run on application now."""
    if application.deleted_at is not None:
        raise ActionRefused(DELETED)
    status = S(application.status)
    if status not in ALLOWED_FROM[action]:
        raise ActionRefused(ALREADY.get(status, NOT_FOR_STATUS))
