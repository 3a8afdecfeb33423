"""The Send offer form: the terms (position, department, start date, salary, hours, place of work, valid until,
free text) beside the offer email, whose sender and drafts live in ComposeState. Rules: offers.terms and
offers.sending."""

from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.handling.further_progress import explain
from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.mail import compose
from ats_app.offers import sending, terms
from ats_app.offers.terms import OfferForm
from ats_app.organisation import structure
from ats_app.ui.forms import Choice

RIGHT = "can_make_offers"
# The form's fields → the error key the rules name them by.
FIELDS = {"position_title": "position_title", "department_id": "offer_department", "start_date": "offer_start_date",
          "salary": "salary", "salary_currency": "salary_currency", "salary_period": "salary_period",
          "hours": "hours", "place_of_work": "place_of_work", "valid_until": "valid_until", "terms": "terms"}


class OfferState(ComposeState):
    """The terms of the offer being written (the email is ComposeState's)."""

    FORM: ClassVar[str] = "offer"
    departments: list[Choice] = []
    currencies: list[str] = list(terms.CURRENCIES)
    earliest: str = ""
    values: dict[str, str] = {}

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        """Fill the terms from the first applicant's project and the email from the offer template."""
        compose_state = await self.get_state(ComposeState)
        await ComposeState._open(compose_state, action, ids)
        _positions, departments = await run_in_session(structure.positions_and_departments)
        self.departments = [Choice(str(i), name) for i, name in departments]
        start = await run_in_session(terms.defaults_for, ids[0])
        self.earliest = start.earliest
        self.values = {"position_title": start.position_title, "department_id": start.department_id,
                       "start_date": start.start_date, "salary": "", "salary_currency": start.salary_currency,
                       "salary_period": "month", "hours": "", "place_of_work": start.place_of_work,
                       "valid_until": start.valid_until, "terms": ""}

    async def _form(self) -> OfferForm:
        compose_state = await self.get_state(ComposeState)
        return OfferForm(**compose_state._email_form(), **self.values)  # type: ignore[typeddict-item]

    @rx.event
    @requires(RIGHT)
    async def set_term(self, name: str, value: str):
        """A term changed."""
        if name not in FIELDS:
            return
        self.values = {**self.values, name: str(value)[:terms.FIELD_MAX[name]]}
        further = await self.get_state(FurtherProgressState)
        further.errors = {k: v for k, v in further.errors.items() if k != FIELDS[name]}

    @rx.event
    @requires(RIGHT)
    async def show_offer_preview(self):
        """The offer email in the language shown, with these terms, as the first applicant will read it."""
        user = current_user()
        compose_state = await self.get_state(ComposeState)
        further = await self.get_state(FurtherProgressState)
        draft = next((d for d in compose_state.drafts if d.language == compose_state.language), None)
        if draft is None:
            return
        ids = await further._chosen_ids()
        try:
            extra = await run_in_session(sending.preview_values, await self._form(), draft.language)
            compose_state.preview_name, compose_state.preview_html = await run_in_session(
                compose.preview, user, ids, compose.Draft(draft.language, draft.subject, draft.body), sending.KIND,
                extra)
        except (InvalidChoice, NotAllowed) as refused:
            compose_state.preview_html = ""
            further.errors = dict([explain(refused, user.language)])
            compose_state._show_draft_error(further.errors)

    @rx.event
    @requires(RIGHT)
    async def send_offer(self):
        """Send: an offer with these terms and the email to each chosen applicant (checked by the rules)."""
        further = await self.get_state(FurtherProgressState)
        if further.dialog != sending.OFFER.key or further.action != sending.OFFER.key:
            return None
        compose_state = await self.get_state(ComposeState)
        compose_state.preview_html = ""  # errors show on the form, not behind a preview
        outcome = await further._run(await self._form())
        compose_state._show_draft_error(further.errors)
        return outcome
