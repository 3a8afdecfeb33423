"""Users administration rules: scope (department admins their department only), invitations (sealed email,
link used once), edits with the rights' before/after in the audit log, the last admin, deactivation."""

import re
import threading

import pytest
from sqlmodel import Session, select

from ats_app.accounts import audit, auth, invitations, password_links, users
from ats_app.core.db import get_engine
from ats_app.core.errors import ActionRefused, InvalidInput, LinkUnusable, NotAllowed, UserNotFound
from ats_app.delivery import outbox_admin, sealed_links
from ats_app.models import AuditEvent, Message, MessageStatus, ProjectEvent, Role, User, UserSession
from tests.targets import on_postgres
from tests.unit.conftest import DB_URL
from tests.unit.factories import login_as, make_department, make_project, make_user

PASSWORD = "correct horse battery"


@pytest.fixture
def org(session):
    """An admin, two departments, a department admin of the first and a recruiter in each."""
    sales, it = make_department(session, "Sales"), make_department(session, "IT")
    make_user(session, "admin@example.com")
    make_user(session, "da@example.com", role=Role.DEPARTMENT_ADMIN, department_id=sales.id)
    make_user(session, "rec.sales@example.com", role=Role.RECRUITER, department_id=sales.id)
    make_user(session, "rec.it@example.com", role=Role.RECRUITER, department_id=it.id)
    return {"sales": sales, "it": it, "admin": login_as(session, "admin@example.com"),
            "da": login_as(session, "da@example.com")}


def _invite(session, actor, email="new@example.com", role="hiring_manager", department=None, **extra):
    form = {"email": email, "name": "Nina Ny", "role": role, "department_id": str(department.id) if department else "",
            "language": "nb", **extra}
    return invitations.invite_user(session, actor, form)


def _id(session, email):
    return session.exec(select(User).where(User.email == email)).one().id


def test_admins_see_everyone_department_admins_their_department(session, org):
    assert {r.email for r in users.list_users(session, org["admin"])} == {
        "admin@example.com", "da@example.com", "rec.sales@example.com", "rec.it@example.com"}
    assert {r.email for r in users.list_users(session, org["da"])} == {"da@example.com", "rec.sales@example.com"}
    recruiter = login_as(session, "rec.sales@example.com")
    assert users.list_users(session, recruiter) == []
    assert [r.email for r in users.list_users(session, org["admin"], search="IT@")] == ["rec.it@example.com"]
    assert [r.email for r in users.list_users(session, org["admin"], role="department_admin")] == ["da@example.com"]


def test_a_department_admin_cannot_touch_another_departments_user_or_an_admin(session, org):
    for email in ("rec.it@example.com", "admin@example.com"):
        with pytest.raises(UserNotFound):
            users.edit_user(session, org["da"], _id(session, email), {"name": "X", "role": "recruiter"})
        with pytest.raises(UserNotFound):
            users.deactivate_user(session, org["da"], _id(session, email))


def test_a_department_admin_gives_no_admin_role_and_no_other_department(session, org):
    with pytest.raises(InvalidInput) as refused:
        _invite(session, org["da"], role="admin", department=org["sales"])
    assert refused.value.errors == {"role": users.NOT_ADMIN_ROLE}
    with pytest.raises(InvalidInput) as refused:
        _invite(session, org["da"], department=org["it"])
    assert refused.value.errors == {"department_id": users.OWN_DEPARTMENT_ONLY}
    with pytest.raises(InvalidInput) as refused:
        users.edit_user(session, org["da"], _id(session, "rec.sales@example.com"),
                        {"name": "Rec", "role": "recruiter", "department_id": str(org["it"].id)})
    assert "department_id" in refused.value.errors


def test_invitation_creates_a_user_without_password_and_a_sealed_email(session, org):
    user = _invite(session, org["admin"], department=org["sales"])
    assert user.password_hash == "" and user.role == Role.HIRING_MANAGER and user.language == "nb"
    assert auth.log_in(session, "new@example.com", "") is None
    assert auth.log_in(session, "new@example.com", "any password at all") is None  # an empty hash lets nobody in
    assert users.list_users(session, org["admin"], status="invited")[0].email == "new@example.com"
    message = session.exec(select(Message).where(Message.recipient == "new@example.com")).one()
    assert message.language == "nb" and message.user_link_id is not None
    assert sealed_links.USER_LINK.format(id=message.user_link_id) in message.body_html
    assert "token=" in message.body_text and "__ATS_USERLINK_" in message.body_text
    revealed = sealed_links.reveal(session, message.body_html, message)
    token = re.search(r"token=([A-Za-z0-9_\-]+)", revealed).group(1)
    assert token not in message.body_html
    holder = password_links.set_password_from_link(session, token, PASSWORD)
    session.commit()
    assert holder.email == "new@example.com"
    assert auth.log_in(session, "new@example.com", PASSWORD)
    with pytest.raises(LinkUnusable):
        password_links.set_password_from_link(session, token, PASSWORD + "x")
    kinds = [e.kind for e in session.exec(select(AuditEvent))]
    assert audit.USER_INVITED in kinds


