"""The candidate's answer link of an interview ({confirmlink}): a token sealed with the server's secret.

Only the token's SHA-256 is stored (Interview.confirm_token_hash); emails in the outbox hold a
placeholder the delivery worker replaces as the email leaves, so neither the outbox nor a backup holds
a usable link. The link works until the interview is over.
"""

from datetime import timedelta

from sqlmodel import Session, select

from ats_app.core import config, tokens
from ats_app.delivery import sealed_links
from ats_app.delivery.sealed_links import confirm_token
from ats_app.models import Interview
from ats_app.models.base import utcnow


def seal(session: Session, interview: Interview) -> str:
    """Store the token's hash on the interview (flushed) and return the link with a placeholder."""
    if interview.id is None:
        session.add(interview)
        session.flush()
    interview.confirm_token_hash = tokens.token_hash(confirm_token(interview))
    session.add(interview)
    return config.link(f"/interview/{sealed_links.CONFIRM.format(id=interview.id)}")


def interview_for_token(session: Session, token: str | None) -> Interview | None:
    """The interview a link belongs to while it can still be answered (not cancelled, not over)."""
    if not token or len(token) > 100:
        return None
    interview = session.exec(select(Interview).where(Interview.confirm_token_hash == tokens.token_hash(token))).first()
    if interview is None:
        return None
    # Called off: the link is dead, except for a candidate who withdrew on this page (calling the interview
    # off with it): they still get the page saying so, not "we could not find this interview".
    if interview.cancelled_at is not None and interview.acceptance != "not_relevant":
        return None
    if interview.starts_at + timedelta(minutes=interview.duration_minutes) < utcnow():
        return None
    return interview
