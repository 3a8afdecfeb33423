"""The Tasks page: calls to make and requests to handle, the Log call dialog, Mark done.

The rules (who sees which task, what a logged call does, the confirmation email) live in
tasks.calls; this keeps the filters, the rows formatted for the user, and the dialog's values.
"""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.access import ACTING_ROLES, may_act
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import N_, format_moment, gettext
from ats_app.delivery import worker as delivery_worker
from ats_app.mail.compose import Draft
from ats_app.models.base import utcnow
from ats_app.tasks import calls
from ats_app.ui.paged_state import one_of

WHOSE = ("everyone", "mine")  # everyone's first: a request nobody is assigned to must not hide
ACTORS = ACTING_ROLES
TEXT_LIMITS = {"called_at": 40, "outcome": 40, "call_note": 4000, "sender": 400, "subject": 400, "body": 20_000}


@dataclass
class TaskView:
    """One task card, formatted in the user's language and time zone."""

    id: int
    kind: str
    candidate: str
    href: str
    phone: str
    phone_readable: str
    project: str
    note: str
    due: str
    overdue: bool
    assignee: str
    is_open: bool
    done: str
    done_by: str
    called: str
    outcome: str
    outcome_note: str


def task_views(rows: list[calls.TaskRow], user) -> list[TaskView]:
    """Rows made ready for the cards (times in the user's zone and language)."""
    now = utcnow()
    moment = lambda value: format_moment(value, user.language, user.time_zone)  # noqa: E731
    return [TaskView(
        id=r.id, kind=r.kind, candidate=r.candidate_name,
        href=f"/applications/{r.application_id}" if r.application_id else "",
        phone=r.phone, phone_readable=r.phone_readable, project=r.project_title, note=r.note, due=moment(r.due_at),
        overdue=bool(r.is_open and r.due_at and r.due_at < now), assignee=r.assignee_name, is_open=r.is_open,
        done=moment(r.done_at), done_by=r.done_by_name, called=moment(r.called_at), outcome=r.outcome,
        outcome_note=r.outcome_note) for r in rows]


def _field(name: str) -> str:
    """The dialog field an error belongs to ("subject:nb" → "subject")."""
    return name.split(":", 1)[0]


class TasksState(rx.State):
    """The list's filters and rows, and the Log call dialog."""

    rows: list[TaskView] = []
    show: str = "open"
    whose: str = "everyone"
    forbidden: bool = False
    notice: str = ""
    call_id: int = 0
    call_candidate: str = ""
    call_phone: str = ""
    call_phone_readable: str = ""
    called_at: str = ""
    outcome: str = "reached"
    call_note: str = ""
    confirm: bool = False
    sender: str = ""
    subject: str = ""
    body: str = ""
    draft_language: str = ""
    errors: dict[str, str] = {}

    async def _reload(self) -> None:
        user = current_user()
        self.forbidden = not may_act(user)
        if self.forbidden:
            self.rows = []
            return
        rows = await run_in_session(calls.list_tasks, user, show=self.show, mine_only=self.whose == "mine")
        self.rows = task_views(rows, user)

    @rx.event
    @requires()
    async def load(self):
        """Show the tasks when the page opens (hiring managers get a plain refusal)."""
        self.notice, self.call_id, self.errors = "", 0, {}
        await self._reload()

    @rx.event
    @requires(roles=ACTORS)
    async def set_show(self, show: str | list[str]):
        """To do, Done or All."""
        self.show = one_of(show, calls.SHOWS)
        await self._reload()

    @rx.event
    @requires(roles=ACTORS)
    async def set_whose(self, whose: str | list[str]):
        """Mine or Everyone's."""
        self.whose = one_of(whose, WHOSE)
        await self._reload()

    @rx.event
    @requires(roles=ACTORS)
    async def open_call(self, task_id: int):
        """Log call: the dialog with now in the user's time zone and a confirmation in the candidate's language."""
        user = current_user()
        try:
            form = await run_in_session(calls.call_form, user, int(task_id))
        except (NotAllowed, ActionRefused) as refused:
            self.notice = _refusal(refused, user.language)
            await self._reload()
            return
        self.call_id, self.call_candidate = form.task_id, form.candidate_name
        self.call_phone, self.call_phone_readable = form.phone, form.phone_readable
        self.called_at = calls.local_input_value(utcnow(), user.time_zone)
        self.outcome, self.call_note, self.confirm, self.errors, self.notice = "reached", "", False, {}, ""
        self.sender, self.draft_language = form.sender, form.draft.language
        self.subject, self.body = form.draft.subject, form.draft.body

    @rx.event
    @requires(roles=ACTORS)
    async def close_call(self):
        """Cancel the dialog; nothing is logged."""
        self.call_id, self.errors = 0, {}

    @rx.event
    @requires(roles=ACTORS)
    async def set_call_field(self, name: str, value: str):
        """A field of the Log call dialog changed (when, outcome, notes, sender, subject, content)."""
        if name in TEXT_LIMITS:
            setattr(self, name, str(value or "")[:TEXT_LIMITS[name]])
            field = "note" if name == "call_note" else name
            self.errors = {k: v for k, v in self.errors.items() if k != field}

    @rx.event
    @requires(roles=ACTORS)
    async def set_confirm(self, value: bool):
        """Send a short written confirmation, or not."""
        self.confirm = value in (True, "true", "on")

    @rx.event
    @requires(roles=ACTORS)
    async def log_call(self):
        """Log the call; no answer keeps the task for tomorrow morning, any other outcome closes it."""
        user = current_user()
        if not self.call_id:
            return
        confirmation = Draft(self.draft_language, self.subject, self.body) if self.confirm else None
        try:
            called_at = calls.parse_local_moment(self.called_at, user.time_zone)
            await run_in_session(calls.log_call, user, self.call_id, called_at=called_at, outcome=self.outcome,
                                 note=self.call_note, confirmation=confirmation,
                                 sender=self.sender if self.confirm else None)
        except InvalidChoice as invalid:
            self.errors = {_field(invalid.field): gettext(user.language, invalid.message).format(**invalid.params)}
            return
        except (NotAllowed, ActionRefused) as refused:
            self.errors = {"general": _refusal(refused, user.language)}
            return
        if confirmation is not None:
            delivery_worker.poke()
        self.notice = gettext(user.language, N_("No answer: the call is on your list again tomorrow morning.")
                              if self.outcome == "no_answer" else N_("Call logged."))
        self.call_id, self.errors = 0, {}
        await self._reload()

    @rx.event
    @requires(roles=ACTORS)
    async def mark_done(self, task_id: int):
        """Mark a data-deletion request or a new-interview-time task done."""
        user = current_user()
        try:
            await run_in_session(calls.close_task, user, int(task_id))
            self.notice = gettext(user.language, "Task marked as done.")
        except (NotAllowed, ActionRefused) as refused:
            self.notice = _refusal(refused, user.language)
        await self._reload()


def _refusal(refused: Exception, language: str) -> str:
    if isinstance(refused, ActionRefused):
        return gettext(language, "Not done: {reason}").format(
            reason=gettext(language, refused.reason).format(**refused.params))
    return gettext(language, "You do not have the right to do this.")
