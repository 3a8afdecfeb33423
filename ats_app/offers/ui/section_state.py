"""The offer section of Application and CV: the current offer's terms and where it stands (rules:
offers.section)."""

import re
from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, ApplicationNotFound
from ats_app.offers import section

_APPLICATION_PATH = re.compile(r"/applications/(\d+)")


@dataclass
class TermLine:
    label: str
    value: str


class OfferSectionState(rx.State):
    """The page's application's current offer, already worded in the user's language."""

    application_id: int = 0
    has_offer: bool = False
    status: str = ""
    badge: str = ""
    state_line: str = ""
    next_step: str = ""
    sent: str = ""
    terms: list[TermLine] = []
    terms_html: str = ""
    note_label: str = ""
    note: str = ""
    earlier: int = 0

    async def _reload(self) -> None:
        try:
            found = await run_in_session(section.offer_section, current_user(), self.application_id)
        except (ApplicationNotFound, ActionRefused):  # not one the user may see: nothing shown
            found = None
        self.has_offer = found is not None
        if found is None:
            self.terms, self.terms_html, self.note = [], "", ""
            return
        self.status, self.badge, self.state_line = found.status, found.badge, found.state_line
        self.next_step, self.sent, self.earlier = found.next_step, found.sent, found.earlier
        self.terms = [TermLine(label, value) for label, value in found.terms]
        self.terms_html, self.note_label, self.note = found.terms_html, found.note_label, found.note

    @rx.event
    @requires()
    async def load(self):
        """Read the offer of the application in the address (on load, and after an action on the page)."""
        match = _APPLICATION_PATH.search(self.router.url.path)
        self.application_id = int(match.group(1)) if match else 0
        await self._reload()
