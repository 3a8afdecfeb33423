"""Everything Further progress needs on a page: the list and Execute, and every action's form."""

import reflex as rx

from ats_app.contracts.ui.contract_dialog import contract_dialog, contract_progress
from ats_app.handling.ui.action_form_dialogs import hire_dialog, transfer_dialog
from ats_app.handling.ui.compose_dialog import compose_dialog
from ats_app.handling.ui.further_progress import further_progress_bar, others_dialog
from ats_app.interviews.ui.wizard_dialog import invite_dialog
from ats_app.letters.ui.letter_dialog import letter_dialog, letter_download
from ats_app.offers.ui.offer_dialog import offer_dialog
from ats_app.panel_review.ui.panel_dialog import panel_dialog
from ats_app.rejection.ui.wizard_dialog import reject_dialog


def further_progress(count_label: rx.Component | None = None) -> rx.Component:
    """The bar, the result of the last run, and the dialogs of the actions that have a form."""
    return rx.fragment(further_progress_bar(count_label), letter_download(), transfer_dialog(), hire_dialog(),
                       others_dialog(), compose_dialog(), reject_dialog(), letter_dialog(), invite_dialog(),
                       panel_dialog(), offer_dialog(), contract_dialog(), contract_progress())