def test_invitation_field_errors(session, org):
    make_user(session, "Taken@example.com".lower())
    with pytest.raises(InvalidInput) as refused:
        invitations.invite_user(session, org["admin"], {"email": " TAKEN@example.com ", "name": "", "role": "boss",
                                                        "language": "xx"})
    assert set(refused.value.errors) == {"email", "name", "role", "language"}
    assert refused.value.errors["email"] == invitations.EMAIL_TAKEN
    with pytest.raises(InvalidInput) as refused:
        _invite(session, org["admin"], email="not an address")
    assert refused.value.errors["email"] == invitations.BAD_EMAIL
    with pytest.raises(NotAllowed):
        _invite(session, login_as(session, "rec.sales@example.com"))


def test_default_rights_follow_the_role(session, org):
    manager = _invite(session, org["admin"], department=org["it"])
    assert users.rights_of(manager) == ()
    recruiter = _invite(session, org["admin"], email="r2@example.com", role="recruiter")
    assert "can_reject" in users.rights_of(recruiter) and "can_delete" not in users.rights_of(recruiter)


def test_resend_makes_the_older_link_unusable(session, org):
    user = _invite(session, org["admin"], department=org["sales"])
    first = session.exec(select(Message).where(Message.recipient == user.email)).one()
    first_token = re.search(r"token=([A-Za-z0-9_\-]+)", sealed_links.reveal(session, first.body_html, first)).group(1)
    invitations.resend_invitation(session, org["da"], user.id)
    assert password_links.holder_of(session, first_token) is None
    assert len(session.exec(select(Message).where(Message.recipient == user.email)).all()) == 2


def test_rights_change_is_audited_with_before_and_after(session, org):
    target = _id(session, "rec.sales@example.com")
    before = users.rights_of(session.get(User, target))
    changed = users.edit_user(session, org["da"], target, {"name": "Rita Rekrutterer", "role": "recruiter",
                                                           "department_id": str(org["sales"].id),
                                                           "rights": ["can_delete", "can_reject"]})
    assert changed == ["name", "rights"]
    rights_line = session.exec(select(AuditEvent).where(AuditEvent.kind == audit.RIGHTS_CHANGED)).one()
    assert rights_line.details["before"] == list(before)
    assert rights_line.details["after"] == ["can_reject", "can_delete"]
    assert rights_line.actor_name == "Da"
    user_line = session.exec(select(AuditEvent).where(AuditEvent.kind == audit.USER_CHANGED)).one()
    assert user_line.details["changes"]["name"][1] == "Rita Rekrutterer"


def test_the_last_admin_stays_and_nobody_deactivates_themselves(session, org):
    admin_id = org["admin"].id
    with pytest.raises(ActionRefused) as refused:
        users.deactivate_user(session, org["admin"], admin_id)
    assert refused.value.reason == users.NOT_YOURSELF
    with pytest.raises(InvalidInput) as refused:
        users.edit_user(session, org["admin"], admin_id, {"name": "Admin", "role": "recruiter"})
    assert refused.value.errors == {"role": users.LAST_ADMIN}
    second = make_user(session, "admin2@example.com")
    users.edit_user(session, org["admin"], admin_id, {"name": "Admin", "role": "recruiter"})  # another admin left
    assert session.get(User, admin_id).role == Role.RECRUITER
    assert users.status_of(session.get(User, second.id)) == users.ACTIVE


def test_the_last_active_admin_cannot_be_deactivated_by_another(session, org):
    make_user(session, "admin2@example.com")
    other = login_as(session, "admin2@example.com")
    users.deactivate_user(session, other, org["admin"].id)  # two admins: fine
    users.reactivate_user(session, other, org["admin"].id)
    users.deactivate_user(session, org["admin"], other.id)
    with pytest.raises(ActionRefused) as refused:
        users.deactivate_user(session, other, org["admin"].id)  # the rule holds whoever calls it
    assert refused.value.reason == users.LAST_ADMIN


