"""Send email: each ticked applicant gets their own copy in their language, from one editable draft per
language present.

It changes no status, so the whole run is written in one pass: one query for every recipient's tag
values, one flush, which keeps 1,000 personalised emails under 2 s. Every email is an outbox row with
a history line pointing at it, in the run's transaction.
"""

from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, require
from ats_app.applications.lookup import NOT_FOUND
from ats_app.applications.transitions import DELETED
from ats_app.core.errors import ActionRefused
from ats_app.core.i18n import N_
from ats_app.mail.compose import CUSTOM, EmailForm, EmailPlan, check_email, draft_for, queue_to_candidate, sender_user
from ats_app.mail.tag_values import recipients
from ats_app.models import Application, RecruitmentProject


def prepare_send_email(session: Session, user: CurrentUser, form: EmailForm) -> EmailPlan:
    """Sender, drafts and (for one applicant) an edited recipient address, checked field by field."""
    return check_email(CUSTOM, form, with_recipient=True)


def send_emails(session: Session, user: CurrentUser, application_ids: list[int],
                plan: EmailPlan) -> dict[int, ActionRefused | None]:
    """Each applicant gets their own copy in their language. Returns id → None (queued) or the refusal; the
    caller commits (everything queued here goes together)."""
    require(user, SEND_EMAIL)
    visible = dict(session.exec(
        select(Application.id, Application.deleted_at)
        .join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
        .where(col(Application.id).in_(application_ids), col(Application.moved_to_id).is_(None),
               visible_projects(user))).all())
    outcome: dict[int, ActionRefused | None] = {}
    wanted = []
    for application_id in application_ids:
        if application_id not in visible:
            outcome[application_id] = ActionRefused(NOT_FOUND)
        elif visible[application_id] is not None:
            outcome[application_id] = ActionRefused(DELETED)
        else:
            wanted.append(application_id)
    me = sender_user(session, user)
    for person in recipients(session, wanted, me):
        queue_to_candidate(session, user, person, draft_for(plan.drafts, person.language), kind=CUSTOM,
                           purpose="custom", sender=plan.sender, to=plan.recipient if len(wanted) == 1 else None)
        outcome[person.application_id] = None
    return outcome


SEND_EMAIL: FurtherProgressAction[EmailForm, EmailPlan] = FurtherProgressAction(
    "send_email", N_("Send email"), rights=("can_send_email",), form="compose", template_kind=CUSTOM,
    prepare=prepare_send_email, run_all=send_emails, sends_email=True)
