"""The Collaborative rating section of Application and CV: every rating of the application the user may see,
the average with its count, and "Your rating" for an internal reviewer on an open panel."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.panel_review.ui.rating_state import HiddenView, RatingLineView, RatingSectionState
from ats_app.ui.forms import LABEL, NATIVE_SELECT, error_for
from ats_app.ui.translate import t

S = RatingSectionState
ENDS = {1: N_("Not suitable"), 7: N_("Excellent")}  # the words for the ends of the 1–7 scale


def _header(label: str) -> rx.Component:
    return rx.table.column_header_cell(rx.text(t(label), size="1", color_scheme="gray", style={"font_weight": "600"}),
                                       white_space="nowrap")


def _line(row: RatingLineView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(
            rx.text(row.reviewer, size="2", weight="medium"),
            rx.hstack(rx.cond(row.internal, rx.badge(t("Internal"), color_scheme="teal", variant="soft"),
                              rx.badge(t("Outside"), color_scheme="gray", variant="soft")),
                      rx.cond(row.mine, rx.badge(t("You"), color_scheme="blue", variant="soft")),
                      rx.cond(row.revoked, rx.badge(t("Revoked"), color_scheme="red", variant="soft")), spacing="1"),
            spacing="1")),
        rx.table.cell(rx.text(row.panel, size="1", color_scheme="gray"), white_space="nowrap"),
        rx.table.cell(rx.text(row.score, size="3", weight="bold"), text_align="center", class_name="rating-score"),
        rx.table.cell(rx.text(row.comment, size="2", white_space="pre-wrap"), class_name="rating-comment"),
        rx.table.cell(rx.text(row.at, size="1", color_scheme="gray"), white_space="nowrap"),
        class_name="rating-line")


def _hidden(row: HiddenView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(t("Other reviewers"), size="2", color_scheme="gray")),
        rx.table.cell(rx.text(row.panel, size="1", color_scheme="gray"), white_space="nowrap"),
        rx.table.cell(rx.hstack(rx.icon("eye-off", size=14), rx.text(t("Shown once you have completed your review"),
                                                                     size="2"), spacing="2", align="center",
                                color=rx.color("gray", 11)), col_span=3),
        class_name="rating-hidden")


def _score_option(score: int) -> rx.Component:
    label = f"{score} – " + t(ENDS[score]) if score in ENDS else str(score)
    return rx.el.option(label, value=str(score))


def _your_rating() -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.heading(t("Your rating"), size="2"), rx.text(S.my_panel, size="1", color_scheme="gray"),
                  align="baseline", spacing="3"),
        rx.cond(S.allow_rating, rx.vstack(
            rx.el.label(t("Rating"), html_for="my-score", **LABEL),
            rx.el.select(rx.el.option("–", value=""), *[_score_option(n) for n in range(1, 8)], id="my-score",
                         value=S.score, on_change=S.set_score, **NATIVE_SELECT),
            error_for(S.errors, "score"), spacing="1")),
        rx.cond(S.allow_comments, rx.vstack(
            rx.el.label(t("Comment"), html_for="my-comment", **LABEL),
            rx.text_area(value=S.comment, on_change=S.set_comment, id="my-comment", rows="3", width="100%",
                         max_width="560px"),
            error_for(S.errors, "comment"), spacing="1", width="100%")),
        rx.hstack(
            rx.button(t("Save rating"), on_click=S.save, size="2", id="save-rating"),
            rx.cond(S.completed,
                    rx.badge(t("You have completed your review of this panel."), color_scheme="green",
                             variant="soft", id="review-completed"),
                    rx.cond(S.confirming, rx.fragment(),
                            rx.button(t("Complete my review"), on_click=S.ask_to_complete(True), size="2",
                                      variant="soft", id="complete-review"))),
            spacing="3", align="center", wrap="wrap"),
        rx.cond(S.confirming, rx.callout(rx.vstack(
            rx.text(t("Complete your review of this panel? The other reviewers' ratings are then shown to you, and "
                      "you can still change yours until the due date.")),
            rx.hstack(rx.button(t("Yes, complete the review"), on_click=S.complete, size="1", id="complete-confirm"),
                      rx.button(t("Cancel"), on_click=S.ask_to_complete(False), size="1", variant="soft",
                                color_scheme="gray"), spacing="2"),
            spacing="2"), icon="circle-help", size="1", id="complete-question")),
        spacing="2", width="100%", padding="12px", border_radius="var(--radius-3)",
        background=rx.color("accent", 2), id="your-rating")


def rating_section() -> rx.Component:
    """The section, for Application and CV (its state loads with the page: RatingSectionState.load)."""
    return rx.card(rx.vstack(
        rx.hstack(rx.heading(t("Collaborative rating"), size="3"), rx.spacer(),
                  rx.cond(S.average != "", rx.text(t("Average"), ": ", rx.text.strong(S.average), size="2",
                                                   id="rating-average")),
                  width="100%", align="center"),
        rx.cond(S.reviewer_id != 0, _your_rating()),
        rx.cond(S.closed != "", rx.callout(S.closed, icon="circle-alert", color_scheme="red", size="1",
                                           id="rating-closed")),
        rx.cond((S.lines.length() > 0) | (S.hidden.length() > 0),
                rx.table.root(
                    rx.table.header(rx.table.row(_header(N_("Reviewer")), _header(N_("Panel")), _header(N_("Rating")),
                                                 _header(N_("Comment")), _header(N_("Given or changed")))),
                    rx.table.body(rx.foreach(S.lines, _line), rx.foreach(S.hidden, _hidden)),
                    size="1", width="100%", id="ratings"),
                rx.text(t("No ratings yet."), size="2", color_scheme="gray")),
        rx.text(t("Comments are internal: the candidate never sees them."), size="1", color_scheme="gray"),
        spacing="3", width="100%"), width="100%", id="collaborative-rating")
