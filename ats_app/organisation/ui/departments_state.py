"""The Departments page's state: the departments and their positions (organisation.departments decides who sees
and manages what), and one dialog for adding and renaming departments and positions and for moving a
department's projects to another."""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.access import USER_ADMIN_ROLES
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, InvalidInput, NotAllowed
from ats_app.core.i18n import N_, gettext
from ats_app.organisation import departments
from ats_app.ui.forms import Choice

NO_RIGHT = N_("You do not have the right to do this.")
MODES = ("department_add", "department_rename", "position_add", "position_edit", "move_projects")


@dataclass
class PositionView:
    id: int
    title: str
    active: bool
    department_id: int


@dataclass
class DepartmentView:
    id: int
    name: str
    active: bool
    in_use: str  # "2 live projects · 3 active users · 5 current employees"
    projects: int
    positions: list[PositionView]
    may_manage: bool


class DepartmentsState(rx.State):
    """The departments shown, and the dialog."""

    rows: list[DepartmentView] = []
    is_admin: bool = False
    choices: list[Choice] = []  # active departments, for moving positions and projects
    targets: list[Choice] = []  # what the dialog offers: every active department, or the others when moving
    subject: str = ""  # the department or position the dialog is about
    mode: str = ""
    target_id: int = 0
    fields: dict[str, str] = {}
    errors: dict[str, str] = {}

    async def _reload(self) -> None:
        user = current_user()
        rows = await run_in_session(departments.list_departments, user)
        _ = lambda message: gettext(user.language, message)  # noqa: E731
        self.rows = [DepartmentView(
            r.id, r.name, r.active,
            _(N_("Live projects: {projects} · active users: {users} · current employees: {employees}")).format(
                projects=r.projects, users=r.users, employees=r.employees), r.projects,
            [PositionView(p.id, p.title, p.active, r.id) for p in r.positions], r.may_manage) for r in rows]
        self.is_admin = user.role == "admin"
        self.choices = [Choice(str(r.id), r.name) for r in rows if r.active]

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def load(self):
        """The departments when the page opens."""
        self.mode = ""
        await self._reload()

    def _open(self, mode: str, target_id: int, subject: str = "", **fields: str) -> None:
        self.mode, self.target_id, self.errors, self.subject = mode, target_id, {}, subject
        moving = mode == "move_projects"
        self.targets = [c for c in self.choices if not (moving and c.value == str(target_id))]
        self.fields = {"name": "", "department_id": "", **fields}

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def open_dialog(self, mode: str, target_id: int):
        """Add or rename a department, add or edit a position, or move a department's projects."""
        if mode not in MODES:
            return
        department = next((r for r in self.rows if r.id == target_id), None)
        position = next((p for r in self.rows for p in r.positions if p.id == target_id), None)
        if mode == "department_add":
            self._open(mode, 0)
        elif mode == "department_rename" and department:
            self._open(mode, department.id, department.name, name=department.name)
        elif mode == "position_add" and department:
            self._open(mode, 0, department.name, department_id=str(department.id))
        elif mode == "position_edit" and position:
            self._open(mode, position.id, position.title, name=position.title,
                       department_id=str(position.department_id))
        elif mode == "move_projects" and department:
            self._open(mode, department.id, department.name)

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def close_dialog(self, value: bool = False):
        """Close the dialog without saving."""
        if not value:
            self.mode = ""

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def set_field(self, name: str, value: str):
        """Keep what was typed or chosen."""
        if name in ("name", "department_id"):
            self.fields = {**self.fields, name: str(value)[:300]}

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def save(self):
        """Save the dialog (the rules check the right and the department again)."""
        user = current_user()
        name, raw = self.fields.get("name", ""), self.fields.get("department_id", "")
        department_id = int(raw) if raw.isdigit() and len(raw) < 10 else 0
        work = {
            "department_add": (departments.add_department, (name,)),
            "department_rename": (departments.rename_department, (self.target_id, name)),
            "position_add": (departments.add_position, (name, department_id)),
            "position_edit": (departments.edit_position, (self.target_id, name, department_id)),
            "move_projects": (departments.move_projects, (self.target_id, department_id)),
        }.get(self.mode)
        if work is None:
            return
        try:
            await run_in_session(work[0], user, *work[1])
        except InvalidInput as refused:
            self.errors = {("name" if k == "title" else "department_id" if k == "to_department_id" else k):
                           gettext(user.language, v) for k, v in refused.errors.items()}
            return
        except (ActionRefused, NotAllowed) as refused:
            self.mode = ""
            reason = refused.reason if isinstance(refused, ActionRefused) else NO_RIGHT
            yield rx.toast.error(gettext(user.language, reason))
            return
        self.mode = ""
        await self._reload()
        yield rx.toast.success(gettext(user.language, N_("Saved.")))

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def set_department_active(self, department_id: int, active: bool):
        """Deactivate (refused while the department is still in use) or reactivate a department."""
        user = current_user()
        try:
            await run_in_session(departments.set_department_active, user, int(department_id), bool(active))
        except ActionRefused as refused:
            yield rx.toast.error(gettext(user.language, refused.reason).format(**refused.params))
            return
        except NotAllowed:
            yield rx.toast.error(gettext(user.language, NO_RIGHT))
            return
        await self._reload()

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def set_position_active(self, position_id: int, active: bool):
        """Deactivate or reactivate a position."""
        user = current_user()
        try:
            await run_in_session(departments.set_position_active, user, int(position_id), bool(active))
        except ActionRefused as refused:
            yield rx.toast.error(gettext(user.language, refused.reason))
            return
        await self._reload()
