"""The Users, Departments and My account pages through their States: the list reads the scope, Invite shows
errors by field and changes nothing, the actions reach the rules, and a department admin calling a handler
with another department's user id is refused without a word about that user."""

from sqlmodel import select

from ats_app.accounts import auth
from ats_app.accounts.ui.account_page import AccountState
from ats_app.accounts.ui.auth_state import AuthState
from ats_app.accounts.ui.user_actions import UserActionState
from ats_app.accounts.ui.user_form import UserFormState
from ats_app.accounts.ui.users_state import UsersState
from ats_app.core import passwords
from ats_app.models import Department, Message, Role, User
from ats_app.organisation.ui.departments_state import DepartmentsState
from tests.unit.factories import make_department, make_user
from tests.unit.state_helpers import call, client, log_in, state_of

PASSWORD = "correct horse battery"


async def _as(email: str, password: str = "demo"):
    return await log_in(client(), email, password)


async def test_invite_edit_and_deactivate_through_the_states(session):
    sales, it = make_department(session, "Sales"), make_department(session, "IT")
    make_user(session, "admin@example.com", language="nb")
    make_user(session, "rec.it@example.com", role=Role.RECRUITER, department_id=it.id)
    root = await _as("admin@example.com")
    listing = state_of(root, UsersState)
    await call(listing, "load")
    assert [r.email for r in listing.rows] == ["admin@example.com", "rec.it@example.com"]
    form = state_of(root, UserFormState)
    await call(form, "open_invite")
    assert form.fields["language"] == "nb" and "can_reject" in form.rights
    for name, value in {"name": "Hanne Leder", "email": "nope", "role": "hiring_manager",
                        "department_id": str(sales.id)}.items():
        await call(form, "set_field", name, value)
    assert form.rights == []  # a hiring manager's usual rights: none
    await call(form, "toggle_right", "can_send_to_panel", True)
    await call(form, "save")
    assert form.open and form.errors["email"].startswith("Skriv en gyldig e-postadresse")
    assert session.exec(select(User).where(User.name == "Hanne Leder")).first() is None
    await call(form, "set_field", "email", "hanne@example.com")
    await call(form, "save")
    assert not form.open
    hanne = next(r for r in listing.rows if r.email == "hanne@example.com")
    assert hanne.status == "invited" and hanne.may_delete
    assert session.exec(select(Message).where(Message.recipient == "hanne@example.com")).one().language == "nb"
    assert session.exec(select(User).where(User.email == "hanne@example.com")).one().can_send_to_panel

    rec = next(r for r in listing.rows if r.email == "rec.it@example.com")
    await call(form, "open_edit", rec.id)
    assert form.open and form.fields["name"] == "Rec.It"
    await call(form, "toggle_right", "can_delete", True)
    await call(form, "save")
    assert session.exec(select(User).where(User.email == "rec.it@example.com")).one().can_delete

    token = auth.log_in(session, "rec.it@example.com", "demo")
    actions = state_of(root, UserActionState)
    await call(actions, "ask", rec.id, "deactivate")
    assert actions.open and "Rec.It" in actions.question
    await call(actions, "confirm")
    assert auth.user_for_token(session, token) is None
    assert next(r for r in listing.rows if r.id == rec.id).status == "deactivated"
    await call(listing, "set_status", "invited")
    assert [r.email for r in listing.rows] == ["hanne@example.com"]


