"""The Outbox page: every email with its status; open one, cancel a waiting one, resend a failed one."""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.auth import CurrentUser
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.core.i18n import N_, format_moment, gettext
from ats_app.delivery import outbox_admin
from ats_app.delivery import worker as delivery_worker
from ats_app.delivery.outbox import may_cancel, may_resend, shown_status
from ats_app.ui.paged_state import PagedListState, one_of


@dataclass
class MessageView:
    """One outbox line as shown."""

    id: int
    recipient: str
    subject: str
    status: str
    scheduled_at: str
    attempts: int
    last_error: str
    application_id: int
    cancellable: bool
    resendable: bool


def message_views(rows: list[outbox_admin.MessageRow], user: CurrentUser) -> list[MessageView]:
    """Rows made ready for a table (dates in the user's zone and language)."""
    return [MessageView(r.id, r.recipient, r.subject, r.status,
                        format_moment(r.scheduled_at, user.language, user.time_zone),
                        r.attempts, r.last_error, r.application_id or 0, r.cancellable, r.resendable) for r in rows]


class OutboxState(PagedListState, rx.State):
    """One page of messages, the status filter, and the message opened."""

    rows: list[MessageView] = []
    status: str = "all"
    forbidden: bool = False
    open_id: int = 0
    open_subject: str = ""
    open_recipient: str = ""
    open_sender: str = ""
    open_status: str = ""
    open_cancellable: bool = False
    open_resendable: bool = False
    open_html: str = ""
    open_text: str = ""
    open_error: str = ""
    open_attachments: list[str] = []
    notice: str = ""

    async def _fetch(self, user, offset: int) -> int:
        try:
            rows, total = await run_in_session(outbox_admin.list_messages, user, status=self.status,
                                               search=self.search, offset=offset)
        except NotAllowed:
            self.rows, self.forbidden = [], True
            return 0
        self.forbidden = False
        self.rows = message_views(rows, user)
        return total

    @rx.event
    @requires()
    async def set_status(self, status: str | list[str]):
        """Show only messages with this status."""
        self.status = one_of(status, outbox_admin.FILTERS)
        await self._refilter()

    @rx.event
    @requires()
    async def refresh(self):
        """Read the page again: the worker changes statuses as messages leave."""
        self.notice = ""
        await self._reload()

    @rx.event
    @requires()
    async def open_message(self, message_id: int):
        """Read one message as it was (or will be) sent."""
        user = current_user()
        try:
            message = await run_in_session(outbox_admin.get_message, user, int(message_id))
        except (NotAllowed, ActionRefused):
            return
        self.open_id, self.open_subject, self.open_recipient = message.id, message.subject or "", message.recipient
        self.open_sender, self.open_status = message.sender or "", shown_status(message)
        self.open_cancellable, self.open_resendable = may_cancel(message), may_resend(message)
        self.open_html, self.open_text = message.body_html or "", message.body_text or ""
        self.open_error = message.last_error or ""
        self.open_attachments = [a.get("filename", "") for a in message.attachments or []]

    @rx.event
    @requires()
    async def close_message(self):
        """Back to the list."""
        self.open_id = 0

    async def _change(self, change, message_id: int, done: str) -> None:
        user = current_user()
        try:
            await run_in_session(change, user, int(message_id))
        except NotAllowed:
            self.notice = gettext(user.language, "You do not have the right to do this.")
            return
        except ActionRefused as refused:
            self.notice = gettext(user.language, refused.reason)
            return
        delivery_worker.poke()
        self.notice, self.open_id = gettext(user.language, done), 0
        await self._reload()

    @rx.event
    @requires()
    async def cancel(self, message_id: int):
        """Cancel a queued, scheduled or held message (what caused it stays done)."""
        await self._change(outbox_admin.cancel_message, message_id,
                           N_("Cancelled. The message will not be sent; the action that wrote it is not undone."))

    @rx.event
    @requires()
    async def resend(self, message_id: int):
        """Send a failed, bounced, held or cancelled message again (as a new message)."""
        await self._change(outbox_admin.resend_message, message_id, N_("Queued to be sent again."))
