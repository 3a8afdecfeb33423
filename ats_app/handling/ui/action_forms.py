"""The forms of Transfer and Hire: their values, filled when Execute opens them."""

from typing import ClassVar

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.applications.further_progress_action import AnyAction
from ats_app.core.i18n import gettext
from ats_app.handling import transfer
from ats_app.handling.hire import HireForm, hire_defaults
from ats_app.handling.transfer import TransferForm
from ats_app.handling.ui.further_progress_state import ActionForm, FurtherProgressState
from ats_app.organisation import structure
from ats_app.ui.forms import Choice, ChoiceGroup
from ats_app.ui.paged_state import one_of


async def transfer_targets(status: str) -> list[ChoiceGroup]:
    """Open (or closed) projects the current user may transfer to, grouped by department."""
    user = current_user()
    found = await run_in_session(transfer.target_projects, user, status)
    groups: dict[str, list[Choice]] = {}
    for p in found:
        groups.setdefault(p.department or gettext(user.language, "No department"), []).append(
            Choice(str(p.id), p.title))
    return [ChoiceGroup(label, choices) for label, choices in groups.items()]


class TransferFormState(ActionForm, FurtherProgressState):
    """Transfer: the target (open or closed projects, by department, or the CV database), Move or Copy."""

    FORM: ClassVar[str] = "transfer"
    CONFIRMED_HERE: ClassVar[bool] = True
    target_status: str = "open"
    targets: list[ChoiceGroup] = []
    target: str = ""
    copy_only: bool = False

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        self.copy_only = False  # Move is the default each time, as in EasyCruit
        await self._load_targets()

    async def _form(self) -> TransferForm:
        return TransferForm(target=self.target, copy=self.copy_only)

    async def _load_targets(self) -> None:
        self.targets, self.target = await transfer_targets(self.target_status), ""

    @rx.event
    @requires()
    async def set_target_status(self, status: str | list[str]):
        """List open or closed target projects."""
        self.target_status = one_of(status, ("open", "closed"))
        await self._load_targets()

    @rx.event
    @requires()
    async def set_field(self, name: str, value: str):
        """The target or Move/Copy changed."""
        further = await self.get_state(FurtherProgressState)
        if name == "copy_only":
            self.copy_only = value in (True, "true", "copy")
        elif name == "target":
            self.target = str(value)[:40]
        further.errors = {k: v for k, v in further.errors.items() if k != name}


class HireFormState(ActionForm, FurtherProgressState):
    """Hire: the position and department (both required) and the start date, started from the accepted offer's
    terms or the project's (handling.hire.hire_defaults)."""

    FORM: ClassVar[str] = "hire"
    CONFIRMED_HERE: ClassVar[bool] = True
    positions: list[Choice] = []
    departments: list[Choice] = []
    position_id: str = ""
    department_id: str = ""
    start_date: str = ""

    async def _open(self, action: AnyAction, ids: list[int]) -> None:
        positions, departments = await run_in_session(structure.positions_and_departments)
        self.positions = [Choice(str(i), title, department) for i, title, department in positions]
        self.departments = [Choice(str(i), name) for i, name in departments]
        start = await run_in_session(hire_defaults, current_user(), ids)
        self.position_id, self.department_id = (str(start.get(key) or "") for key in ("position_id", "department_id"))
        self.start_date = start["start_date"].isoformat() if start.get("start_date") else ""

    async def _form(self) -> HireForm:
        return HireForm(position_id=self.position_id, department_id=self.department_id, start_date=self.start_date)

    @rx.event
    @requires()
    async def set_field(self, name: str, value: str):
        """The position, department or start date changed."""
        further = await self.get_state(FurtherProgressState)
        if name in ("position_id", "department_id", "start_date"):
            setattr(self, name, str(value)[:40])
        further.errors = {k: v for k, v in further.errors.items() if k != name.removesuffix("_id")}
