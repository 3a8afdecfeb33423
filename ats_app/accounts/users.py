"""The users of the ATS as an administrator sees them: who is in scope (admins everyone, department admins the
users of their own department), their role, department, rights and status, and the edits an administrator
makes (name, role, department, rights, deactivate, reactivate). Every change is an audit line with the admin
as actor. Invitations live in accounts.invitations; a user's own account in accounts.own_account."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, or_, select

from ats_app.accounts import audit, auth, password_links
from ats_app.accounts.access import may_administer_users
from ats_app.accounts.auth import RIGHTS, CurrentUser
from ats_app.core.errors import ActionRefused, InvalidInput, UserNotFound
from ats_app.core.i18n import N_
from ats_app.models import Department, Role, User
from ats_app.models.base import utcnow

ROLE_LABELS = {Role.ADMIN.value: N_("Administrator"), Role.DEPARTMENT_ADMIN.value: N_("Department administrator"),
               Role.RECRUITER.value: N_("Recruiter"), Role.HIRING_MANAGER.value: N_("Hiring manager")}
RIGHT_LABELS = {
    "can_reject": N_("Reject"), "can_make_offers": N_("Make offers"), "can_transfer": N_("Transfer"),
    "can_delete": N_("Delete applications"), "can_see_deleted": N_("See deleted applications"),
    "can_send_sms": N_("Send SMS"), "can_send_email": N_("Send email"), "can_edit_templates": N_("Edit templates"),
    "can_search_cv_database": N_("Search the CV database"), "can_merge_candidates": N_("Merge duplicates"),
    "can_send_to_panel": N_("Send to review panel"), "can_manage_contracts": N_("Manage contracts"),
    "can_see_department_projects": N_("See all of the department's projects"),
}
assert set(RIGHT_LABELS) == set(RIGHTS)
# What a new user of each role holds unless the inviter ticks otherwise (admins hold every right anyway).
DEFAULT_RIGHTS = {
    Role.ADMIN.value: frozenset(RIGHTS),
    Role.DEPARTMENT_ADMIN.value: frozenset(RIGHTS),
    Role.RECRUITER.value: frozenset({"can_reject", "can_make_offers", "can_transfer", "can_send_email",
                                     "can_search_cv_database", "can_send_to_panel"}),
    Role.HIRING_MANAGER.value: frozenset(),
}
INVITED, ACTIVE, DEACTIVATED, LOCKED = "invited", "active", "deactivated", "locked"
STATUSES = (INVITED, ACTIVE, DEACTIVATED, LOCKED)
STATUS_LABELS = {INVITED: N_("Invited"), ACTIVE: N_("Active"), DEACTIVATED: N_("Deactivated"),
                 LOCKED: N_("Locked")}

REQUIRED = N_("Please fill in this field.")
TOO_LONG = N_("This is longer than the field can hold. Please shorten it.")
NO_ROLE = N_("Choose a role.")
NO_DEPARTMENT = N_("Choose a department.")
NOT_ADMIN_ROLE = N_("Only an administrator can make someone an administrator.")
OWN_DEPARTMENT_ONLY = N_("You can only manage users of your own department.")
LAST_ADMIN = N_("The organisation needs at least one active administrator.")
NOT_YOURSELF = N_("You cannot deactivate yourself.")


@dataclass(frozen=True)
class UserRow:
    """One user on the Users page: what the list shows and which buttons it offers."""

    id: int
    name: str
    email: str
    role: str
    department_id: int | None
    department: str
    language: str
    rights: tuple[str, ...]
    status: str
    locked_until: datetime | None
    last_login_at: datetime | None
    may_edit: bool


def status_of(user: User, now: datetime | None = None) -> str:
    """Invited (no password yet), active, deactivated, or locked (too many wrong passwords, until a time)."""
    now = now or utcnow()
    if not user.active or user.deactivated_at is not None:
        return DEACTIVATED
    if not user.password_hash:
        return INVITED
    if user.locked_until is not None and user.locked_until > now:
        return LOCKED
    return ACTIVE


def rights_of(user: User) -> tuple[str, ...]:
    """The rights user holds, in RIGHTS order."""
    return tuple(r for r in RIGHTS if getattr(user, r))


def may_manage(actor: CurrentUser, user: User) -> bool:
    """Admins manage everyone; a department admin the non-admin users of their own department."""
    if actor.role == Role.ADMIN:
        return True
    return (may_administer_users(actor) and user.department_id == actor.department_id
            and Role(user.role) != Role.ADMIN)


def _in_scope(actor: CurrentUser):
    """The users actor may see on the Users page (a WHERE clause)."""
    if actor.role == Role.ADMIN:
        return col(User.id).is_not(None)
    return col(User.department_id) == actor.department_id


def list_users(session: Session, actor: CurrentUser, *, search: str = "", role: str = "",
               department_id: int | None = None, status: str = "", now: datetime | None = None) -> list[UserRow]:
    """The users in actor's scope, filtered, sorted by name (NotAllowed-free: none for a non-administrator)."""
    if not may_administer_users(actor):
        return []
    now = now or utcnow()
    query = (select(User, Department.name).join(Department, col(Department.id) == User.department_id, isouter=True)
             .where(_in_scope(actor)).order_by(func.lower(User.name), col(User.id)))
    if role in ROLE_LABELS:
        query = query.where(col(User.role) == role)
    if department_id is not None:
        query = query.where(col(User.department_id) == department_id)
    words = " ".join(search.split()).lower()
    if words:
        pattern = f"%{words}%"
        query = query.where(or_(func.lower(User.name).like(pattern), func.lower(User.email).like(pattern)))
    rows = []
    for user, department in session.exec(query):
        row_status = status_of(user, now)
        if status in STATUSES and row_status != status:
            continue
        rows.append(UserRow(id=int(user.id), name=user.name, email=user.email, role=Role(user.role).value,
                            department_id=user.department_id, department=department or "", language=user.language,
                            rights=rights_of(user), status=row_status, locked_until=user.locked_until,
                            last_login_at=user.last_login_at, may_edit=may_manage(actor, user)))
    return rows


