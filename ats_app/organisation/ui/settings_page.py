"""Settings: the organisation's details, the rejection reasons per language and the default rejection delays.

Everyone sees the values; only admins get fields and buttons that change them.
"""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.applications.stages import STAGE_LABELS
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.organisation.ui.privacy_section import PrivacyTextState, privacy_section
from ats_app.organisation.ui.settings_state import ReasonItem, SettingsState, TypeItem
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t, t_choice

_LABEL = {"font_weight": "500", "font_size": "14px"}
_CAPITALISED = {"display": "block", "&::first-letter": {"text_transform": "uppercase"}}


def _error(name: str) -> rx.Component:
    return rx.cond(SettingsState.errors.contains(name), rx.text(SettingsState.errors[name], color_scheme="red",
                                                                size="2", class_name="field-error",
                                                                id=f"error-{name.replace('_', '-')}"))


def _notice(section: str) -> rx.Component:
    return rx.cond((SettingsState.notice != "") & (SettingsState.notice_at == section),
                   rx.callout(SettingsState.notice, icon="check", size="1", id=f"notice-{section}"))


def _section(title: str, *children, id: str) -> rx.Component:
    return rx.card(rx.vstack(rx.heading(t(title), size="4"), *children, spacing="3", width="100%"),
                   width="100%", id=id)


def _zone_option(zone: str) -> rx.Component:
    return rx.el.option(zone, value=zone)


def _organisation() -> rx.Component:
    return _section(
        N_("Organisation"),
        rx.el.label(t("Organisation name"), html_for="settings-company-name", **_LABEL),
        rx.input(value=SettingsState.company_name,
                 on_change=lambda v: SettingsState.edit_organisation("company_name", v),
                 read_only=~SettingsState.is_admin, id="settings-company-name", max_width="480px", width="100%"),
        _error("company_name"),
        rx.el.label(t("Address"), html_for="settings-company-address", **_LABEL),
        rx.text_area(value=SettingsState.company_address,
                     on_change=lambda v: SettingsState.edit_organisation("company_address", v),
                     read_only=~SettingsState.is_admin, id="settings-company-address", rows="4", max_width="480px",
                     width="100%", resize="vertical"),
        rx.text(t("Letters carry this address. Write it on several lines, as on an envelope."), size="1",
                color_scheme="gray"),
        _error("company_address"),
        rx.el.label(t("Time zone"), html_for="settings-time-zone", **_LABEL),
        rx.el.select(rx.foreach(SettingsState.zones, _zone_option), value=SettingsState.time_zone,
                     disabled=~SettingsState.is_admin,
                     on_change=lambda v: SettingsState.edit_organisation("time_zone", v), id="settings-time-zone",
                     **{**NATIVE_SELECT, "width": "260px"}),
        rx.text(t("Dates and times in emails and letters are given in this time zone."), size="1",
                color_scheme="gray"),
        _error("time_zone"),
        rx.cond(SettingsState.is_admin, rx.hstack(rx.button(t("Save"), on_click=SettingsState.save_organisation,
                                                            id="settings-organisation-save"))),
        _notice("organisation"),
        id="settings-organisation",
    )


def _reason_row(row: ReasonItem) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(row.label, color=rx.cond(row.active, rx.color("gray", 12), rx.color("gray", 10))),
        rx.table.cell(rx.cond(row.active, rx.badge(t("Active"), color_scheme="green"),
                              rx.badge(t("Inactive"), color_scheme="gray"))),
        rx.table.cell(rx.cond(SettingsState.is_admin, rx.hstack(
            rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft", color_scheme="gray",
                           disabled=row.first, on_click=SettingsState.move_reason(row.code, "up"),
                           aria_label=t("Move up"),
                           title=t("Move up"), id="reason-up-" + row.code),
            rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft", color_scheme="gray",
                           disabled=row.last, on_click=SettingsState.move_reason(row.code, "down"),
                           aria_label=t("Move down"),
                           title=t("Move down"), id="reason-down-" + row.code),
            rx.button(t("Edit"), size="1", variant="soft", on_click=SettingsState.open_reason(row.code),
                      id="reason-edit-" + row.code),
            rx.cond(row.active,
                    rx.button(t("Deactivate"), size="1", variant="soft", color_scheme="gray",
                              on_click=SettingsState.set_reason_active(row.code, False),
                              id="reason-deactivate-" + row.code),
                    rx.button(t("Activate"), size="1", variant="soft", color_scheme="green",
                              on_click=SettingsState.set_reason_active(row.code, True),
                              id="reason-activate-" + row.code)),
            spacing="2", align="center"))),
        class_name="reason-row", id="reason-" + row.code)


