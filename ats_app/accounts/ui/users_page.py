"""The Users page (admins, and department admins for their department): the users with role, department,
rights and status, filtered and searched; Invite user, Edit, Deactivate / Reactivate, Resend invitation and
Delete invitation per row."""

import reflex as rx

from ats_app.accounts import users
from ats_app.accounts.ui.auth_state import AuthState
from ats_app.accounts.ui.user_actions import UserActionState, action_dialog
from ats_app.accounts.ui.user_form import UserFormState, user_form_dialog
from ats_app.accounts.ui.users_state import UsersState, UserView
from ats_app.core.i18n import N_
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.paged_table import paged_table, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t

STATUS_COLOURS = {users.INVITED: "blue", users.ACTIVE: "green", users.DEACTIVATED: "gray", users.LOCKED: "amber"}


def _button(icon: str, label: str, on_click, class_name: str, colour: str = "gray") -> rx.Component:
    return rx.tooltip(rx.icon_button(rx.icon(icon, size=14), variant="ghost", size="1", color_scheme=colour,
                                     aria_label=t(label), on_click=on_click, class_name=class_name), content=t(label))


def _actions(row: UserView) -> rx.Component:
    ask = UserActionState.ask
    return rx.cond(row.may_edit, rx.hstack(
        _button("pencil", N_("Edit"), UserFormState.open_edit(row.id), "user-edit"),
        rx.cond(row.status == users.INVITED,
                _button("mail", N_("Resend invitation"), ask(row.id, "resend"), "user-resend", "blue")),
        rx.cond(row.may_delete,
                _button("trash-2", N_("Delete invitation"), ask(row.id, "delete"), "user-delete", "red"),
                rx.cond(row.status == users.DEACTIVATED,
                        _button("user-check", N_("Reactivate"), ask(row.id, "reactivate"), "user-reactivate",
                                "green"),
                        rx.cond(~row.is_me, _button("user-x", N_("Deactivate"), ask(row.id, "deactivate"),
                                                    "user-deactivate", "red")))),
        spacing="2"))


def _row(row: UserView) -> rx.Component:
    colour = rx.match(row.status, *STATUS_COLOURS.items(), "gray")
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.text(row.name, weight="medium", class_name="user-name"),
                                rx.text(row.email, size="1", color_scheme="gray", class_name="user-email"),
                                spacing="0"), min_width="180px"),
        rx.table.cell(row.role, class_name="user-role"),
        rx.table.cell(row.department, class_name="user-department"),
        rx.table.cell(rx.text(row.rights_line, size="1"), min_width="220px", max_width="320px"),
        rx.table.cell(rx.badge(row.status_line, color_scheme=colour, class_name="user-status")),
        rx.table.cell(_actions(row)),
        class_name="user-row",
    )


def _toolbar() -> rx.Component:
    s = UsersState
    return rx.hstack(
        search_box(s, N_("Search by name or email"), "user-search"),
        rx.el.select(rx.el.option(t("Every role"), value=""),
                     *[rx.el.option(t(label), value=role) for role, label in users.ROLE_LABELS.items()],
                     value=s.role, on_change=s.set_role, id="user-role-filter", aria_label=t("Role"), **NATIVE_SELECT),
        rx.el.select(rx.el.option(t("Every department"), value=""),
                     rx.foreach(s.departments, lambda c: rx.el.option(c.label, value=c.value)),
                     value=s.department, on_change=s.set_department, id="user-department-filter",
                     aria_label=t("Department"), **NATIVE_SELECT),
        rx.el.select(rx.el.option(t("Every status"), value=""),
                     *[rx.el.option(t(label), value=code) for code, label in users.STATUS_LABELS.items()],
                     value=s.status, on_change=s.set_status, id="user-status-filter", aria_label=t("Status"),
                     **NATIVE_SELECT),
        rx.spacer(),
        rx.button(rx.icon("user-plus", size=16), t("Invite user"), on_click=UserFormState.open_invite,
                  id="user-invite"),
        spacing="3", align="center", wrap="wrap", width="100%",
    )


@rx.page(route="/users", title="Users · Nordlys ATS", on_load=[AuthState.require_login, UsersState.load])
def users_page() -> rx.Component:
    """The users the administrator manages."""
    return shell(
        rx.vstack(
            page_header(N_("Users"), N_("Invite colleagues, give them a role and rights, and deactivate those who "
                                        "have left.")),
            _toolbar(),
            paged_table(UsersState, (N_("Name"), N_("Role"), N_("Department"), N_("Rights"), N_("Status"), ""),
                        _row, "users-table", N_("No users match.")),
            user_form_dialog(), action_dialog(),
            spacing="4", width="100%",
        ),
        active_route="/users", on_locale_change=UsersState.load,
    )
