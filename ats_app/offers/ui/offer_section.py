"""The Offer section of Application and CV: terms, where the offer stands, and what the recruiter does next."""

import reflex as rx

from ats_app.offers.status import COLOURS, LABELS
from ats_app.offers.ui.section_state import OfferSectionState, TermLine
from ats_app.ui.translate import t, t_choice

# The free-text terms as the candidate reads them: paragraphs apart, lists with their bullets.
FREE_TEXT = {"& p": {"margin": "0 0 6px"}, "& ul": {"list_style": "disc", "padding_left": "20px", "margin": "0 0 6px"}}


def offer_badge(state: rx.Var[str]) -> rx.Component:
    """The list's compact badge of a row's current offer ("Offer accepted"); nothing without an offer."""
    return rx.cond(state != "", rx.badge(t_choice(state, LABELS), variant="outline", size="1",
                                         color_scheme=rx.match(state, *[(k, c) for k, c in COLOURS.items()], "gray"),
                                         class_name="offer-badge", data_offer=state))


def _term(row: TermLine) -> rx.Component:
    return rx.hstack(rx.text(row.label, size="2", color_scheme="gray", width="140px", flex_shrink="0"),
                     rx.text(row.value, size="2"), align="start", width="100%", class_name="offer-term")


def offer_section() -> rx.Component:
    """Shown when the application has an offer."""
    colour = rx.match(OfferSectionState.status, *[(k, c) for k, c in COLOURS.items()], "gray")
    return rx.cond(OfferSectionState.has_offer, rx.card(rx.vstack(
        rx.hstack(rx.heading(t("Offer"), size="3"),
                  rx.badge(OfferSectionState.badge, color_scheme=colour, id="offer-badge"),
                  align="center", spacing="3", wrap="wrap"),
        rx.text(OfferSectionState.state_line, size="2", weight="medium", id="offer-state"),
        rx.cond(OfferSectionState.note != "",
                rx.box(rx.text(OfferSectionState.note_label, size="1", color_scheme="gray"),
                       rx.text(OfferSectionState.note, size="2", white_space="pre-wrap"), id="offer-note")),
        rx.callout(OfferSectionState.next_step, icon="info", size="1", color_scheme=colour, width="100%",
                   id="offer-next-step"),
        rx.foreach(OfferSectionState.terms, _term),
        rx.cond(OfferSectionState.terms_html != "",
                rx.box(rx.html(OfferSectionState.terms_html), font_size="14px", class_name="offer-free-text",
                       style=FREE_TEXT)),
        rx.text(OfferSectionState.sent, size="1", color_scheme="gray"),
        rx.cond(OfferSectionState.earlier > 0,
                rx.text(t("Earlier offers (superseded)"), ": ", OfferSectionState.earlier, size="1",
                        color_scheme="gray")),
        spacing="2", width="100%"), width="100%", id="offer-section"))
