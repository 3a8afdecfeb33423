"""The Settings page: the organisation's details, the rejection reasons and the default rejection delays.

Everyone logged in may look; only admins change anything (the handlers refuse others, and the service
checks again).
"""

from dataclasses import dataclass

import reflex as rx
from sqlmodel import Session

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_, gettext
from ats_app.organisation import settings

ADMIN = tuple(role.value for role in settings.CHANGED_BY)  # the guard refuses the others too
SAVED = N_("Your changes are saved.")
NOT_ALLOWED = N_("You do not have the right to do this.")


@dataclass
class ReasonItem:
    """One rejection reason in the list: its label in the user's language and whether it is offered."""

    code: str
    label: str
    active: bool
    first: bool
    last: bool


@dataclass
class TypeItem:
    """One rejection type with its default delay, as typed in its field (text until saved)."""

    code: str
    delay: str


def _snapshot(session: Session, language: str) -> tuple[dict, list, list]:
    """Everything the page shows, read in one transaction."""
    return (settings.organisation(session), settings.rejection_reasons(session, language),
            settings.rejection_types(session))


class SettingsState(rx.State):
    """What the page shows, the reason open in the editor, and the last errors and notice."""

    loaded: bool = False
    is_admin: bool = False
    company_name: str = ""
    company_address: str = ""
    time_zone: str = ""
    zones: list[str] = []
    reasons: list[ReasonItem] = []
    types: list[TypeItem] = []
    errors: dict[str, str] = {}
    notice: str = ""
    notice_at: str = ""  # the section the notice belongs to: organisation, reasons or types
    editing: bool = False
    edit_code: str = ""
    edit_labels: dict[str, str] = {}
    edit_active: bool = True

    async def _reload(self, language: str, *, organisation: bool = True) -> None:
        found, reasons, types = await run_in_session(_snapshot, language)
        if organisation:
            self.company_name, self.company_address = found["company_name"], found["company_address"]
            self.time_zone = found["time_zone"]
            self.zones = settings.time_zone_choices(self.time_zone)
        self.reasons = [ReasonItem(r.code, r.label, r.active, i == 0, i == len(reasons) - 1)
                        for i, r in enumerate(reasons)]
        self.types = [TypeItem(r.code, str(r.delay_days)) for r in types]

    def _say(self, language: str, message: str, section: str) -> None:
        self.notice, self.notice_at = gettext(language, message), section

    @staticmethod
    def _message(language: str, refused: InvalidChoice) -> str:
        return gettext(language, refused.message).format(**refused.params)

    @rx.event
    @requires()
    async def load(self):
        """Open the page (or switch language): every value as stored, labels in the user's language."""
        user = current_user()
        self.is_admin, self.loaded = settings.may_change(user), True
        self.errors, self.notice, self.notice_at, self.editing = {}, "", "", False
        await self._reload(user.language)

    # ------------------------------------------------------------ the organisation

    @rx.event
    @requires(roles=ADMIN)
    async def edit_organisation(self, field: str, value: str):
        """The name, address or time zone field changed (saved with Save)."""
        value = str(value)
        if field == "company_name":
            self.company_name = value[:settings.NAME_MAX + 50]
        elif field == "company_address":
            self.company_address = value[:settings.ADDRESS_MAX + 200]
        elif field == "time_zone":
            self.time_zone = value[:64]
        else:
            return
        self.errors = {k: v for k, v in self.errors.items() if k != field}

    @rx.event
    @requires(roles=ADMIN)
    async def save_organisation(self):
        """Store the organisation's name, address and time zone."""
        user = current_user()
        try:
            saved = await run_in_session(settings.save_organisation, user, self.company_name, self.company_address,
                                         self.time_zone)
        except InvalidChoice as refused:
            self.errors = {refused.field: self._message(user.language, refused)}
            self.notice = ""
            return
        except NotAllowed:
            self._say(user.language, NOT_ALLOWED, "organisation")
            return
        self.company_name, self.company_address = saved["company_name"], saved["company_address"]
        self.time_zone, self.zones = saved["time_zone"], settings.time_zone_choices(saved["time_zone"])
        self.errors = {}
        self._say(user.language, SAVED, "organisation")

    # ------------------------------------------------------------ rejection reasons

    @rx.event
    @requires(roles=ADMIN)
    async def add_reason(self):
        """Open the editor for a new reason, one empty label per language."""
        self.edit_code, self.edit_labels, self.edit_active = "", {code: "" for code in LANGUAGES}, True
        self.errors, self.notice, self.editing = {}, "", True

    @rx.event
    @requires(roles=ADMIN)
    async def open_reason(self, code: str):
        """Open the editor on one reason's six labels."""
        table = await run_in_session(settings.reason_table)
        if code not in table:
            return
        item = next((r for r in self.reasons if r.code == code), None)
        self.edit_code, self.edit_labels = code, dict(table[code])
        self.edit_active = item.active if item else True
        self.errors, self.notice, self.editing = {}, "", True

    @rx.event
    @requires(roles=ADMIN)
    async def edit_label(self, language: str, value: str):
        """One language's label in the editor changed."""
        if language not in LANGUAGES:
            return
        self.edit_labels = {**self.edit_labels, language: str(value)[:settings.LABEL_MAX + 50]}
        self.errors = {k: v for k, v in self.errors.items() if k != f"label_{language}"}

    @rx.event
    @requires(roles=ADMIN)
    async def set_edit_active(self, value: bool):
        """Whether the reason in the editor is offered in the rejection wizard."""
        self.edit_active = value is True

    @rx.event
    @requires(roles=ADMIN)
    async def save_reason(self):
        """Save the reason in the editor (all six labels are required) and close it."""
        user = current_user()
        try:
            await run_in_session(settings.save_reason, user, self.edit_code or None, dict(self.edit_labels),
                                 self.edit_active)
        except InvalidChoice as refused:
            field = refused.field if refused.field.startswith("label_") else "reason"
            self.errors = {field: self._message(user.language, refused)}
            return
        except NotAllowed:
            self.errors = {"reason": gettext(user.language, NOT_ALLOWED)}
            return
        self.editing, self.errors = False, {}
        await self._reload(user.language, organisation=False)
        self._say(user.language, SAVED, "reasons")

    @rx.event
    @requires()
    async def close_reason(self):
        """Close the editor without saving."""
        self.editing, self.errors = False, {}

    @rx.event
    @requires(roles=ADMIN)
    async def move_reason(self, code: str, direction: str):
        """Move a reason one place up or down the list the rejection wizard shows."""
        user = current_user()
        try:
            await run_in_session(settings.move_reason, user, code, direction)
        except (InvalidChoice, NotAllowed):
            pass
        await self._reload(user.language, organisation=False)

    @rx.event
    @requires(roles=ADMIN)
    async def set_reason_active(self, code: str, active: bool):
        """Offer a reason again, or stop offering it (used reasons stay in reports and history)."""
        user = current_user()
        try:
            await run_in_session(settings.set_reason_active, user, code, active is True)
        except (InvalidChoice, NotAllowed):
            pass
        await self._reload(user.language, organisation=False)

    # ------------------------------------------------------------ rejection types

    @rx.event
    @requires(roles=ADMIN)
    async def edit_delay(self, code: str, value: str):
        """A type's delay field changed (saved with that row's Save)."""
        self.types = [TypeItem(t.code, str(value)[:6]) if t.code == code else t for t in self.types]
        self.errors = {k: v for k, v in self.errors.items() if k != f"delay_{code}"}

    @rx.event
    @requires(roles=ADMIN)
    async def save_delay(self, code: str):
        """Store one type's default delay (0–30 whole days)."""
        user = current_user()
        item = next((t for t in self.types if t.code == code), None)
        if item is None:
            return
        try:
            days = await run_in_session(settings.set_delay, user, code, item.delay)
        except InvalidChoice as refused:
            self.errors = {f"delay_{code}": self._message(user.language, refused)}
            self.notice = ""
            return
        except NotAllowed:
            self._say(user.language, NOT_ALLOWED, "types")
            return
        self.types = [TypeItem(t.code, str(days)) if t.code == code else t for t in self.types]
        self.errors = {}
        self._say(user.language, SAVED, "types")