def _reasons() -> rx.Component:
    return _section(
        N_("Rejection reasons"),
        rx.text(t("Recruiters choose one of these when they reject someone, in their own language. Reasons "
                  "are never deleted: a deactivated reason stays in the report and the history, but is no "
                  "longer offered when rejecting."), size="2", color_scheme="gray"),
        rx.table.root(
            rx.table.header(rx.table.row(rx.table.column_header_cell(t("Reason")),
                                         rx.table.column_header_cell(t("Status")),
                                         rx.table.column_header_cell(""))),
            rx.table.body(rx.foreach(SettingsState.reasons, _reason_row)), size="1", variant="ghost",
            id="reasons-table",
            width="100%"),
        rx.cond(SettingsState.is_admin,
                rx.hstack(rx.button(rx.icon("plus", size=14), t("Add reason"), on_click=SettingsState.add_reason,
                                    variant="soft", id="reason-add"))),
        _notice("reasons"),
        id="settings-reasons",
    )


def _type_row(row: TypeItem) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.text(t_choice(row.code, STAGE_LABELS), style=_CAPITALISED)),
        rx.table.cell(rx.cond(
            SettingsState.is_admin,
            rx.vstack(
                rx.hstack(
                    rx.input(value=row.delay, on_change=lambda v: SettingsState.edit_delay(row.code, v), type="number",
                             min="0", max="30", step="1", width="90px", id="delay-" + row.code,
                             aria_label=t("Default delay (days)")),
                    rx.button(t("Save"), size="2", variant="soft", on_click=SettingsState.save_delay(row.code),
                              id="delay-save-" + row.code),
                    spacing="2", align="center"),
                rx.cond(SettingsState.errors.contains("delay_" + row.code),
                        rx.text(SettingsState.errors["delay_" + row.code], color_scheme="red", size="2",
                                class_name="field-error", id="error-delay-" + row.code)),
                spacing="1"),
            rx.text(row.delay, id="delay-" + row.code))),
        class_name="type-row", id="type-" + row.code)


def _types() -> rx.Component:
    return _section(
        N_("Rejection types"),
        rx.text(t("The rejection wizard's 'Send in N days' starts from this."), size="2", color_scheme="gray"),
        rx.table.root(
            rx.table.header(rx.table.row(rx.table.column_header_cell(t("Rejection type")),
                                         rx.table.column_header_cell(t("Default delay (days)")))),
            rx.table.body(rx.foreach(SettingsState.types, _type_row)), size="1", variant="ghost", id="types-table",
            width="100%"),
        _notice("types"),
        id="settings-types",
    )


def _label_field(code: str, name: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(name, html_for=f"reason-label-{code}", **_LABEL),
        rx.input(value=SettingsState.edit_labels[code], on_change=lambda v: SettingsState.edit_label(code, v),
                 id=f"reason-label-{code}", width="100%", lang=code),
        _error(f"label_{code}"),
        spacing="1", width="100%")


def _reason_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(rx.cond(SettingsState.edit_code == "", t("Add reason"), t("Edit reason"))),
        rx.text(t("Write the reason in every language: each candidate's rejection is recorded in theirs."),
                size="2", color_scheme="gray"),
        _error("reason"),
        rx.vstack(*[_label_field(code, name) for code, name in LANGUAGES.items()], spacing="3", width="100%",
                  margin_top="12px"),
        rx.checkbox(t("Offered when rejecting (active)"), checked=SettingsState.edit_active,
                    on_change=SettingsState.set_edit_active,
                    id="reason-active", margin_top="12px"),
        rx.hstack(rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=SettingsState.close_reason,
                            id="reason-cancel"),
                  rx.button(t("Save"), on_click=SettingsState.save_reason, id="reason-save"),
                  justify="end", spacing="3", margin_top="16px", width="100%"),
        id="reason-dialog", max_width="600px"), open=SettingsState.editing)


@rx.page(route="/settings", title="Settings · Nordlys ATS", on_load=[AuthState.require_login, SettingsState.load,
                                                                               PrivacyTextState.load])
def settings_page() -> rx.Component:
    """Settings, for everyone to read and admins to change."""
    return shell(
        rx.vstack(
            page_header(N_("Settings"), N_("Rejection reasons, delays and your organisation's details.")),
            rx.cond(SettingsState.loaded & ~SettingsState.is_admin,
                    rx.callout(t("Only admins change settings. You see them as they are."),
                               icon="lock", color_scheme="gray", id="settings-read-only")),
            _organisation(),
            _reasons(),
            _types(),
            privacy_section(),
            _reason_dialog(),
            spacing="4", width="100%", max_width="900px",
        ),
        active_route="/settings", on_locale_change=SettingsState.load,
    )
