"""The panel's own emails: the completion notice to the requester and the day-before reminder to a reviewer.

Both are developer-owned texts (the invitation itself is the editable "panel review" template), written in
the reader's language: the requester's UI language, the reviewer's chosen one. They go through the outbox like
every email; the reminder carries the reviewer's sealed link as a placeholder.
"""

from markupsafe import Markup
from sqlmodel import Session

from ats_app.core import config
from ats_app.core.i18n import N_, format_day, gettext
from ats_app.delivery.outbox import queue_email
from ats_app.mail.render import plain_text, wrap_in_layout
from ats_app.mail.tag_values import company_name
from ats_app.models import Message, PanelReview, RecruitmentProject, Reviewer, User
from ats_app.panel_review import panels

COMPLETION_PURPOSE = "panel_completed"
REMINDER_PURPOSE = "panel_reminder"


def _paragraphs(*lines: str) -> str:
    """Each line a paragraph; plain text is escaped, Markup (a link) kept."""
    return "".join(str(Markup("<p>{0}</p>").format(line)) for line in lines)


def queue_completion(session: Session, panel: PanelReview, reviewer: Reviewer) -> Message | None:
    """Tell the user who sent the panel that one reviewer has completed (None when that user is gone)."""
    requester = session.get(User, panel.created_by_id) if panel.created_by_id else None
    if requester is None or not requester.active:
        return None
    project = session.get(RecruitmentProject, panel.project_id)
    language = requester.language
    _ = lambda message: gettext(language, message)  # noqa: E731
    who = reviewer.name or reviewer.email
    subject = _(N_("{reviewer} has completed the review for {project}")).format(reviewer=who, project=project.title)
    link = config.link(f"/projects/{project.id}")
    body = _paragraphs(
        _(N_("{reviewer} has rated the candidates you sent for review for {project}.")).format(
            reviewer=who, project=project.title),
        Markup('<a href="{0}">{1}</a>').format(link, _(N_("See the ratings in the project"))))
    html = wrap_in_layout(body, subject, language, company_name(session))
    return queue_email(session, recipient=requester.email, subject=subject, html=html, text=plain_text(html),
                       sender=config.mail_from(COMPLETION_PURPOSE), purpose=COMPLETION_PURPOSE,
                       kind=COMPLETION_PURPOSE, language=language, created_by_id=None)


def queue_reminder(session: Session, panel: PanelReview, reviewer: Reviewer, sender: str) -> Message:
    """Remind a reviewer who has not completed that the due date is tomorrow, with their link."""
    project = session.get(RecruitmentProject, panel.project_id)
    language = reviewer.language
    _ = lambda message: gettext(language, message)  # noqa: E731
    subject = _(N_("Reminder: please rate the candidates for {project}")).format(project=project.title)
    due = format_day(panel.due_date, language)
    count = len(panels.candidates(session, panel.id))
    body = _paragraphs(
        _(N_("Hi {name},")).format(name=reviewer.name or reviewer.email),
        _(N_("This is a reminder that the review of {count} candidates for {project} is due on {date}.")).format(
            count=count, project=project.title, date=due),
        Markup('<a href="{0}">{1}</a>').format(panels.review_link(reviewer), _(N_("Review the candidates"))),
        _(N_("The link is personal, so please do not forward it.")))
    html = wrap_in_layout(body, subject, language, company_name(session))
    return queue_email(session, recipient=reviewer.email, subject=subject, html=html, text=plain_text(html),
                       sender=sender, purpose=REMINDER_PURPOSE, kind=REMINDER_PURPOSE, language=language,
                       reviewer_id=reviewer.id)
