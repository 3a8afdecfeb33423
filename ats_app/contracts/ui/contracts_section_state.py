"""The Contracts section of Application and CV: the contracts sent for the application, with the template and
version each was made from, whether the candidate has acknowledged it, and the recruiter's download. The rules
(contracts.issued) decide who may see them."""

import re
from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.contracts import issued
from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import N_, format_moment, gettext

_APPLICATION_PATH = re.compile(r"/applications/(\d+)")
ACKNOWLEDGED = N_("Acknowledged on {date} by {name}")


@dataclass
class ContractLineView:
    """One sent contract, formatted for the user."""

    id: int
    sent: str
    template: str  # "Permanent employment · version 2"
    acknowledged: str  # "Acknowledged on … by …", "" while waiting
    superseded: bool
    closed: bool  # the application was rejected or withdrawn: the candidate can no longer acknowledge it
    href: str


class ContractsSectionState(rx.State):
    """The contracts of the page's application (a few rows: one per contract sent)."""

    application_id: int = 0
    lines: list[ContractLineView] = []

    async def _reload(self) -> None:
        user = current_user()
        try:
            found = await run_in_session(issued.contracts_of_application, user, self.application_id)
        except ActionRefused:
            self.lines = []
            return
        lang, zone = user.language, user.time_zone
        self.lines = [ContractLineView(
            id=c.contract_id, sent=format_moment(c.sent_at, lang, zone),
            template=f"{c.title} · " + gettext(lang, "version {version}").format(version=c.version),
            acknowledged=gettext(lang, ACKNOWLEDGED).format(date=format_moment(c.acknowledged_at, lang, zone),
                                                            name=c.acknowledged_name or "")
            if c.acknowledged_at else "",
            superseded=c.superseded, closed=c.closed, href=f"/files/contracts/{c.contract_id}") for c in found]

    @rx.event
    @requires()
    async def load(self):
        """Open the application named in the address."""
        match = _APPLICATION_PATH.search(self.router.url.path)
        self.application_id = int(match.group(1)) if match else 0
        await self._reload()