def find_user(session: Session, actor: CurrentUser, user_id: int) -> User:
    """The user actor may manage, else UserNotFound (another department's user looks like no user at all)."""
    user = session.get(User, int(user_id)) if isinstance(user_id, int) and 0 < user_id < 2**31 else None
    if user is None or not may_administer_users(actor) or not may_manage(actor, user):
        raise UserNotFound(user_id)
    return user


def departments_for(session: Session, actor: CurrentUser) -> list[tuple[int, str]]:
    """The departments actor may put users in: every active one for an admin, their own for a department admin."""
    query = select(Department.id, Department.name).where(col(Department.active)).order_by(Department.name)
    if actor.role != Role.ADMIN:
        query = query.where(col(Department.id) == actor.department_id)
    return [(int(i), name) for i, name in session.exec(query)]


def roles_for(actor: CurrentUser) -> list[str]:
    """The roles actor may give: all for an admin; a department admin may not make anyone an admin."""
    return [r for r in ROLE_LABELS if actor.role == Role.ADMIN or r != Role.ADMIN.value]


def active_admins(session: Session) -> int:
    """How many admins can still log in (the last one may not be removed). Their rows stay locked until the
    caller's transaction ends (FOR UPDATE on PostgreSQL), so two admins demoting each other at the same moment
    cannot both pass this check."""
    return len(session.exec(select(User.id).where(
        col(User.role) == Role.ADMIN.value, col(User.active), col(User.deactivated_at).is_(None))
        .with_for_update()).all())


def clean_name(raw, errors: dict[str, str], field: str = "name") -> str:
    """A person's name with its blanks tidied, or an error on field."""
    name = " ".join(str(raw or "").split())
    if not name:
        errors[field] = REQUIRED
    elif len(name) > 200:
        errors[field] = TOO_LONG
    return name