def test_deactivation_revokes_sessions_at_once_and_reactivation_restores(session, org):
    target = _id(session, "rec.sales@example.com")
    token = auth.log_in(session, "rec.sales@example.com", "demo")
    users.deactivate_user(session, org["da"], target)
    assert auth.user_for_token(session, token) is None
    assert session.exec(select(UserSession).where(UserSession.user_id == target,
                                                  UserSession.revoked_at.is_(None))).first() is None
    assert auth.log_in(session, "rec.sales@example.com", "demo") is None
    users.reactivate_user(session, org["da"], target)
    assert auth.log_in(session, "rec.sales@example.com", "demo")
    kinds = [e.kind for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert kinds[-2:] == [audit.USER_DEACTIVATED, audit.USER_REACTIVATED]


def test_only_an_unaccepted_invitation_with_nothing_referring_to_it_is_deleted(session, org):
    user = _invite(session, org["admin"], department=org["sales"])
    assert invitations.may_delete(session, user)
    invitations.delete_invitation(session, org["admin"], user.id)
    assert session.get(User, user.id) is None
    message = session.exec(select(Message).where(Message.recipient == "new@example.com")).one()
    assert message.status == MessageStatus.CANCELLED and message.user_link_id is None
    acted = _invite(session, org["admin"], email="acted@example.com", department=org["sales"])
    project = make_project(session, department=org["sales"])
    session.add(ProjectEvent(project_id=project.id, actor_id=acted.id, kind="edited", payload={}))
    session.commit()
    with pytest.raises(ActionRefused):
        invitations.delete_invitation(session, org["admin"], acted.id)
    with pytest.raises(ActionRefused):
        invitations.delete_invitation(session, org["admin"], _id(session, "rec.it@example.com"))


def test_an_invitation_sent_again_from_the_outbox_keeps_its_link(session, org):
    user = _invite(session, org["admin"], department=org["sales"])
    first = session.exec(select(Message).where(Message.recipient == user.email)).one()
    first.status = MessageStatus.FAILED
    session.add(first)
    session.flush()
    copy = outbox_admin.resend_message(session, org["admin"], first.id)
    revealed = sealed_links.reveal(session, copy.body_html, copy)
    token = re.search(r"token=([A-Za-z0-9_\-]+)", revealed).group(1)
    assert password_links.holder_of(session, token).user_id == user.id


def test_deactivation_ends_the_users_password_links_so_reactivation_does_not_revive_them(session, org):
    """A reset link asked for before the deactivation must not work once the user is reactivated."""
    target = session.get(User, _id(session, "rec.sales@example.com"))
    _, url = password_links.issue_link(session, target, password_links.RESET)
    session.commit()
    token = url.split("token=")[1]
    users.deactivate_user(session, org["da"], target.id)
    users.reactivate_user(session, org["da"], target.id)
    assert password_links.holder_of(session, token) is None
    with pytest.raises(LinkUnusable):
        password_links.set_password_from_link(session, token, PASSWORD)


@pytest.mark.skipif(not on_postgres(), reason="row locks are PostgreSQL's; SQLite has one writer at a time")
def test_two_admins_removing_each_other_at_once_leave_one(session, monkeypatch):
    make_user(session, "a1@example.com")
    make_user(session, "a2@example.com")
    first, second = login_as(session, "a1@example.com"), login_as(session, "a2@example.com")
    both_counted = threading.Barrier(2)
    real = users.active_admins

    def counted_then_wait(s):
        found = real(s)
        try:  # on PostgreSQL the second caller is still waiting for the first one's row locks here
            both_counted.wait(timeout=1.5)
        except threading.BrokenBarrierError:
            pass
        return found

    monkeypatch.setattr(users, "active_admins", counted_then_wait)
    outcomes = []

    def remove(actor, target_id):
        with Session(get_engine(DB_URL), expire_on_commit=False) as own:
            try:
                users.deactivate_user(own, actor, target_id)
                outcomes.append("removed")
            except ActionRefused:
                outcomes.append("refused")

    threads = [threading.Thread(target=remove, args=(first, second.id)),
               threading.Thread(target=remove, args=(second, first.id))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes) == ["refused", "removed"]
    assert users.active_admins(session) == 1
