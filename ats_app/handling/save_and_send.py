"""Save and send username/password: the candidate is saved in the CV database and emailed a one-time link
to choose a password for the candidate portal.

No password is ever emailed: the link (48 h, single use) lets the candidate choose one, and the outbox
row holds only its placeholder. A saved candidate can be sent a new link (the old one is revoked).
"""

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, start
from ats_app.applications.lifecycle import change_status
from ats_app.applications.transitions import LIVE
from ats_app.core.i18n import N_, gettext
from ats_app.mail.compose import EmailForm, EmailPlan, check_email, draft_for, queue_to_candidate, sender_user
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import recipients
from ats_app.models import Application, ApplicationStatus, Candidate
from ats_app.portal.accounts import issue_set_password_link

KIND = "candidate_saved"
LINK_TAG = "setpasswordlink"  # the candidate's only way into the portal: the email is useless without it


def prepare_save_and_send(session: Session, user: CurrentUser, form: EmailForm) -> EmailPlan:
    """The email, checked once for the run; it must keep the set-password link."""
    return check_email(KIND, form, required_tag=LINK_TAG)


def save_and_send_login(session: Session, user: CurrentUser, application_id: int, plan: EmailPlan) -> Application:
    """Saved (unless it already is), and the set-password link emailed in the candidate's language."""
    application = start(session, user, SAVE_AND_SEND, application_id)
    if application.status != ApplicationStatus.SAVED:  # a saved candidate only gets a new link (the old one is revoked)
        change_status(session, user, application, ApplicationStatus.SAVED, "save")
        session.flush()
    candidate = session.get(Candidate, application.candidate_id)
    [person] = recipients(session, [application_id], sender_user(session, user))
    url = issue_set_password_link(session, candidate, sealed=True)  # the outbox never holds the token
    label = gettext(person.language, "Choose your password")
    queue_to_candidate(session, user, person, draft_for(plan.drafts, person.language), kind=KIND,
                       purpose="candidate_saved", sender=plan.sender,
                       extra=TagValues(links={LINK_TAG: (url, label)}), history="login_sent")
    return application


SAVE_AND_SEND: FurtherProgressAction[EmailForm, EmailPlan] = FurtherProgressAction(
    "save_and_send", N_("Save and send username/password"), rights=("can_send_email",),
    # A saved candidate can be sent a new set-password link.
    allowed_from=LIVE | {ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.SAVED},
    form="compose", template_kind=KIND, prepare=prepare_save_and_send, run_one=save_and_send_login,
    sends_email=True)
