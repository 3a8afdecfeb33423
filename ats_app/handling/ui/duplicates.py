"""The "Possible duplicate" notice on Application and CV: each flagged candidate with their details and
applications, "Merge into this candidate" (asked first) and "Not the same person"."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.handling.duplicates import SAME_NAME_AND_MOBILE, SIMILAR_NAME_AND_BIRTH_DATE
from ats_app.handling.ui.application_state import OtherView
from ats_app.handling.ui.duplicates_state import DuplicatesState, DuplicateView
from ats_app.ui.status_badges import application_status_badge
from ats_app.ui.translate import t, t_choice

REASONS = {SAME_NAME_AND_MOBILE: N_("Same name and mobile"),
           SIMILAR_NAME_AND_BIRTH_DATE: N_("Similar name and the same birth date")}


def _detail(label: str, value) -> rx.Component:
    return rx.hstack(rx.text(t(label), size="2", color_scheme="gray", width="110px", flex_shrink="0"),
                     rx.text(rx.cond(value != "", value, "–"), size="2"), align="start", width="100%")


def _application(row: OtherView) -> rx.Component:
    return rx.hstack(rx.link(row.project, href=row.href, size="2"), application_status_badge(row.status, row.stage),
                     rx.cond(row.deleted, rx.badge(t("Deleted"), color_scheme="gray")), align="center", wrap="wrap",
                     class_name="duplicate-application")


def _duplicate(row: DuplicateView) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(rx.cond(row.href != "",
                              rx.link(row.name, href=row.href, weight="bold", class_name="duplicate-link"),
                              rx.text(row.name, weight="bold")),
                      rx.badge(t_choice(row.reason, REASONS), color_scheme="amber", variant="soft"),
                      align="center", wrap="wrap"),
            _detail(N_("Email"), row.email),
            _detail(N_("Mobile"), row.mobile),
            _detail(N_("Date of birth"), row.birth_date),
            rx.vstack(rx.foreach(row.applications, _application), spacing="1"),
            rx.flex(
                rx.button(rx.icon("merge", size=14), t("Merge into this candidate"), size="1",
                          on_click=DuplicatesState.ask_merge(row.candidate_id), disabled=~DuplicatesState.may_merge,
                          class_name="merge-duplicate"),
                rx.button(t("Not the same person"), size="1", variant="soft", color_scheme="gray",
                          on_click=DuplicatesState.dismiss(row.candidate_id), disabled=~DuplicatesState.may_dismiss,
                          class_name="dismiss-duplicate"),
                spacing="2", wrap="wrap"),
            rx.cond(~DuplicatesState.may_merge,
                    rx.text(t("Merging needs the right to merge candidates."), size="1", color_scheme="gray")),
            spacing="2", width="100%"),
        width="100%", class_name="possible-duplicate", variant="surface")


def _merge_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Merge into this candidate")),
            rx.text(DuplicatesState.merging_text, size="2"),
            rx.cond(DuplicatesState.merge_error != "",
                    rx.callout(DuplicatesState.merge_error, icon="circle-alert", color_scheme="red", size="1",
                               margin_top="12px", id="merge-error")),
            rx.flex(rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=DuplicatesState.close_merge),
                    rx.button(t("Merge"), color_scheme="red", on_click=DuplicatesState.merge, id="merge-confirm"),
                    justify="end", spacing="3", margin_top="16px", wrap="wrap"),
            max_width="520px", id="merge-dialog"),
        open=DuplicatesState.merging_id != 0,
        on_open_change=lambda _open: DuplicatesState.close_merge(),
    )


def duplicates_notice() -> rx.Component:
    """Nothing when no other candidate looks like this one; else the notice and the merge dialog."""
    return rx.cond(
        DuplicatesState.duplicates.length() > 0,
        rx.callout.root(
            rx.callout.icon(rx.icon("users")),
            rx.vstack(
                rx.text(t("Possible duplicate"), weight="bold"),
                rx.text(t("Another candidate may be the same person. Merge the two records into this candidate, or "
                          "say they are not the same person."), size="2"),
                rx.foreach(DuplicatesState.duplicates, _duplicate),
                _merge_dialog(),
                spacing="2", width="100%"),
            color_scheme="amber", width="100%", id="possible-duplicates"),
    )
