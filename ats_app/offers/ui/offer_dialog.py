"""The Send offer dialog: the terms, then the offer email (From, a draft per language, the tags), a preview."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.handling.ui.compose_dialog import addresses_block, drafts_block, preview_block
from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress import field_error
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.offers.current import SALARY_PERIODS
from ats_app.offers.ui.offer_state import FIELDS, OfferState
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice
from ats_app.ui.translate import t

_SECTION = {"size": "3", "weight": "bold"}


def _labelled(name: str, label: str, control: rx.Component, **props) -> rx.Component:
    return rx.vstack(rx.el.label(t(label), html_for=f"offer-{name}", **LABEL), control, field_error(FIELDS[name]),
                     spacing="1", width="100%", **props)


def _input(name: str, label: str, **props) -> rx.Component:
    return _labelled(name, label, rx.input(value=OfferState.values[name], id=f"offer-{name}", width="100%",
                                           on_change=lambda v: OfferState.set_term(name, v), **props))


def _department_option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label, value=choice.value)


def _salary() -> rx.Component:
    return rx.vstack(
        rx.el.label(t("Salary"), html_for="offer-salary", **LABEL),
        rx.hstack(
            rx.input(value=OfferState.values["salary"], id="offer-salary", placeholder="52 000", flex="1",
                     min_width="0", input_mode="decimal", on_change=lambda v: OfferState.set_term("salary", v)),
            rx.el.select(rx.foreach(OfferState.currencies, lambda c: rx.el.option(c, value=c)),
                         value=OfferState.values["salary_currency"], id="offer-salary_currency",
                         aria_label=t("Currency"),
                         on_change=lambda v: OfferState.set_term("salary_currency", v), **NATIVE_SELECT),
            rx.el.select(*[rx.el.option(t(label), value=code) for code, label in SALARY_PERIODS.items()],
                         value=OfferState.values["salary_period"], id="offer-salary_period", aria_label=t("Period"),
                         on_change=lambda v: OfferState.set_term("salary_period", v), **NATIVE_SELECT),
            spacing="2", width="100%", align="center"),
        field_error("salary"), field_error("salary_currency"), field_error("salary_period"),
        spacing="1", width="100%")


def _terms() -> rx.Component:
    return rx.vstack(
        rx.text(t("The terms"), **_SECTION),
        rx.grid(
            _input("position_title", N_("Position")),
            _labelled("department_id", N_("Department"), rx.el.select(
                rx.el.option(t("No department"), value=""), rx.foreach(OfferState.departments, _department_option),
                value=OfferState.values["department_id"], id="offer-department_id", width="100%",
                on_change=lambda v: OfferState.set_term("department_id", v), **NATIVE_SELECT)),
            _input("start_date", N_("Start date"), type="date", min=OfferState.earliest),
            _input("valid_until", N_("Valid until"), type="date", min=OfferState.earliest),
            _salary(),
            _input("hours", N_("Working hours"), placeholder=t("37.5 hours a week")),
            _input("place_of_work", N_("Place of work")),
            columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        _labelled("terms", N_("Other terms (optional)"), rx.text_area(
            value=OfferState.values["terms"], id="offer-terms", rows="4", width="100%", resize="vertical",
            placeholder=t("Pension, probation period, notice period, benefits…"),
            on_change=lambda v: OfferState.set_term("terms", v))),
        rx.text(t("The candidate answers by the end of the validity date; after that the offer expires and you get a "
                  "task."), size="1", color_scheme="gray"),
        spacing="2", width="100%", id="offer-terms-block")


def _form() -> rx.Component:
    return rx.vstack(
        _terms(),
        rx.text(t("The offer email"), **_SECTION, margin_top="8px"),
        addresses_block(N_("To: each candidate, with their own link to answer.")),
        drafts_block(),
        spacing="3", width="100%")


def offer_dialog() -> rx.Component:
    """The form, open while Further progress waits for the offer's terms and email."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Send offer")),
            field_error("action"),
            rx.cond(ComposeState.preview_html != "", preview_block(), _form()),
            rx.hstack(
                rx.cond(ComposeState.preview_html == "",
                        rx.button(t("Preview"), variant="soft", on_click=OfferState.show_offer_preview,
                                  id="offer-preview-button")),
                rx.spacer(),
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=FurtherProgressState.close_dialog,
                          id="offer-cancel"),
                rx.button(t("Send offer"), on_click=OfferState.send_offer, id="offer-send",
                          loading=FurtherProgressState.running),
                spacing="3", margin_top="16px", width="100%"),
            id="offer-dialog", max_width="820px"),
        open=FurtherProgressState.dialog == "offer")