async def test_a_department_admin_is_refused_another_departments_user(session):
    sales, it = make_department(session, "Sales"), make_department(session, "IT")
    make_user(session, "admin@example.com")
    make_user(session, "da@example.com", role=Role.DEPARTMENT_ADMIN, department_id=sales.id)
    other = make_user(session, "rec.it@example.com", role=Role.RECRUITER, department_id=it.id)
    root = await _as("da@example.com")
    listing = state_of(root, UsersState)
    await call(listing, "load")
    assert [r.email for r in listing.rows] == ["da@example.com"]
    form = state_of(root, UserFormState)
    await call(form, "open_edit", other.id)
    assert not form.open and form.fields == {}
    actions = state_of(root, UserActionState)
    await call(actions, "ask", other.id, "deactivate")
    assert not actions.open
    actions.action, actions.user_id = "deactivate", other.id  # as if the browser sent them
    await call(actions, "confirm")
    session.expire_all()
    assert session.get(User, other.id).active
    await call(form, "open_invite")
    assert [c.value for c in form.roles] == ["department_admin", "recruiter", "hiring_manager"]
    assert [c.label for c in form.departments] == ["Sales"]


async def test_a_recruiter_gets_nothing_from_the_admin_pages(session):
    make_user(session, "rec@example.com", role=Role.RECRUITER)
    root = await _as("rec@example.com")
    form = state_of(root, UserFormState)
    await call(form, "open_invite")
    assert not form.open
    departments = state_of(root, DepartmentsState)
    await call(departments, "load")
    assert departments.rows == []


async def test_departments_page_adds_and_refuses_in_use(session):
    make_user(session, "admin@example.com")
    root = await _as("admin@example.com")
    page = state_of(root, DepartmentsState)
    await call(page, "load")
    await call(page, "open_dialog", "department_add", 0)
    await call(page, "set_field", "name", "Finance")
    await call(page, "save")
    assert page.mode == "" and [r.name for r in page.rows] == ["Finance"]
    finance = page.rows[0].id
    await call(page, "open_dialog", "position_add", finance)
    await call(page, "set_field", "name", "Controller")
    await call(page, "save")
    assert [p.title for p in page.rows[0].positions] == ["Controller"]
    await call(page, "open_dialog", "department_add", 0)
    await call(page, "set_field", "name", "finance")
    await call(page, "save")
    assert page.mode == "department_add" and "name" in page.errors
    await call(page, "set_department_active", finance, False)
    session.expire_all()
    assert not session.get(Department, finance).active


async def test_my_account_name_language_and_password(session):
    make_user(session, "kari@example.com", password="old password 1")
    root = await _as("kari@example.com", "old password 1")
    account = state_of(root, AccountState)
    await call(account, "load")
    await call(account, "set_name", "Kari Nordmann")
    await call(account, "save_name")
    assert state_of(root, AuthState).user_name == "Kari Nordmann"
    await call(account, "save_language", "sv")
    for field, value in (("current_password", "wrong"), ("new_password", PASSWORD),
                         ("new_password_again", PASSWORD)):
        await call(account, "set_password_field", field, value)
    await call(account, "change_password")
    assert list(account.errors) == ["current_password"]
    assert set(account.passwords.values()) == {""}  # a refused try leaves no password in the state either
    for field, value in (("current_password", "old password 1"), ("new_password", PASSWORD),
                         ("new_password_again", PASSWORD)):
        await call(account, "set_password_field", field, value)
    await call(account, "change_password")
    assert account.errors == {} and account.passwords["new_password"] == ""
    user = session.exec(select(User).where(User.email == "kari@example.com")).one()
    session.refresh(user)
    assert user.language == "sv" and user.name == "Kari Nordmann"
    assert auth.log_in(session, "kari@example.com", PASSWORD)


async def test_change_password_when_every_hashing_slot_is_taken_says_try_again(session, monkeypatch):
    make_user(session, "kari@example.com", password="old password 1")
    root = await _as("kari@example.com", "old password 1")
    account = state_of(root, AccountState)
    await call(account, "load")
    for field, value in (("current_password", "old password 1"), ("new_password", PASSWORD),
                         ("new_password_again", PASSWORD)):
        await call(account, "set_password_field", field, value)

    def busy(*args):
        raise passwords.HashingBusy()

    monkeypatch.setattr(passwords, "verify_password", busy)
    await call(account, "change_password")
    assert list(account.errors) == ["current_password"] and "moment" in account.errors["current_password"]
