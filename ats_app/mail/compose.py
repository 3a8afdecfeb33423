"""Writing an email before it is sent: one editable draft per language, checked field by field.

Every email action (Send email, Send offer, Save and send, and later Reject and Invite) starts from a
template's text in each language present among the recipients, lets the recruiter edit it, and
checks Recipient, From, Subject and Content, naming the field that is wrong. Queueing renders each
recipient's own copy and writes it to the outbox with its history line, in the caller's transaction.
"""

import os
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from typing import TypedDict

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core import config
from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import LANGUAGES, N_, gettext, normalise_language
from ats_app.delivery.outbox import queue_email
from ats_app.mail.kinds import canonical_tag, kind_for
from ats_app.mail.markup import html_to_markdown, markdown_to_html
from ats_app.mail.render import RenderedEmail, TagValues, render_email, tags_in, unknown_tags
from ats_app.mail.tag_values import Recipient, company_name, recipients, requirement_of
from ats_app.mail.templates import SUBJECT_MAX, template_for
from ats_app.models import Application, ApplicationEvent, Candidate, Message, RecruitmentProject, User

_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


@dataclass
class Draft:
    """The email in one language as the recruiter edits it (body in the editor's text format)."""

    language: str
    subject: str
    body: str

    def as_dict(self) -> dict:
        return {"language": self.language, "subject": self.subject, "body": self.body}


def valid_address(address: str) -> bool:
    """True for a plain, well-formed email address."""
    return bool(_ADDRESS.match(address or "")) and len(address) <= 254


def check_recipient(recipient: str) -> str:
    """The recipient's address, or InvalidChoice on the recipient field saying why."""
    address = (recipient or "").strip()
    if not address:
        raise InvalidChoice("recipient", N_("Enter the recipient's email address."))
    if not valid_address(address):
        raise InvalidChoice("recipient", N_("{address} is not a valid email address."), address=address)
    return address


def sending_domains() -> set[str]:
    """Domains we may send from: those of the configured senders (ATS_MAIL_FROM and ATS_MAIL_FROM_<PURPOSE>,
    verified with the provider) and ATS_MAIL_DOMAINS."""
    senders = [config.mail_from()] + [v for k, v in os.environ.items() if k.startswith("ATS_MAIL_FROM_") and v]
    domains = {parseaddr(sender)[1].rpartition("@")[2].lower() for sender in senders}
    domains |= {d.strip().lower() for d in os.environ.get("ATS_MAIL_DOMAINS", "").split(",") if d.strip()}
    return domains - {""}


