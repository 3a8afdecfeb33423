"""Candidate portal accounts: one-time set-password links, log-in and sessions.

No password ever travels by email: a recruiter's "Save and send username/password" issues a link that
lets the candidate choose one. Links and sessions are random tokens of which only the SHA-256 is stored.
Nothing here commits: the caller's transaction (the recruiter's action, or the portal request) holds it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from ats_app.accounts import login_throttle
from ats_app.accounts.auth import normalise_email
from ats_app.core import config, passwords, tokens
from ats_app.core.errors import InvalidInput, LinkUnusable
from ats_app.core.i18n import N_
from ats_app.delivery import sealed_links
from ats_app.models import Candidate, CandidateAccount, CandidateLink, CandidateSession
from ats_app.models.base import utcnow

LINK_LIFETIME = timedelta(hours=48)
SESSION_LIFETIME = timedelta(days=30)
SET_PASSWORD = "set_password"  # CandidateLink.purpose
THROTTLE_SCOPE = "portal"  # the portal's wrong passwords count apart from the staff's (accounts.login_throttle)
LINK_UNUSABLE = N_("This link has expired or has already been used.")


@dataclass(frozen=True)
class PortalCandidate:
    """What the portal pages may know about the logged-in candidate: no hash, no token."""

    id: int
    first_name: str
    email: str
    language: str
    country: str | None


def _portal_candidate(candidate: Candidate) -> PortalCandidate:
    return PortalCandidate(id=candidate.id, first_name=candidate.first_name, email=candidate.email,
                           language=candidate.language, country=candidate.country)


def issue_set_password_link(session: Session, candidate: Candidate, now: datetime | None = None, *,
                            sealed: bool = False) -> str:
    """A fresh one-time link (absolute URL) with which candidate sets their portal password.

    Creates the candidate's account when missing. Earlier unused links of the candidate are revoked
    (their expiry moves to now): only the newest email works, so an old, forwarded or leaked one does not.
    The link also serves as "forgot password": using it replaces the password and ends open sessions.
    sealed: the URL carries a placeholder instead of the token (for an email in the outbox); the worker
    puts the token in as the email leaves (delivery.sealed_links), so no row ever holds it.
    """
    if candidate.anonymised_at is not None:
        raise ValueError("an anonymised candidate has no portal")
    now = now or utcnow()
    if candidate.id is None:
        session.add(candidate)
        session.flush()
    if session.exec(select(CandidateAccount.id).where(CandidateAccount.candidate_id == candidate.id)).first() is None:
        session.add(CandidateAccount(candidate_id=candidate.id, created_at=now))
    session.exec(update(CandidateLink)
                 .where(col(CandidateLink.candidate_id) == candidate.id, col(CandidateLink.purpose) == SET_PASSWORD,
                        col(CandidateLink.used_at).is_(None), col(CandidateLink.expires_at) > now)
                 .values(expires_at=now))
    link = CandidateLink(token_hash=tokens.token_hash(tokens.new_token()), candidate_id=candidate.id,
                         purpose=SET_PASSWORD, expires_at=now + LINK_LIFETIME, created_at=now)
    session.add(link)
    session.flush()
    token = sealed_links.link_token(link)
    link.token_hash = tokens.token_hash(token)
    session.add(link)
    session.flush()
    shown = sealed_links.SET_PASSWORD.format(id=link.id) if sealed else token
    return config.link(f"/portal/set-password?token={shown}")


def candidate_for_link(session: Session, token: str | None, now: datetime | None = None) -> PortalCandidate | None:
    """The candidate a set-password link belongs to while it is usable, else None. Looking never uses it up."""
    if not token:
        return None
    now = now or utcnow()
    row = session.exec(
        select(CandidateLink, Candidate).join(Candidate, Candidate.id == CandidateLink.candidate_id)
        .where(CandidateLink.token_hash == tokens.token_hash(token), CandidateLink.purpose == SET_PASSWORD)
    ).first()
    if row is None:
        return None
    link, candidate = row
    if link.used_at is not None or link.expires_at <= now or candidate.anonymised_at is not None:
        return None
    return _portal_candidate(candidate)



def set_password(session: Session, token: str, password: str, now: datetime | None = None) -> int:
    """Redeem a set-password link: the candidate's id on success.

    Raises LinkUnusable for an unknown, expired or used link, InvalidInput({"password": …}) for a weak
    password (the link stays usable then). The link is used up by one atomic UPDATE whose row count
    decides, so two simultaneous submits cannot both succeed. Open portal sessions of the candidate end.
    """
    now = now or utcnow()
    candidate = candidate_for_link(session, token, now)
    if candidate is None:
        raise LinkUnusable(LINK_UNUSABLE)
    problem = passwords.password_problem(password, candidate.email)
    if problem:
        raise InvalidInput({"password": problem})
    used = session.exec(update(CandidateLink)
                        .where(col(CandidateLink.token_hash) == tokens.token_hash(token),
                               col(CandidateLink.purpose) == SET_PASSWORD, col(CandidateLink.used_at).is_(None),
                               col(CandidateLink.expires_at) > now)
                        .values(used_at=now))
    if used.rowcount != 1:
        raise LinkUnusable(LINK_UNUSABLE)
    account = session.exec(select(CandidateAccount).where(CandidateAccount.candidate_id == candidate.id)).first()
    if account is None:
        account = CandidateAccount(candidate_id=candidate.id, created_at=now)
    account.password_hash = passwords.hash_password(password)
    account.password_set_at = now
    session.add(account)
    session.exec(update(CandidateSession)
                 .where(col(CandidateSession.candidate_id) == candidate.id, col(CandidateSession.revoked_at).is_(None))
                 .values(revoked_at=now))
    session.flush()
    return candidate.id


def open_session(session: Session, candidate_id: int, now: datetime | None = None) -> str:
    """Start a portal session for candidate_id and return its token (for the ats_candidate cookie)."""
    now = now or utcnow()
    token = tokens.new_token()
    session.add(CandidateSession(token_hash=tokens.token_hash(token), candidate_id=candidate_id, created_at=now,
                                 expires_at=now + SESSION_LIFETIME))
    session.flush()
    return token


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return passwords.hash_password("not a real password")


def log_in(session: Session, email: str, password: str, now: datetime | None = None) -> str | None:
    """Check a candidate's credentials; on success open a session and return its token, else None.

    One email may sit on several Candidate rows (one per time they applied): the rows with a password are
    tried, newest password first. An unknown email still costs one hash, so timing does not reveal it.
    """
    now = now or utcnow()
    accounts = session.exec(
        select(CandidateAccount).join(Candidate, Candidate.id == CandidateAccount.candidate_id)
        .where(func.lower(Candidate.email) == normalise_email(email), col(CandidateAccount.password_hash).is_not(None),
               col(Candidate.anonymised_at).is_(None))
        .order_by(col(CandidateAccount.password_set_at).desc(), col(CandidateAccount.id).desc())
    ).all()
    if not accounts:
        passwords.verify_password(_dummy_hash(), password)
        return None
    for account in accounts:
        if passwords.verify_password(account.password_hash, password):
            if passwords.needs_rehash(account.password_hash):
                account.password_hash = passwords.hash_password(password)
            account.last_login_at = now
            session.add(account)
            return open_session(session, account.candidate_id, now)
    return None


def throttled_log_in(session: Session, email: str, password: str, client: str) -> tuple[bool, str | None]:
    """log_in unless the email or the client address must wait (then no hash is spent): (throttled, token).
    A wrong password counts against both; ATS_LOGIN_LOCK_AFTER of them lock the email for a while. Raises
    core.passwords.HashingBusy when no hashing slot came free."""
    email = normalise_email(email)
    with login_throttle.turn(THROTTLE_SCOPE, email, client) as may_try:
        if not may_try:
            return True, None
        token = log_in(session, email, password)
        if token is None:
            login_throttle.wrong_password(THROTTLE_SCOPE, email, client)
        else:
            login_throttle.logged_in(THROTTLE_SCOPE, email)
        return False, token


def csrf_token(session_token: str) -> str:
    """The CSRF token of a logged-in candidate's forms: bound to their session (an HMAC of its hash with the
    server's secret), so a token from another session, or from before logging in, does not fit."""
    return tokens.sealed_token(config.secret_key(), "portal-csrf", tokens.token_hash(session_token))


def candidate_for_token(session: Session, token: str | None, now: datetime | None = None) -> PortalCandidate | None:
    """The candidate behind a portal session token, or None when unknown, expired, revoked or anonymised."""
    if not token:
        return None
    now = now or utcnow()
    row = session.exec(
        select(CandidateSession, Candidate).join(Candidate, Candidate.id == CandidateSession.candidate_id)
        .where(CandidateSession.token_hash == tokens.token_hash(token))
    ).first()
    if row is None:
        return None
    portal_session, candidate = row
    if portal_session.revoked_at is not None or portal_session.expires_at <= now or candidate.anonymised_at:
        return None
    return _portal_candidate(candidate)


def log_out(session: Session, token: str | None) -> None:
    """End the portal session behind token (nothing happens for an unknown one)."""
    if not token:
        return
    session.exec(update(CandidateSession)
                 .where(col(CandidateSession.token_hash) == tokens.token_hash(token),
                        col(CandidateSession.revoked_at).is_(None))
                 .values(revoked_at=utcnow()))
