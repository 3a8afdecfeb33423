"""The further-progress actions that send email to the candidate: Send email, Send offer, Save and send.

Each checks the form once (prepare_*), then writes per applicant: the status change (if any), the
rendered email in the outbox and the history line pointing at it, all in one transaction, so an
action never sends without a record. Send email to many applicants is written in one pass: one
query for every recipient's tag values, one flush, which keeps 1,000 personalised emails under 2 s.
"""

from sqlmodel import Session, col, select

from ats_app.models import Application, ApplicationStatus as S, Candidate, RecruitmentProject
from ats_app.handling import actions
from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.mail.compose import (Draft, check_drafts, check_recipient, check_sender, draft_for, drafts_from_choices,
    queue_to_candidate, sender_user)
from ats_app.mail.kinds import canonical_tag
from ats_app.mail.render import TagValues, tags_in
from ats_app.mail.tag_values import recipients
from ats_app.core.i18n import N_, gettext
from ats_app.portal.accounts import issue_set_password_link
from ats_app.applications.transitions import check
from ats_app.core.errors import ActionRefused, InvalidChoice

CUSTOM = "custom"
DELETED = N_("deleted")


def prepare_send_email(choices: dict, single: bool) -> dict:
    """Sender, drafts and (for one applicant) an edited recipient address, checked field by field."""
    prepared = {"sender": check_sender(choices.get("sender", "")),
                "drafts": check_drafts(CUSTOM, drafts_from_choices(choices.get("drafts")))}
    if single and choices.get("recipient") is not None:
        prepared["recipient"] = check_recipient(choices.get("recipient", ""))
    return prepared


# Tags an email cannot do without: the set-password email is the candidate's only way into the portal.
REQUIRED_TAGS = {"candidate_saved": "setpasswordlink"}


def prepare_with_template(kind: str, choices: dict) -> dict:
    """Sender and drafts for an action whose email comes from kind's template."""
    sender = check_sender(choices.get("sender", ""))
    drafts = check_drafts(kind, drafts_from_choices(choices.get("drafts")))
    needed = REQUIRED_TAGS.get(kind)
    for draft in drafts:
        if needed and needed not in {canonical_tag(tag) for tag in tags_in(draft.body)}:
            raise InvalidChoice(f"body:{draft.language}", N_("Keep {tag} in the content: the email is "
                                                                     "useless without it."), tag="{" + needed + "}")
    return {"sender": sender, "drafts": drafts}


def send_emails(session: Session, user: CurrentUser, application_ids: list[int], *, sender: str,
                drafts: list[Draft], recipient: str | None = None) -> dict[int, ActionRefused | None]:
    """Send email: each applicant gets their own copy in their language. Returns id → None (queued) or
    the refusal; the caller commits (everything queued here goes together)."""
    actions.require(user, "send_email")
    visible = dict(session.exec(
        select(Application.id, Application.deleted_at)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .where(col(Application.id).in_(application_ids), Application.moved_to_id.is_(None),
               visible_projects(user))).all())
    outcome: dict[int, ActionRefused | None] = {}
    wanted = []
    for application_id in application_ids:
        if application_id not in visible:
            outcome[application_id] = ActionRefused(actions.NOT_FOUND)
        elif visible[application_id] is not None:
            outcome[application_id] = ActionRefused(DELETED)
        else:
            wanted.append(application_id)
    me = sender_user(session, user)
    for person in recipients(session, wanted, me):
        queue_to_candidate(session, user, person, draft_for(drafts, person.language), kind=CUSTOM, purpose="custom",
                           sender=sender, to=recipient if len(wanted) == 1 else None)
        outcome[person.application_id] = None
    return outcome


def _one(session: Session, user: CurrentUser, application: Application):
    return recipients(session, [application.id], sender_user(session, user))[0]


def send_offer_email(session: Session, user: CurrentUser, application_id: int, *, sender: str,
                     drafts: list[Draft]) -> Application:
    """Send offer: status Offer received, and the job-offer email as edited."""
    application = actions.send_offer(session, user, application_id)
    session.flush()
    person = _one(session, user, application)
    queue_to_candidate(session, user, person, draft_for(drafts, person.language), kind="offer", purpose="offer",
                       sender=sender)
    return application


def save_and_send_login(session: Session, user: CurrentUser, application_id: int, *, sender: str,
                        drafts: list[Draft]) -> Application:
    """Save candidate, and email a one-time link to set a password for the candidate portal.

    No password is ever emailed: the link (48 h, single use) lets the candidate choose one.
    """
    actions.require(user, "save_and_send")
    application = actions.find_application(session, user, application_id)
    check("save_and_send", application)
    if application.status != S.SAVED:  # a saved candidate only gets a new link (the old one is revoked)
        application = actions.save_candidate(session, user, application_id)
        session.flush()
    candidate = session.get(Candidate, application.candidate_id)
    person = _one(session, user, application)
    url = issue_set_password_link(session, candidate, sealed=True)  # the outbox never holds the token
    label = gettext(person.language, "Choose your password")
    queue_to_candidate(session, user, person, draft_for(drafts, person.language), kind="candidate_saved",
                       purpose="candidate_saved", sender=sender,
                       extra=TagValues(links={"setpasswordlink": (url, label)}), history="login_sent")
    return application
