"""The audit page (/audit, admins only): who did what and when — log-ins, failed log-ins, users and rights
changed, exports, permanent deletions — filtered by kind, who, dates and text, 50 a page, and as CSV."""

import reflex as rx

from ats_app.accounts.ui.audit_state import AuditLineView, AuditState
from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import N_
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.paged_table import paged_table, search_box
from ats_app.ui.shell import page_header, shell
from ats_app.ui.translate import t


def _row(row: AuditLineView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.at, white_space="nowrap"),
        rx.table.cell(rx.badge(row.kind_label, color_scheme="gray", class_name="audit-kind")),
        rx.table.cell(row.actor_name),
        rx.table.cell(row.subject, class_name="audit-subject"),
        rx.table.cell(rx.text(row.details, size="1", color_scheme="gray"), max_width="320px",
                      overflow_wrap="anywhere"),
        rx.table.cell(rx.text(row.client_ip, size="1", color_scheme="gray")),
        class_name="audit-row",
    )


def _date(label: str, value, on_change, field_id: str) -> rx.Component:
    return rx.hstack(rx.text(t(label), size="2"),
                     rx.input(type="date", value=value, on_change=on_change, id=field_id, aria_label=t(label)),
                     align="center", spacing="2")


def _toolbar() -> rx.Component:
    s = AuditState
    return rx.hstack(
        search_box(s, N_("Search in what it was done to"), "audit-search"),
        rx.el.select(rx.el.option(t("Every kind"), value=""),
                     rx.foreach(s.kinds, lambda c: rx.el.option(c.label, value=c.value)),
                     value=s.kind, on_change=s.set_kind, id="audit-kind", aria_label=t("Kind"), **NATIVE_SELECT),
        rx.el.select(rx.el.option(t("Everyone"), value=""),
                     rx.foreach(s.actors, lambda c: rx.el.option(c.label, value=c.value)),
                     value=s.actor, on_change=s.set_actor, id="audit-actor", aria_label=t("Who"), **NATIVE_SELECT),
        _date(N_("From"), s.since, s.set_since, "audit-since"),
        _date(N_("To"), s.until, s.set_until, "audit-until"),
        rx.spacer(),
        rx.link(rx.button(rx.icon("download", size=16), t("Export as CSV"), variant="soft"),
                href=s.export_href, download="audit-log.csv", id="audit-export", is_external=True),
        spacing="3", align="center", wrap="wrap", width="100%",
    )


def _content() -> rx.Component:
    return rx.vstack(
        page_header(N_("Audit log"), N_("Who did what and when: log-ins, users and rights, exports and permanent "
                                        "deletions.")),
        _toolbar(),
        paged_table(AuditState, (N_("When"), N_("What"), N_("Who"), N_("Done to"), N_("Details"),
                                 N_("Client address")), _row, "audit-table", N_("No audit lines match.")),
        spacing="4", width="100%",
    )


@rx.page(route="/audit", title="Audit log · Nordlys ATS", on_load=[AuthState.require_login, AuditState.load])
def audit_page() -> rx.Component:
    """The audit log, for admins (everyone else sees that they may not)."""
    return shell(rx.cond(AuthState.user_role == "admin", _content(),
                         rx.text(t("You do not have the right to do this."), color_scheme="gray")),
                 active_route="/audit", on_locale_change=AuditState.load)
