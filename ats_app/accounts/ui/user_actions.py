"""Deactivate, Reactivate, Resend invitation and Delete invitation on the Users page: each asked once more in
one confirmation dialog; the rules check scope, the last admin and whether a user may be deleted."""

import reflex as rx

from ats_app.accounts import invitations, users
from ats_app.accounts.access import USER_ADMIN_ROLES
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.accounts.ui.users_state import UsersState
from ats_app.core.errors import ActionRefused, UserNotFound
from ats_app.core.i18n import N_, gettext
from ats_app.ui.translate import t, t_choice

ACTIONS = {
    "deactivate": (users.deactivate_user, N_("Deactivate"),
                   N_("{name} can no longer log in, and is logged out everywhere now. Their name stays in the "
                      "history."), N_("{name} was deactivated.")),
    "reactivate": (users.reactivate_user, N_("Reactivate"), N_("{name} can log in again."),
                   N_("{name} was reactivated.")),
    "resend": (invitations.resend_invitation, N_("Resend invitation"),
               N_("{name} gets a new invitation email; the link in the earlier one stops working."),
               N_("A new invitation was sent to {name}.")),
    "delete": (invitations.delete_invitation, N_("Delete invitation"),
               N_("{name} never accepted the invitation. The user is removed; the invitation link stops working."),
               N_("The invitation of {name} was deleted.")),
}
TITLES = {key: title for key, (_, title, _, _) in ACTIONS.items()}


class UserActionState(rx.State):
    """The confirmation dialog for one action on one user."""

    open: bool = False
    action: str = ""
    user_id: int = 0
    question: str = ""
    busy: bool = False

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def ask(self, user_id: int, action: str):
        """Ask once more before the action (only for a user on the page, so in scope)."""
        user = current_user()
        listed = await self.get_state(UsersState)
        row = next((r for r in listed.rows if r.id == user_id), None)
        if action not in ACTIONS or row is None:
            return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
        self.action, self.user_id, self.busy = action, int(user_id), False
        self.question = gettext(user.language, ACTIONS[action][2]).format(name=row.name)
        self.open = True

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def cancel(self):
        """Leave it as it is."""
        self.open = False

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def confirm(self):
        """Do it (the rule checks scope again: the id alone proves nothing)."""
        user = current_user()
        rule, _, _, done = ACTIONS.get(self.action, (None, "", "", ""))
        if rule is None:
            self.open = False
            return
        self.busy = True
        yield
        try:
            await run_in_session(rule, user, self.user_id)
        except ActionRefused as refused:
            self.busy, self.open = False, False
            yield rx.toast.error(gettext(user.language, refused.reason).format(**refused.params))
            return
        except UserNotFound:
            self.busy, self.open = False, False
            yield rx.toast.error(gettext(user.language, "You do not have the right to do this."))
            return
        listed = await self.get_state(UsersState)
        name = next((r.name for r in listed.rows if r.id == self.user_id), "")
        self.busy, self.open = False, False
        await listed._refresh()
        yield rx.toast.success(gettext(user.language, done).format(name=name))


def action_dialog() -> rx.Component:
    """The one confirmation dialog of the Users page."""
    s = UserActionState
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(t_choice(s.action, TITLES)),
            rx.alert_dialog.description(s.question, size="2"),
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=s.cancel),
                rx.button(t_choice(s.action, TITLES), loading=s.busy, on_click=s.confirm, id="user-action-confirm",
                          color_scheme=rx.cond((s.action == "deactivate") | (s.action == "delete"), "red", "accent")),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="460px", id="user-action-dialog",
        ),
        open=s.open,
    )
