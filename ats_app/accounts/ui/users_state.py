"""The Users page's list: the users the administrator may manage (accounts.users decides the scope), filtered
by role, department and status and searched by name or email, 50 a page."""

from dataclasses import dataclass

import reflex as rx

from ats_app.accounts import invitations, users
from ats_app.accounts.access import USER_ADMIN_ROLES
from ats_app.accounts.ui.guard import requires, run_in_session
from ats_app.core.i18n import N_, format_moment, gettext
from ats_app.models import User
from ats_app.ui.forms import Choice
from ats_app.ui.paged_state import PAGE_SIZE, PagedListState


@dataclass
class UserView:
    id: int
    name: str
    email: str
    role: str
    department: str
    rights_line: str  # "Reject, Transfer, …" or "Every right"
    status: str
    status_line: str  # "Invited" / "Locked until 4 Dec 2026, 14:05"
    may_edit: bool
    may_delete: bool
    is_me: bool  # nobody deactivates themselves: the button is not offered


def _deletable(session, ids: list[int]) -> set[int]:
    """Which of the invited users on the page could still be deleted outright."""
    return {i for i in ids if (u := session.get(User, i)) is not None and invitations.may_delete(session, u)}


def views(rows: list[users.UserRow], deletable: set[int], me: int, language: str, time_zone: str) -> list[UserView]:
    """The rows as the page shows them, in language."""
    _ = lambda message: gettext(language, message)  # noqa: E731
    shown = []
    for r in rows:
        if r.role in ("admin", "department_admin"):
            rights = _(N_("Every right"))
        else:
            rights = ", ".join(_(users.RIGHT_LABELS[right]) for right in r.rights) or _(N_("No extra rights"))
        status = _(users.STATUS_LABELS[r.status])
        if r.status == users.LOCKED:
            status = _(N_("Locked until {time}")).format(time=format_moment(r.locked_until, language, time_zone))
        shown.append(UserView(r.id, r.name, r.email, _(users.ROLE_LABELS[r.role]), r.department, rights, r.status,
                              status, r.may_edit, r.id in deletable, r.id == me))
    return shown


class UsersState(PagedListState, rx.State):
    """One page of users and the filters."""

    rows: list[UserView] = []
    role: str = ""
    department: str = ""
    status: str = ""
    departments: list[Choice] = []

    async def _fetch(self, user, offset: int) -> int:
        department_id = int(self.department) if self.department.isdigit() and len(self.department) < 10 else None
        rows = await run_in_session(users.list_users, user, search=self.search, role=self.role,
                                    department_id=department_id, status=self.status)
        page = rows[offset:offset + PAGE_SIZE]
        invited = [r.id for r in page if r.status == users.INVITED and r.may_edit]
        deletable = await run_in_session(_deletable, invited) if invited else set()
        self.rows = views(page, deletable, user.id, user.language, user.time_zone)
        self.departments = [Choice(str(i), name) for i, name in await run_in_session(users.departments_for, user)]
        return len(rows)

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def set_role(self, value: str):
        """Only users of this role ("" : every role)."""
        self.role = value if value in users.ROLE_LABELS else ""
        await self._refilter()

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def set_department(self, value: str):
        """Only users of this department ("" : every department)."""
        self.department = value if str(value).isdigit() else ""
        await self._refilter()

    @rx.event
    @requires(roles=USER_ADMIN_ROLES)
    async def set_status(self, value: str):
        """Only invited, active, deactivated or locked users ("" : all)."""
        self.status = value if value in users.STATUSES else ""
        await self._refilter()

    async def _refresh(self) -> None:
        """Read the page again after a change made in a dialog (called from other states)."""
        await self._reload()
