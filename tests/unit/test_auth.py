"""Logging in, sessions and rights (accounts.auth)."""

from datetime import timedelta

from sqlmodel import select

from ats_app.accounts import auth
from ats_app.core import passwords, tokens
from ats_app.models import Role, UserSession
from ats_app.models.base import utcnow
from tests.unit.factories import make_user


def test_password_hashes_are_argon2id_and_verify():
    hashed = passwords.hash_password("correct horse")
    assert hashed.startswith("$argon2id$")
    assert passwords.verify_password(hashed, "correct horse")
    assert not passwords.verify_password(hashed, "wrong")
    assert not passwords.verify_password("not a hash", "correct horse")


def test_log_in_opens_a_session_stored_only_as_a_hash(session):
    user = make_user(session, "Astrid@Example.com".lower())
    token = auth.log_in(session, "  ASTRID@example.com ", "demo")
    assert token
    stored = session.exec(select(UserSession)).one()
    assert stored.token_hash == tokens.token_hash(token) and token not in stored.token_hash
    assert stored.expires_at > utcnow() + timedelta(days=13)
    current = auth.user_for_token(session, token)
    assert current.id == user.id and current.email == "astrid@example.com"
    assert not hasattr(current, "password_hash")


def test_wrong_password_unknown_email_and_inactive_user_are_refused(session):
    make_user(session, "a@example.com")
    make_user(session, "gone@example.com", active=False)
    assert auth.log_in(session, "a@example.com", "nope") is None
    assert auth.log_in(session, "nobody@example.com", "demo") is None
    assert auth.log_in(session, "gone@example.com", "demo") is None
    assert session.exec(select(UserSession)).all() == []


def test_expired_revoked_and_unknown_tokens_give_no_user(session):
    make_user(session)
    token = auth.log_in(session, "admin@example.com", "demo")
    assert auth.user_for_token(session, "made-up") is None
    assert auth.user_for_token(session, "") is None
    row = session.exec(select(UserSession)).one()
    row.expires_at = utcnow() - timedelta(seconds=1)
    session.add(row)
    session.commit()
    assert auth.user_for_token(session, token) is None

    token2 = auth.log_in(session, "admin@example.com", "demo")
    assert auth.user_for_token(session, token2) is not None
    auth.log_out(session, token2)
    assert auth.user_for_token(session, token2) is None


def test_deactivating_a_user_ends_their_sessions(session):
    user = make_user(session)
    token = auth.log_in(session, "admin@example.com", "demo")
    user.active = False
    session.add(user)
    session.commit()
    assert auth.user_for_token(session, token) is None


def test_rights_admin_holds_all_others_only_theirs(session):
    make_user(session, "admin@example.com")
    make_user(session, "r@example.com", role=Role.RECRUITER, can_send_sms=True, can_delete=False)
    admin = auth.user_for_token(session, auth.log_in(session, "admin@example.com", "demo"))
    recruiter = auth.user_for_token(session, auth.log_in(session, "r@example.com", "demo"))
    assert all(admin.has(r) for r in auth.RIGHTS)
    assert recruiter.has("can_send_sms") and not recruiter.has("can_delete")


def test_language_is_remembered_and_validated(session):
    user = make_user(session)
    auth.set_language(session, user.id, "nb")
    session.refresh(user)
    assert user.language == "nb"
    try:
        auth.set_language(session, user.id, "xx")
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown language must be refused")
    session.refresh(user)
    assert user.language == "nb"


def test_a_user_without_a_password_yet_costs_a_hash_like_an_unknown_email(session, monkeypatch):
    """An invitation not accepted (or a first admin from `ats create-admin`) has an empty hash, which argon2
    refuses in microseconds: without the dummy hash, timing would tell which invitations are pending."""
    invited = make_user(session, "invited@example.com")
    invited.password_hash = ""
    session.add(invited)
    session.commit()
    checked = []
    real_verify = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: checked.append(h) or real_verify(h, p))
    assert auth.log_in(session, "invited@example.com", "a guess 12345") is None
    assert auth.log_in(session, "nobody@example.com", "a guess 12345") is None
    assert checked == [auth._dummy_hash()] * 2
