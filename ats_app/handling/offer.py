"""Send offer: the status becomes Offer received, and the candidate gets the job-offer email as edited."""

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, start
from ats_app.applications.lifecycle import change_status
from ats_app.applications.transitions import LIVE
from ats_app.core.i18n import N_
from ats_app.mail.compose import EmailForm, EmailPlan, check_email, draft_for, queue_to_candidate, sender_user
from ats_app.mail.tag_values import recipients
from ats_app.models import Application, ApplicationStatus

KIND = "offer"


def prepare_offer(session: Session, user: CurrentUser, form: EmailForm) -> EmailPlan:
    """The offer email, checked once for the run."""
    return check_email(KIND, form)


def send_offer(session: Session, user: CurrentUser, application_id: int, plan: EmailPlan) -> Application:
    """Offer received, and the job-offer email in the candidate's language."""
    application = start(session, user, OFFER, application_id)
    change_status(session, user, application, ApplicationStatus.OFFER, OFFER.key)
    session.flush()
    [person] = recipients(session, [application_id], sender_user(session, user))
    queue_to_candidate(session, user, person, draft_for(plan.drafts, person.language), kind=KIND, purpose="offer",
                       sender=plan.sender)
    return application


OFFER: FurtherProgressAction[EmailForm, EmailPlan] = FurtherProgressAction(
    "offer", N_("Send offer"), rights=("can_make_offers",),
    allowed_from=LIVE - {ApplicationStatus.OFFER} | {ApplicationStatus.SAVED},
    form="compose", template_kind=KIND, prepare=prepare_offer, run_one=send_offer, sends_email=True)
