"""Invite user and Edit user: one dialog with the name, email (inviting only), role, department, language
(inviting only) and the rights as labelled tick boxes; the errors next to each field. The rules decide who may
give what (accounts.users, accounts.invitations): this state only carries the form."""

import reflex as rx

from ats_app.accounts import invitations, users
from ats_app.accounts.access import USER_ADMIN_ROLES
from ats_app.accounts.auth import RIGHTS
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.accounts.ui.users_state import UsersState
from ats_app.core.errors import InvalidInput, NotAllowed, UserNotFound
from ats_app.core.i18n import LANGUAGES, N_, gettext
from ats_app.models import Role
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice, error_for
from ats_app.ui.translate import t

FIELDS = ("email", "name", "role", "department_id", "language")
NO_RIGHT = N_("You do not have the right to do this.")


def _user_fields(session, actor, user_id: int) -> tuple[dict[str, str], list[str]]:
    user = users.find_user(session, actor, user_id)
    fields = {"email": user.email, "name": user.name, "role": Role(user.role).value,
              "department_id": str(user.department_id or ""), "language": user.language}
    return fields, list(users.rights_of(user))


class UserFormState(rx.State):
    """The dialog: invite (user_id 0) or edit one user."""

    open: bool = False
    user_id: int = 0
    fields: dict[str, str] = {}
    rights: list[str] = []
    errors: dict[str, str] = {}
    roles: list[Choice] = []
    departments: list[Choice] = []
    languages: list[Choice] = []
    right_choices: list[Choice] = []
    saving: bool = False

    async def _choices(self, user) -> None:
        _ = lambda message: gettext(user.language, message)  # noqa: E731
        self.roles = [Choice(r, _(users.ROLE_LABELS[r])) for r in users.roles_for(user)]
        self.departments = [Choice(str(i), name) for i, name in await run_in_session(users.departments_for, user)]
        self.languages = [Choice(code, name) for code, name in LANGUAGES.items()]
        self.right_choices = [Choice(r, _(label)) for r, label in users.RIGHT_LABELS.items()]
        self.errors, self.saving = {}, False

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def open_invite(self):
        """Invite user: a recruiter in the inviter's language (a department admin: their department)."""
        user = current_user()
        await self._choices(user)
        self.user_id = 0
        self.fields = {"email": "", "name": "", "role": "recruiter",
                       "department_id": self.departments[0].value if len(self.departments) == 1 else "",
                       "language": user.language}
        self.rights = invitations.default_rights("recruiter")
        self.open = True

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def open_edit(self, user_id: int):
        """Edit user: the fields as they are (refused, saying nothing, for a user out of reach)."""
        user = current_user()
        try:
            self.fields, self.rights = await run_in_session(_user_fields, user, int(user_id))
        except (UserNotFound, TypeError, ValueError):
            return rx.toast.error(gettext(user.language, NO_RIGHT))
        await self._choices(user)
        self.user_id = int(user_id)
        self.open = True

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def close_dialog(self):
        """Close without saving."""
        self.open = False

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def open_changed(self, value: bool):
        """The dialog closed itself (Escape, a click outside)."""
        if not value:
            self.open = False

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def set_field(self, name: str, value: str):
        """Keep what was typed; choosing a role while inviting ticks that role's usual rights."""
        if name not in FIELDS:
            return
        self.fields = {**self.fields, name: str(value)[:300]}
        if name == "role" and not self.user_id:
            self.rights = invitations.default_rights(str(value))

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def toggle_right(self, right: str, checked: bool):
        """Tick or untick one right."""
        if right in RIGHTS:
            rest = [r for r in self.rights if r != right]
            self.rights = [r for r in RIGHTS if r in rest or (checked and r == right)]

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def save(self):
        """Invite or save; a wrong field keeps the dialog open with its message."""
        user = current_user()
        self.saving = True
        yield
        form = {**self.fields, "rights": list(self.rights)}
        try:
            if self.user_id:
                await run_in_session(users.edit_user, user, self.user_id, form)
                done = N_("The user was saved.")
            else:
                await run_in_session(invitations.invite_user, user, form)
                done = N_("The invitation was sent.")
        except InvalidInput as refused:
            self.errors = {field: gettext(user.language, message) for field, message in refused.errors.items()}
            self.saving = False
            return
        except (UserNotFound, NotAllowed):
            self.errors = {"form": gettext(user.language, NO_RIGHT)}
            self.saving = False
            return
        self.open, self.saving = False, False
        await (await self.get_state(UsersState))._refresh()
        yield rx.toast.success(gettext(user.language, done))


def _input(name: str, label: str, kind: str = "text", **props) -> rx.Component:
    return rx.vstack(
        rx.el.label(t(label), html_for=f"user-{name}", **LABEL),
        rx.input(value=UserFormState.fields[name], on_change=lambda v: UserFormState.set_field(name, v),
                 id=f"user-{name}", type=kind, width="100%", **props),
        error_for(UserFormState.errors, name),
        spacing="1", width="100%",
    )


def _select(name: str, label: str, options, blank: str | None = None) -> rx.Component:
    first = [rx.el.option(t(blank), value="")] if blank else []
    return rx.vstack(
        rx.el.label(t(label), html_for=f"user-{name}", **LABEL),
        rx.el.select(*first, rx.foreach(options, lambda c: rx.el.option(c.label, value=c.value)),
                     value=UserFormState.fields[name], id=f"user-{name}",
                     on_change=lambda v: UserFormState.set_field(name, v), width="100%", **NATIVE_SELECT),
        error_for(UserFormState.errors, name),
        spacing="1", width="100%",
    )


def _right(choice: Choice) -> rx.Component:
    return rx.checkbox(choice.label, checked=UserFormState.rights.contains(choice.value),
                       on_change=lambda checked: UserFormState.toggle_right(choice.value, checked),
                       id="right-" + choice.value, size="2", class_name="user-right")


def user_form_dialog() -> rx.Component:
    """The Invite / Edit user dialog."""
    inviting = UserFormState.user_id == 0
    body = rx.vstack(
        rx.grid(_input("name", N_("Name")),
                rx.cond(inviting, _input("email", N_("Email"), "email"),
                        rx.vstack(rx.el.label(t("Email"), **LABEL), rx.text(UserFormState.fields["email"], size="2"),
                                  spacing="1")),
                _select("role", N_("Role"), UserFormState.roles),
                _select("department_id", N_("Department"), UserFormState.departments, N_("No department")),
                rx.cond(inviting, _select("language", N_("Language of the invitation and the app"),
                                          UserFormState.languages)),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        rx.text(t("Rights"), weight="medium", size="2"),
        rx.text(t("Administrators and department administrators hold every right."), size="1", color_scheme="gray"),
        rx.grid(rx.foreach(UserFormState.right_choices, _right), columns=rx.breakpoints(initial="1", sm="2"),
                spacing="2", width="100%", id="user-rights"),
        error_for(UserFormState.errors, "form"),
        spacing="3", width="100%",
    )
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(inviting, t("Invite user"), t("Edit user"))),
            rx.cond(inviting, rx.dialog.description(
                t("The person gets an email with a link to choose a password."), size="2", color_scheme="gray",
                margin_bottom="12px")),
            body,
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=UserFormState.close_dialog),
                rx.button(rx.cond(inviting, t("Send invitation"), t("Save")), loading=UserFormState.saving,
                          on_click=UserFormState.save, id="user-save"),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="620px", id="user-dialog",
        ),
        open=UserFormState.open, on_open_change=UserFormState.open_changed,
    )
