"""Links that must never sit in the outbox: a candidate's interview answer link, set-password link, offer answer
link and contract link, a panel reviewer's review link, and a user's invitation or "forgot password" link.

The token in such a link is derived with the server's secret (HMAC), and only its SHA-256 is stored.
An email in the outbox holds a placeholder instead; the delivery worker puts the token in as the
message leaves, so neither recruiters reading the Outbox nor a database backup can use a candidate's
link, and a retried email is exactly the same. A message reveals only its own links: a placeholder of
another interview or another candidate (typed into a note, say) becomes "expired".
"""

import re

from sqlmodel import Session

from ats_app.core import config, tokens
from ats_app.models import Application, CandidateLink, Contract, Interview, Message, Offer, Reviewer, UserLink

CONFIRM = "__ATS_CONFIRM_{id}__"
SET_PASSWORD = "__ATS_LINK_{id}__"
_CONFIRM = re.compile(r"__ATS_CONFIRM_(\d+)__")
_SET_PASSWORD = re.compile(r"__ATS_LINK_(\d+)__")
REVIEW = "__ATS_REVIEW_{id}__"
OFFER = "__ATS_OFFER_{id}__"
CONTRACT = "__ATS_CONTRACT_{id}__"
USER_LINK = "__ATS_USERLINK_{id}__"
EXPIRED = "expired"
SET_PASSWORD_PURPOSE = "candidate_saved"  # the only email that may carry a set-password link


def confirm_token(interview: Interview) -> str:
    """The interview's answer token (the same every time it is derived)."""
    return tokens.sealed_token(config.secret_key(), "confirm", interview.id, interview.application_id)


def link_token(link: CandidateLink) -> str:
    """A portal link's token (the same every time it is derived)."""
    return tokens.sealed_token(config.secret_key(), link.purpose, link.id, link.candidate_id)


def review_token(reviewer: Reviewer) -> str:
    """A panel reviewer's token (the same every time it is derived)."""
    return tokens.sealed_token(config.secret_key(), "review", reviewer.id, reviewer.panel_review_id)


def offer_token(offer: Offer) -> str:
    """An offer's answer token (the same every time it is derived)."""
    return tokens.sealed_token(config.secret_key(), "offer", offer.id, offer.application_id)


def contract_token(contract: Contract) -> str:
    """A contract's link token (the same every time it is derived)."""
    return tokens.sealed_token(config.secret_key(), "contract", contract.id, contract.application_id)


def user_link_token(link: UserLink) -> str:
    """A user's set-password link token (an invitation or "forgot password"; the same every time)."""
    return tokens.sealed_token(config.secret_key(), f"user-{link.purpose}", link.id, link.user_id)


# The links a message may carry by the row it names: (placeholder prefix, Message column, table, token).
_OWN_LINKS = (
    ("REVIEW", "reviewer_id", Reviewer, review_token),
    ("OFFER", "offer_id", Offer, offer_token),
    ("CONTRACT", "contract_id", Contract, contract_token),
    ("USERLINK", "user_link_id", UserLink, user_link_token),
)


def _reveal_own(session: Session, text: str, message: Message | None) -> str:
    """Each placeholder of a row the message names (its reviewer, offer, contract) becomes that row's token;
    any other row's placeholder becomes "expired"."""
    for prefix, column, table, token in _OWN_LINKS:
        if f"__ATS_{prefix}_" not in text:
            continue
        own_id = getattr(message, column) if message is not None else None

        def token_for(match: re.Match, own_id=own_id, table=table, token=token) -> str:
            row = session.get(table, own_id) if own_id is not None else None
            return token(row) if row is not None and int(match.group(1)) == own_id else EXPIRED

        text = re.sub(rf"__ATS_{prefix}_(\d+)__", token_for, text)
    return text


def _reveal_confirm(session: Session, text: str, interview_id: int | None) -> str:
    if "__ATS_CONFIRM_" not in text:
        return text

    def token_for(match: re.Match) -> str:
        if interview_id is None or int(match.group(1)) != interview_id:
            return EXPIRED
        interview = session.get(Interview, interview_id)
        return confirm_token(interview) if interview is not None else EXPIRED

    return _CONFIRM.sub(token_for, text)


def _reveal_set_password(session: Session, text: str, message: Message | None) -> str:
    if "__ATS_LINK_" not in text:
        return text
    candidate_id = None
    if message is not None and message.purpose == SET_PASSWORD_PURPOSE and message.application_id:
        application = session.get(Application, message.application_id)
        candidate_id = application.candidate_id if application else None

    def token_for(match: re.Match) -> str:
        link = session.get(CandidateLink, int(match.group(1)))
        if link is None or candidate_id is None or link.candidate_id != candidate_id:
            return EXPIRED
        return link_token(link)

    return _SET_PASSWORD.sub(token_for, text)


def reveal(session: Session, text: str, message: Message | None) -> str:
    """text with the message's own sealed links put in (as it leaves); any other placeholder expired."""
    text = _reveal_set_password(session, text, message)
    text = _reveal_own(session, text, message)
    return _reveal_confirm(session, text, message.interview_id if message is not None else None)