def check_role_and_department(session: Session, actor: CurrentUser, form: dict, errors: dict[str, str]
                              ) -> tuple[str, int | None]:
    """The role and department chosen in the form, as actor may give them (errors by field)."""
    role = str(form.get("role") or "")
    if role not in ROLE_LABELS:
        errors["role"] = NO_ROLE
    elif role not in roles_for(actor):
        errors["role"] = NOT_ADMIN_ROLE
    raw = form.get("department_id")
    department_id = int(raw) if str(raw or "").isdigit() and len(str(raw)) < 10 else None
    allowed = {i for i, _ in departments_for(session, actor)}
    if department_id is not None and department_id not in allowed:
        errors["department_id"] = OWN_DEPARTMENT_ONLY if actor.role != Role.ADMIN else NO_DEPARTMENT
        department_id = None
    needs_department = role in (Role.DEPARTMENT_ADMIN.value, Role.HIRING_MANAGER.value) or actor.role != Role.ADMIN
    if department_id is None and needs_department and "department_id" not in errors:
        errors["department_id"] = NO_DEPARTMENT
    return role, department_id


def chosen_rights(form: dict) -> frozenset[str]:
    """The ticked rights of the form (unknown names ignored)."""
    return frozenset(r for r in (form.get("rights") or ()) if r in RIGHTS)


def _audit(session: Session, actor: CurrentUser, kind: str, user: User, **details) -> None:
    audit.record(session, kind, actor_id=actor.id, actor_name=actor.name, subject=user.name,
                 details={"user_id": user.id, **details})


def edit_user(session: Session, actor: CurrentUser, user_id: int, form: dict) -> list[str]:
    """Save the name, role, department and rights; returns the fields changed. InvalidInput names a wrong
    field (nothing changed); the last active admin keeps the admin role."""
    user = find_user(session, actor, user_id)
    errors: dict[str, str] = {}
    name = clean_name(form.get("name"), errors)
    role, department_id = check_role_and_department(session, actor, form, errors)
    if role and role != Role.ADMIN.value and Role(user.role) == Role.ADMIN and user.active \
            and active_admins(session) <= 1:
        errors["role"] = LAST_ADMIN
    if errors:
        raise InvalidInput(errors)
    before = {"name": user.name, "role": Role(user.role).value, "department_id": user.department_id}
    after = {"name": name, "role": role, "department_id": department_id}
    changed = [field for field in before if before[field] != after[field]]
    if changed:
        user.name, user.role, user.department_id = name, Role(role), department_id
        _audit(session, actor, audit.USER_CHANGED, user, changes={f: [before[f], after[f]] for f in changed})
    old_rights, new_rights = rights_of(user), chosen_rights(form)
    if set(old_rights) != new_rights:
        for right in RIGHTS:
            setattr(user, right, right in new_rights)
        _audit(session, actor, audit.RIGHTS_CHANGED, user, before=list(old_rights), after=list(rights_of(user)))
        changed.append("rights")
    session.add(user)
    session.commit()
    return changed


def deactivate_user(session: Session, actor: CurrentUser, user_id: int) -> User:
    """The user can no longer log in and every session of theirs ends now; their name stays in the history."""
    user = find_user(session, actor, user_id)
    if user.id == actor.id:
        raise ActionRefused(NOT_YOURSELF)
    if Role(user.role) == Role.ADMIN and user.active and active_admins(session) <= 1:
        raise ActionRefused(LAST_ADMIN)
    if not user.active and user.deactivated_at is not None:
        return user
    user.active, user.deactivated_at = False, utcnow()
    session.add(user)
    auth.revoke_sessions(session, int(user.id))
    password_links.expire_links(session, int(user.id))  # reactivated, an old invitation or reset link stays dead
    _audit(session, actor, audit.USER_DEACTIVATED, user)
    session.commit()
    return user


def reactivate_user(session: Session, actor: CurrentUser, user_id: int) -> User:
    """The user may log in again (with the password they had; an invited user needs a new invitation)."""
    user = find_user(session, actor, user_id)
    if user.active and user.deactivated_at is None:
        return user
    user.active, user.deactivated_at, user.locked_until = True, None, None
    session.add(user)
    _audit(session, actor, audit.USER_REACTIVATED, user)
    session.commit()
    return user
