"""The audit page's list: one page of audit lines (newest first) for an admin, filtered by kind, by who, by a
date range and by text; the rules (accounts.audit_log) refuse everyone but admins, and so do the handlers."""

from dataclasses import dataclass
from urllib.parse import urlencode

import reflex as rx

from ats_app.accounts import audit_log, audit_words
from ats_app.accounts.ui.guard import requires, run_in_session
from ats_app.core.i18n import format_moment
from ats_app.ui.forms import Choice
from ats_app.ui.paged_state import PagedListState

ADMINS = ("admin",)


@dataclass
class AuditLineView:
    id: int
    at: str
    kind: str
    kind_label: str
    actor_name: str
    subject: str
    details: str
    client_ip: str


class AuditState(PagedListState, rx.State):
    """One page of audit lines and the filters (search is the text in what it was done to)."""

    rows: list[AuditLineView] = []
    kind: str = ""
    actor: str = ""
    since: str = ""
    until: str = ""
    kinds: list[Choice] = []
    actors: list[Choice] = []

    def _values(self) -> dict[str, str]:
        return {"kind": self.kind, "actor": self.actor, "since": self.since, "until": self.until, "q": self.search}

    async def _fetch(self, user, offset: int) -> int:
        filters = audit_log.filters_from(self._values())
        if not audit_log.may_see(user) or filters is None:
            self.rows = []
            return 0
        lines, total = await run_in_session(audit_log.list_lines, user, filters, offset=offset)
        self.kinds = [Choice(kind, label) for kind, label in audit_log.kind_choices(user.language)]
        self.actors = [Choice(str(i), name) for i, name in await run_in_session(audit_log.actors, user)]
        lang, zone = user.language, user.time_zone
        self.rows = [AuditLineView(line.id, format_moment(line.at, lang, zone), line.kind,
                                   audit_log.kind_label(line.kind, lang), line.actor_name,
                                   audit_words.subject_text(line.kind, line.subject, lang),
                                   audit_words.details_text(line.details, lang), line.client_ip) for line in lines]
        return total

    @rx.var
    def export_href(self) -> str:
        """The CSV of the log as filtered now (the route checks the same rules)."""
        return "/audit/export.csv?" + urlencode({k: v for k, v in self._values().items() if v})

    @rx.event
    @requires(roles=ADMINS)
    async def set_kind(self, value: str):
        """Only lines of this kind ("" : every kind)."""
        self.kind = value if value in audit_log.KIND_LABELS else ""
        await self._refilter()

    @rx.event
    @requires(roles=ADMINS)
    async def set_actor(self, value: str):
        """Only what this user did ("" : everyone)."""
        self.actor = value if str(value).isdigit() and len(str(value)) <= 9 else ""
        await self._refilter()

    @rx.event
    @requires(roles=ADMINS)
    async def set_since(self, value: str):
        """From this day (YYYY-MM-DD, in the admin's time zone; "" : from the start)."""
        self.since = _day(value)
        await self._refilter()

    @rx.event
    @requires(roles=ADMINS)
    async def set_until(self, value: str):
        """To this day, inclusive ("" : until now)."""
        self.until = _day(value)
        await self._refilter()


def _day(value: str) -> str:
    """A date field's value if it is a date, else "" (the filter is then off)."""
    text = str(value or "").strip()[:10]
    return text if audit_log.filters_from({"since": text}) is not None else ""
