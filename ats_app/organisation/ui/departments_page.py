"""The Departments page: each department with what still belongs to it and its positions. Admins add, rename,
deactivate and reactivate departments and move a department's projects to another; admins and department
admins (for their own department) add, rename, move and deactivate positions."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.organisation.ui.departments_state import DepartmentsState, DepartmentView, PositionView
from ats_app.ui.forms import LABEL, NATIVE_SELECT, error_for
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t, t_choice

S = DepartmentsState
TITLES = {"department_add": N_("Add department"), "department_rename": N_("Rename department"),
          "position_add": N_("Add position"), "position_edit": N_("Edit position"),
          "move_projects": N_("Move its projects to…")}


def _position(p: PositionView) -> rx.Component:
    return rx.hstack(
        rx.text(p.title, size="2", color_scheme=rx.cond(p.active, "gray", "gray"),
                text_decoration=rx.cond(p.active, "none", "line-through"), class_name="position-title"),
        rx.cond(~p.active, rx.badge(t("Deactivated"), color_scheme="gray", size="1")),
        rx.spacer(),
        rx.button(t("Edit"), size="1", variant="ghost", on_click=S.open_dialog("position_edit", p.id),
                  class_name="position-edit"),
        rx.cond(p.active,
                rx.button(t("Deactivate"), size="1", variant="ghost", color_scheme="red",
                          on_click=S.set_position_active(p.id, False), class_name="position-deactivate"),
                rx.button(t("Reactivate"), size="1", variant="ghost", color_scheme="green",
                          on_click=S.set_position_active(p.id, True), class_name="position-reactivate")),
        width="100%", align="center", padding_y="4px", border_top=f"1px solid {rx.color('gray', 4)}",
    )


def _department(d: DepartmentView) -> rx.Component:
    manage = rx.cond(d.may_manage, rx.hstack(
        rx.button(t("Rename"), size="1", variant="soft", on_click=S.open_dialog("department_rename", d.id),
                  class_name="department-rename"),
        rx.cond(d.projects > 0, rx.button(t("Move its projects to…"), size="1", variant="soft",
                                          on_click=S.open_dialog("move_projects", d.id), class_name="department-move")),
        rx.cond(d.active,
                rx.button(t("Deactivate"), size="1", variant="soft", color_scheme="red",
                          on_click=S.set_department_active(d.id, False), class_name="department-deactivate"),
                rx.button(t("Reactivate"), size="1", variant="soft", color_scheme="green",
                          on_click=S.set_department_active(d.id, True), class_name="department-reactivate")),
        spacing="2", wrap="wrap"))
    return rx.card(rx.vstack(
        rx.hstack(rx.heading(d.name, size="4", class_name="department-name"),
                  rx.cond(~d.active, rx.badge(t("Deactivated"), color_scheme="gray")),
                  rx.spacer(), manage, width="100%", align="center", wrap="wrap"),
        rx.text(d.in_use, size="1", color_scheme="gray"),
        rx.text(t("Positions"), weight="medium", size="2", margin_top="8px"),
        rx.vstack(rx.foreach(d.positions, _position), spacing="0", width="100%"),
        rx.cond(d.active, rx.button(rx.icon("plus", size=14), t("Add position"), size="1", variant="soft",
                                    on_click=S.open_dialog("position_add", d.id), class_name="position-add")),
        spacing="2", width="100%"), width="100%", class_name="department-card")


def _dialog() -> rx.Component:
    needs_name = S.mode != "move_projects"
    needs_department = (S.mode == "position_add") | (S.mode == "position_edit") | (S.mode == "move_projects")
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t_choice(S.mode, TITLES)),
            rx.cond(S.subject != "", rx.text(S.subject, size="2", color_scheme="gray", margin_bottom="8px",
                                             id="org-subject")),
            rx.vstack(
                rx.cond(needs_name, rx.vstack(
                    rx.el.label(rx.cond(S.mode.contains("position"), t("Title"), t("Name")), html_for="org-name",
                                **LABEL),
                    rx.input(value=S.fields["name"], on_change=lambda v: S.set_field("name", v), id="org-name",
                             width="100%"),
                    error_for(S.errors, "name"), spacing="1", width="100%")),
                rx.cond(needs_department, rx.vstack(
                    rx.el.label(t("Department"), html_for="org-department", **LABEL),
                    rx.el.select(rx.el.option(t("Choose a department"), value=""),
                                 rx.foreach(S.targets, lambda c: rx.el.option(c.label, value=c.value)),
                                 value=S.fields["department_id"], on_change=lambda v: S.set_field("department_id", v),
                                 id="org-department", width="100%", **NATIVE_SELECT),
                    error_for(S.errors, "department_id"), spacing="1", width="100%")),
                spacing="3", width="100%"),
            rx.hstack(rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=S.close_dialog(False)),
                      rx.button(t("Save"), on_click=S.save, id="org-save"),
                      justify="end", spacing="3", margin_top="16px"),
            max_width="460px", id="org-dialog",
        ),
        open=S.mode != "", on_open_change=S.close_dialog,
    )


@rx.page(route="/departments", title="Departments · Nordlys ATS",
         on_load=[AuthState.require_login, DepartmentsState.load])
def departments_page() -> rx.Component:
    """The organisation's departments and positions."""
    return shell(
        rx.vstack(
            page_header(N_("Departments"), N_("The departments that own projects, users and employees, and their "
                                              "positions.")),
            rx.cond(S.is_admin, rx.button(rx.icon("plus", size=16), t("Add department"),
                                          on_click=S.open_dialog("department_add", 0), id="department-add")),
            rx.grid(rx.foreach(S.rows, _department), columns=rx.breakpoints(initial="1", lg="2"), spacing="4",
                    width="100%"),
            _dialog(),
            spacing="4", width="100%",
        ),
        active_route="/departments", on_locale_change=DepartmentsState.load,
    )
