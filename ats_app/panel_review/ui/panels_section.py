"""The Review panels section of a project's applicant list: one line per panel, opened to its reviewers."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.panel_review import tracking
from ats_app.panel_review.ui.panels_state import PanelLine, PanelsState, ReviewerLine
from ats_app.ui.locale import LocaleState
from ats_app.ui.translate import t, t_choice

STATES = {tracking.OPEN: N_("In progress"), tracking.PAST_DUE: N_("Due date passed"),
          tracking.CLOSED: N_("Closed"), tracking.REVOKED: N_("Revoked")}
STATE_COLOURS = {tracking.OPEN: "teal", tracking.PAST_DUE: "amber", tracking.CLOSED: "gray", tracking.REVOKED: "red"}


def _header(label: str) -> rx.Component:
    return rx.table.column_header_cell(rx.text(t(label), size="1", color_scheme="gray", style={"font_weight": "600"}),
                                       white_space="nowrap")


def _reviewer(row: ReviewerLine, may_revoke: rx.Var[bool]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.name, weight="medium", class_name="reviewer-name")),
        rx.table.cell(rx.badge(rx.cond(row.internal, t("Internal"), t("Outside")), variant="soft",
                               color_scheme="gray")),
        rx.table.cell(rx.cond(row.completed,
                              rx.badge(t("Yes"), " · ", row.completed_on, color_scheme="green", variant="soft"),
                              rx.badge(t("Pending"), color_scheme="amber", variant="soft")),
                      class_name="reviewer-completed", white_space="nowrap"),
        rx.table.cell(rx.text(row.rated, size="1", color_scheme="gray"), white_space="nowrap"),
        rx.table.cell(rx.cond(row.revoked, rx.badge(t("Revoked"), color_scheme="red", variant="soft",
                                                    class_name="reviewer-revoked"),
                              rx.cond(may_revoke, rx.button(t("Revoke"), variant="ghost", color_scheme="red", size="1",
                                                            on_click=PanelsState.ask_revoke_reviewer(row.id),
                                                            class_name="revoke-reviewer")))),
        class_name="panel-reviewer", data_reviewer=row.id,
    )


def _panel(panel: PanelLine) -> rx.Component:
    return rx.el.details(
        rx.el.summary(
            rx.text(panel.summary, " · ", rx.text.strong(panel.progress, class_name="panel-progress"), as_="span",
                    size="2"),
            rx.badge(t_choice(panel.state, STATES), color_scheme=rx.match(panel.state, *STATE_COLOURS.items(), "gray"),
                     variant="soft", margin_left="8px"),
            cursor="pointer", class_name="panel-summary",
        ),
        rx.box(
            rx.table.root(
                rx.table.header(rx.table.row(_header(N_("Reviewer")), _header(N_("Internal or outside")),
                                             _header(N_("Completed")), _header(N_("Rated")),
                                             rx.table.column_header_cell())),
                rx.table.body(rx.foreach(panel.reviewers, lambda row: _reviewer(row, panel.may_revoke))),
                variant="ghost", size="1", width="100%",
            ),
            rx.cond(panel.may_revoke,
                    rx.button(rx.icon("ban", size=14), t("Revoke the whole panel"), variant="soft", color_scheme="red",
                              size="1", on_click=PanelsState.ask_revoke_panel(panel.id), class_name="revoke-panel",
                              margin_top="8px")),
            padding="8px 0 4px 18px",
        ),
        class_name="panel-line", data_panel=panel.id, data_state=panel.state,
    )


def _confirm_dialog() -> rx.Component:
    asking_reviewer = PanelsState.confirm_reviewer != 0
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(rx.cond(asking_reviewer, t("Revoke this reviewer's link?"),
                                          t("Revoke the whole panel?"))),
            rx.alert_dialog.description(
                rx.cond(asking_reviewer, rx.text(PanelsState.confirm_name, weight="medium"), rx.fragment()),
                rx.text(rx.cond(asking_reviewer,
                                t("The link stops working at once. The ratings given so far are kept."),
                                t("Every reviewer's link stops working at once. The ratings given so far are kept."))),
            ),
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=PanelsState.cancel_revoke),
                rx.button(t("Revoke"), color_scheme="red", on_click=PanelsState.revoke, id="revoke-confirm"),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="480px", id="revoke-dialog",
        ),
        open=(PanelsState.confirm_panel != 0) | asking_reviewer,
    )


def panels_section(project_id: rx.Var[int]) -> rx.Component:
    """The section (nothing when the project has no panel); read again for another project or language."""
    return rx.box(
        rx.cond(
            PanelsState.panels.length() > 0,
            rx.card(
                rx.heading(t("Review panels"), size="3", margin_bottom="6px"),
                rx.vstack(rx.foreach(PanelsState.panels, _panel), spacing="2", width="100%"),
                _confirm_dialog(),
                width="100%", id="review-panels",
            ),
        ),
        key=project_id.to_string() + LocaleState.locale, on_mount=PanelsState.load(project_id), width="100%",
    )
