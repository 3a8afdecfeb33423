"""The emails that carry a user's one-time password link: the invitation and "forgot password". Developer-owned
texts in the reader's language; the outbox holds the sealed placeholder and the worker puts the token in as
the email leaves, so nobody reading the Outbox (or a backup) can use the link."""

from markupsafe import Markup
from sqlmodel import Session

from ats_app.accounts import password_links
from ats_app.core import config
from ats_app.core.i18n import N_, gettext
from ats_app.delivery.outbox import queue_email
from ats_app.mail.render import plain_text, wrap_in_layout
from ats_app.mail.tag_values import company_name
from ats_app.models import Message, User, UserLink

INVITATION_PURPOSE = "user_invitation"
RESET_PURPOSE = "password_reset"


def _paragraphs(*lines: str) -> str:
    """Each line a paragraph; plain text is escaped, Markup (a link) kept."""
    return "".join(str(Markup("<p>{0}</p>").format(line)) for line in lines)


def queue_link_email(session: Session, user: User, link: UserLink, *, inviter: str = "",
                     created_by_id: int | None = None) -> Message:
    """The invitation (link.purpose INVITE) or reset email for user, with link sealed, in user's language."""
    language = user.language
    _ = lambda message: gettext(language, message)  # noqa: E731
    company = company_name(session)
    url = password_links.set_password_url(link, sealed=True)
    if link.purpose == password_links.INVITE:
        purpose = INVITATION_PURPOSE
        subject = _(N_("You are invited to {company}'s recruitment system")).format(company=company)
        lines = [
            _(N_("Hi {name},")).format(name=user.name),
            _(N_("{inviter} has invited you to {company}'s recruitment system. Your username is {email}.")).format(
                inviter=inviter or company, company=company, email=user.email),
            Markup('<a href="{0}">{1}</a>').format(url, _(N_("Choose your password"))),
            _(N_("The link works once, for 7 days. If it has expired, ask for a new one on the log-in page "
                 "(Forgot password).")),
        ]
    else:
        purpose = RESET_PURPOSE
        subject = _(N_("Choose a new password for {company}'s recruitment system")).format(company=company)
        lines = [
            _(N_("Hi {name},")).format(name=user.name),
            _(N_("Someone asked for a new password for {email}. If it was you, choose one here:")).format(
                email=user.email),
            Markup('<a href="{0}">{1}</a>').format(url, _(N_("Choose a new password"))),
            _(N_("The link works once, for 2 hours. If you did not ask, ignore this email: your password stays "
                 "as it is.")),
        ]
    html = wrap_in_layout(_paragraphs(*lines), subject, language, company)
    return queue_email(session, recipient=user.email, subject=subject, html=html, text=plain_text(html),
                       sender=config.mail_from(purpose), purpose=purpose, kind=purpose, language=language,
                       created_by_id=created_by_id, user_link_id=link.id)
