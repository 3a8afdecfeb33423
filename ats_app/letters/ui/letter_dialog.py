"""Send letter: which letter (and an optional message), then the PDF to print."""

import reflex as rx

from ats_app.handling.ui.further_progress import field_error
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.letters.printing import LETTER_KINDS
from ats_app.letters.ui.letter_state import LetterState
from ats_app.mail.kinds import KINDS_BY_CODE
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.translate import t

_LABEL = {"font_weight": "500", "font_size": "14px"}


def letter_dialog() -> rx.Component:
    """The form of Send letter."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Send letter")),
            rx.vstack(
                rx.el.label(t("Letter"), html_for="letter-kind", **_LABEL),
                rx.el.select(*[rx.el.option(t(KINDS_BY_CODE[k].label), value=k) for k in LETTER_KINDS],
                             id="letter-kind", value=LetterState.letter_kind,
                             on_change=lambda v: LetterState.set_letter_field("letter_kind", v), width="100%",
                             **NATIVE_SELECT),
                field_error("kind"),
                rx.el.label(t("Message to the candidate (optional)"), html_for="letter-message", **_LABEL),
                rx.text_area(value=LetterState.letter_message,
                             on_change=lambda v: LetterState.set_letter_field("letter_message", v),
                             id="letter-message", rows="3", width="100%"),
                rx.text(t("Each letter is in the candidate's language, with their postal address placed for a "
                          "window envelope; one page per applicant."), size="1", color_scheme="gray"),
                spacing="2", width="100%"),
            rx.hstack(rx.spacer(),
                      rx.button(t("Cancel"), variant="soft", color_scheme="gray",
                                on_click=FurtherProgressState.close_dialog, id="letter-cancel"),
                      rx.button(rx.icon("printer", size=16), t("Make the PDF"), on_click=LetterState.make_letters,
                                id="letter-make"),
                      spacing="3", margin_top="16px", width="100%"),
            id="letter-dialog", max_width="520px"),
        open=FurtherProgressState.dialog == "letter")


def letter_download() -> rx.Component:
    """The link to the PDF the last Send letter made, and any warnings."""
    return rx.cond(LetterState.download_href != "", rx.callout.root(
        rx.callout.icon(rx.icon("printer")),
        rx.vstack(rx.link(t("Download the letters (PDF)"), href=LetterState.download_href, is_external=True,
                          id="letters-download"),
                  rx.foreach(LetterState.warnings, lambda w: rx.text(w, size="1")), spacing="1"),
        size="1", color_scheme="blue"))
