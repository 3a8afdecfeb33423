"""What a further-progress action is, declared once.

Each action (Withdrawn, Reject, Invite to interview, …) is one `FurtherProgressAction` in its own
module: its key and label, the right it needs, the statuses it may start from, the form or wizard the
UI opens first, the email template its drafts start from, and how it runs, on one applicant or on
all of them at once. The Further progress list and Execute (handling.further_progress)
and the UI read these declarations; a new action is one new declaration plus its own module.

An action runs in two steps. `prepare` checks the form once for the whole run and returns the plan
(or raises InvalidChoice naming the field); nothing has changed when it fails. Then `run_one` runs for
each applicant in their own transaction, or `run_all` for all of them in one (for actions that change
no status, such as Send email).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

from sqlmodel import Session

from ats_app.accounts.access import may_act
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.lookup import find_application
from ats_app.applications.transitions import ANY, check_status
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.models import Application, ApplicationStatus, Role

FormT = TypeVar("FormT")
PlanT = TypeVar("PlanT")


class OtherApplication(NamedTuple):
    """An applicant's other live application, offered for withdrawal after a hire."""

    application_id: int
    project_title: str
    candidate_name: str


@dataclass(frozen=True)
class FurtherProgressAction(Generic[FormT, PlanT]):
    """One entry of the Further progress list (or of Deleted applications), and how it runs."""

    key: str  # its code: in forms, history lines ("action": key) and tests
    label: str  # what the list shows (a message to translate)
    rights: tuple[str, ...] = ()  # needed beyond being a recruiter or admin
    allowed_from: frozenset[ApplicationStatus] = ANY  # the statuses for the project it may start from
    form: str = ""  # the form or wizard the UI opens before it runs ("" runs at once)
    template_kind: str = ""  # the email template kind its drafts start from and are checked as
    prepare: Callable[[Session, CurrentUser, FormT], PlanT] | None = None
    run_one: Callable[[Session, CurrentUser, int, PlanT], object] | None = None
    run_all: Callable[[Session, CurrentUser, list[int], PlanT], dict[int, ActionRefused | None]] | None = None
    # After it ran: the applicants' other live applications, offered for withdrawal (Hire).
    others_to_withdraw: Callable[[Session, CurrentUser, list[int]], list[OtherApplication]] | None = None
    sends_email: bool = False  # it queues email: this process's delivery worker is woken when it commits
    listed: bool = True  # in the Further progress list (Restore and Delete permanently live on Deleted applications)
    hint: str = ""  # why it is listed but not available yet ("" when it is available)
    # Hiring managers holding its rights may run it too (the action's rules check the project's department).
    hiring_managers: bool = False

    @property
    def runs(self) -> bool:
        """Whether Execute can run it (the rest open a form that does the work, or are not built yet)."""
        return self.run_one is not None or self.run_all is not None


AnyAction = FurtherProgressAction[Any, Any]


def allowed(user: CurrentUser, action: AnyAction) -> bool:
    """True when user may run action at all: recruiters and admins (and hiring managers, for the actions open
    to them), holding the action's rights."""
    may = may_act(user) or (action.hiring_managers and user.role == Role.HIRING_MANAGER)
    return may and all(user.has(right) for right in action.rights)


def require(user: CurrentUser, action: AnyAction) -> None:
    """Raise NotAllowed unless user may run action."""
    if not allowed(user, action):
        raise NotAllowed(action.key)


def check(action: AnyAction, application: Application) -> None:
    """Raise ActionRefused unless action may start from the application's status now."""
    check_status(action.allowed_from, application)


def start(session: Session, user: CurrentUser, action: AnyAction, application_id: int) -> Application:
    """What every per-applicant action does first: the right, the application the user may see, its status."""
    require(user, action)
    application = find_application(session, user, application_id)
    check(action, application)
    return application