def mailbox(name: str, address: str) -> str:
    """"Name <address>" as people read it (UTF-8 kept: the provider encodes the header itself)."""
    name = " ".join((name or "").split())
    if not name:
        return address
    if any(c in name for c in ',;:<>@"()[]\\'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{address}>"


def check_sender(sender: str) -> str:
    """The From header ("Name <address>"), or InvalidChoice on the sender field saying why."""
    name, address = parseaddr((sender or "").strip())
    if not address:
        raise InvalidChoice("sender", N_("Enter the sender's email address."))
    if not valid_address(address):
        raise InvalidChoice("sender", N_("{address} is not a valid email address."), address=address)
    domain = address.rpartition("@")[2].lower()
    if domain not in sending_domains():
        raise InvalidChoice("sender", N_("Email can only be sent from an address at {domains}."),
                            domains=", ".join(sorted(sending_domains())))
    return mailbox(name, address)


def default_sender(user: CurrentUser | None, purpose: str | None = None) -> str:
    """The From a form starts with: the recruiter's name at the organisation's sending address."""
    configured = config.mail_from(purpose)
    if user is None:
        return configured
    return mailbox(user.name, parseaddr(configured)[1])


def languages_of(session: Session, application_ids: list[int]) -> list[str]:
    """The candidates' languages among these applications, most common first."""
    if not application_ids:
        return []
    found = session.exec(select(Candidate.language).join(Application, Application.candidate_id == Candidate.id)
                         .where(col(Application.id).in_(application_ids))).all()
    counts: dict[str, int] = {}
    for language in found:
        language = normalise_language(language)  # as recipients() reads it, so each gets their draft
        counts[language] = counts.get(language, 0) + 1
    return sorted(counts, key=lambda lang: (-counts[lang], lang))


def drafts_from_template(session: Session, kind: str, languages: list[str],
                         department_id: int | None = None) -> list[Draft]:
    """A draft per language, from the kind's template (department's, organisation's or default)."""
    drafts = []
    for language in languages:
        template = template_for(session, kind, language, department_id)
        drafts.append(Draft(language, template.subject, html_to_markdown(template.body_html)))
    return drafts


def blank_drafts(languages: list[str]) -> list[Draft]:
    """Empty drafts for an email written from scratch."""
    return [Draft(language, "", "") for language in languages]


def check_drafts(kind: str, drafts: list[Draft]) -> list[Draft]:
    """Raise InvalidChoice on "subject:<lang>" or "body:<lang>" when a draft cannot be sent."""
    if not drafts:
        raise InvalidChoice("body", N_("Write the content of the email."))
    for draft in drafts:
        subject = draft.subject.strip()
        if not subject:
            raise InvalidChoice(f"subject:{draft.language}", N_("Write a subject."))
        if "\n" in subject or len(subject) > SUBJECT_MAX:
            raise InvalidChoice(f"subject:{draft.language}",
                                N_("The subject must be one line of at most {max} characters."), max=SUBJECT_MAX)
        if not markdown_to_html(draft.body).replace("<p>", "").replace("</p>", "").strip():
            raise InvalidChoice(f"body:{draft.language}", N_("Write the content of the email."))
        for field, text in ((f"subject:{draft.language}", subject), (f"body:{draft.language}", draft.body)):
            unknown = unknown_tags(text, kind)
            if unknown:
                raise InvalidChoice(field, N_("Unknown tag {tags}: use one of the tags listed beside the editor."),
                                    tags=", ".join("{" + tag + "}" for tag in unknown))
    return drafts


class DraftForm(TypedDict):
    """One language's draft as a form sends it."""

    language: str
    subject: str
    body: str


class EmailForm(TypedDict, total=False):
    """An email form as the UI sends it: the sender, a draft per language and, for Send email to one
    applicant, the recipient's edited address."""

    sender: str
    drafts: list[DraftForm]
    recipient: str | None


@dataclass(frozen=True)
class EmailPlan:
    """The checked email of a run: every applicant gets the draft in their language."""

    sender: str
    drafts: list[Draft]
    recipient: str | None = None  # Send email to one applicant: the address it goes to instead of theirs


def drafts_from_choices(raw) -> list[Draft]:
    """Drafts from a form's plain dicts (state → service)."""
    drafts = []
    for item in raw or []:
        language = str(item.get("language", ""))
        if language in LANGUAGES:
            drafts.append(Draft(language, str(item.get("subject", "")), str(item.get("body", ""))))
    return drafts


def check_email(kind: str, form: EmailForm, *, required_tag: str | None = None,
                with_recipient: bool = False) -> EmailPlan:
    """The email form checked field by field: sender, each draft against kind's tags, a tag the email cannot
    do without (required_tag) and, with_recipient, an edited recipient address when one was sent."""
    sender = check_sender(form.get("sender", ""))
    drafts = check_drafts(kind, drafts_from_choices(form.get("drafts")))
    if required_tag:
        for draft in drafts:
            if required_tag not in {canonical_tag(tag) for tag in tags_in(draft.body)}:
                raise InvalidChoice(f"body:{draft.language}", N_("Keep {tag} in the content: the email is "
                                                                 "useless without it."), tag="{" + required_tag + "}")
    recipient = form.get("recipient")
    if with_recipient and recipient is not None:
        return EmailPlan(sender, drafts, check_recipient(recipient))
    return EmailPlan(sender, drafts)


def render_draft(session: Session, draft: Draft, kind: str, values: TagValues, language: str) -> RenderedEmail:
    """One recipient's copy of a draft."""
    return render_email(draft.subject, markdown_to_html(draft.body), values, kind=kind, language=language,
                        footer=company_name(session))


def draft_for(drafts: list[Draft], language: str) -> Draft:
    """The draft in language, else the first one (a language nobody edited falls back to the main one)."""
    return next((d for d in drafts if d.language == language), drafts[0])


def queue_to_candidate(session: Session, user: CurrentUser | None, recipient: Recipient, draft: Draft, *,
                       kind: str, purpose: str, sender: str, extra: TagValues | None = None,
                       to: str | None = None, history: str = "email_sent", scheduled_at: datetime | None = None,
                       interview_id: int | None = None, offer_id: int | None = None,
                       **history_payload) -> Message:
    """Render draft for recipient, queue it and write the history line that points at it (offer_id: the offer
    whose sealed link it carries)."""
    values = recipient.values
    if extra:
        values = TagValues({**values.values, **extra.values}, {**values.links, **extra.links})
    email = render_draft(session, draft, kind, values, recipient.language)
    reply_to = user.email if user else None
    message = queue_email(session, recipient=to or recipient.email, subject=email.subject, html=email.html,
                          text=email.text, sender=sender, reply_to=reply_to, purpose=purpose, kind=kind,
                          language=recipient.language, application_id=recipient.application_id,
                          created_by_id=user.id if user else None, scheduled_at=scheduled_at,
                          interview_id=interview_id, offer_id=offer_id)
    session.add(ApplicationEvent(application_id=recipient.application_id, project_id=recipient.project_id,
                                 actor_id=user.id if user else None, kind=history, message_id=message.id,
                                 payload={"purpose": purpose, **history_payload}))
    return message


def sender_user(session: Session, user: CurrentUser | None) -> User | None:
    """The User row behind the current user (for {recruitername} and {recruiteremail})."""
    return session.get(User, user.id) if user else None


# Templates the Send email form offers as a start (their tags are all plain candidate tags).
STARTING_POINTS = ("application_received", "transferred_to_cv_database")
PREVIEW_LINK = "/portal/set-password?token=PREVIEW"
CUSTOM = "custom"  # a free email: blank drafts, the candidate tags only


def candidate_email(session: Session, application_id: int) -> str:
    """The applicant's own address (the form starts from it when the recipient can be edited)."""
    application = session.get(Application, application_id)
    candidate = session.get(Candidate, application.candidate_id) if application else None
    return candidate.email if candidate else ""


def project_department(session: Session, application_id: int) -> int | None:
    """The department of the application's project: its templates come before the organisation's."""
    application = session.get(Application, application_id)
    project = session.get(RecruitmentProject, application.project_id) if application else None
    return project.department_id if project else None


def starting_drafts(session: Session, kind: str, languages: list[str], application_id: int) -> list[Draft]:
    """What an email form starts from: blank for a free email, else kind's template per language (the
    department's of the first applicant's project, else the organisation's, else the default)."""
    if kind == CUSTOM:
        return blank_drafts(languages)
    return drafts_from_template(session, kind, languages, project_department(session, application_id))


def preview(session: Session, user: CurrentUser, application_ids: list[int], draft: Draft, kind: str,
            extra: dict[str, str] | None = None) -> tuple[str, str]:
    """(candidate name, rendered HTML) of draft for the first applicant in its language (else the first);
    extra adds tag values the form fills itself (the rejection's message)."""
    people = recipients(session, application_ids[:200], sender_user(session, user))
    person = next((p for p in people if p.language == draft.language), people[0] if people else None)
    if person is None:
        return "", ""
    check_drafts(kind, [draft])
    values = TagValues({**person.values.values, **(extra or {})}, person.values.links)
    if "requirement" in kind_for(kind).tags:
        values.values["requirement"] = requirement_of(session, person.application_id, draft.language)
    if kind == "candidate_saved":
        values = TagValues(values.values, {"setpasswordlink": (config.link(PREVIEW_LINK),
                                                               gettext(draft.language, "Choose your password"))})
    return person.name, render_draft(session, draft, kind, values, draft.language).html
