"""Forward to email: a candidate's profile sent to a colleague or hiring manager.

The email is written in the sender's language (it goes to a colleague, not the candidate) from a
developer-owned template. *Anonymise personal data* replaces the profile by privacy.anonymise's
(pseudonym, age band, city, redacted free text) and attaches a CV rebuilt from the redacted text,
never the original file; *Do not include attachments/CV* attaches nothing. The history says to whom
and with which options.
"""

import mimetypes
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TypedDict

from jinja2 import FileSystemLoader
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup
from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, require
from ats_app.applications.history import record
from ats_app.applications.lookup import find_application
from ats_app.core import files
from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import LANGUAGES, N_, format_day, gettext
from ats_app.core.phones import readable_phone
from ats_app.delivery.outbox import queue_email
from ats_app.mail.compose import check_recipient, check_sender
from ats_app.mail.render import plain_text, wrap_in_layout
from ats_app.mail.tag_values import company_name, long_date
from ats_app.models import Candidate, RecruitmentProject
from ats_app.privacy.anonymise import anonymised_cv_pdf, anonymised_profile
from ats_app.projects import screening

_ENV = ImmutableSandboxedEnvironment(loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
                                     autoescape=True)
NOTE_MAX = 2000


class ForwardForm(TypedDict, total=False):
    """The Forward form as the UI sends it."""

    recipient: str
    sender: str
    note: str
    anonymise: bool
    without_attachments: bool


@dataclass(frozen=True)
class ForwardPlan:
    """The checked form, for every forwarded applicant of the run."""

    recipient: str
    sender: str
    note: str = ""
    anonymise: bool = False
    without_attachments: bool = False


def prepare_forward(session: Session, user: CurrentUser, form: ForwardForm) -> ForwardPlan:
    """Check the form once for the whole run: recipient, sender, note, and the two options."""
    note = str(form.get("note") or "").strip()
    if len(note) > NOTE_MAX:
        raise InvalidChoice("note", N_("The note can be at most {max} characters."), max=NOTE_MAX)
    return ForwardPlan(check_recipient(form.get("recipient", "")), check_sender(form.get("sender", "")), note,
                       bool(form.get("anonymise")), bool(form.get("without_attachments")))


def _paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


@lru_cache(maxsize=1)
def _template():
    return _ENV.get_template("forward.html")


def _answers(project: RecruitmentProject, answers: dict, language: str) -> list[tuple[str, str]]:
    """(question in language, answer in words) for each answered screening question."""
    return screening.answered(screening.questions_of(project.screening_questions), answers, language,
                              lambda text: gettext(language, text))


def _profile(candidate: Candidate, application, project: RecruitmentProject, language: str, anonymise: bool) -> dict:
    _ = lambda message: gettext(language, message)  # noqa: E731
    if anonymise:
        anon = anonymised_profile(candidate, application, date.today(), language=language)
        facts = [(_(N_("Age")), anon["age_band"]), (_(N_("City")), anon["city"]),
                 (_(N_("Language")), LANGUAGES.get(anon["language"], ""))]
        return {"name": anon["ref"], "facts": [(k, v) for k, v in facts if v],
                "cover_letter": _paragraphs(anon["cover_letter"]),
                "answers": _answers(project, anon["screening_answers"] or {}, language),
                "cv_text": _paragraphs(anon["cv_text"])}
    town = " ".join(x for x in (candidate.postal_code, candidate.city) if x)
    address = ", ".join(p for p in (candidate.address, town) if p)
    facts = [(_(N_("Email")), candidate.email), (_(N_("Mobile")), readable_phone(candidate.mobile or "")),
             (_(N_("Address")), address), (_(N_("Date of birth")), format_day(candidate.birth_date, language)),
             (_(N_("Language")), LANGUAGES.get(candidate.language, ""))]
    return {"name": f"{candidate.first_name} {candidate.last_name}", "facts": [(k, v) for k, v in facts if v],
            "cover_letter": _paragraphs(application.cover_letter),
            "answers": _answers(project, application.screening_answers or {}, language),
            "cv_text": _paragraphs(candidate.cv_text)}


def forward_application(session: Session, user: CurrentUser, application_id: int, plan: ForwardPlan):
    """Queue the profile email to the plan's recipient and write the history line."""
    require(user, FORWARD)
    application = find_application(session, user, application_id)
    recipient, sender, note = plan.recipient, plan.sender, plan.note
    anonymise, without_attachments = plan.anonymise, plan.without_attachments
    candidate = session.get(Candidate, application.candidate_id)
    project = session.get(RecruitmentProject, application.project_id)
    language = user.language
    _ = lambda message: gettext(language, message)  # noqa: E731
    profile = _profile(candidate, application, project, language, anonymise)
    attachments, attachment_name = [], ""
    if not without_attachments:
        if anonymise:
            pdf = anonymised_cv_pdf(candidate, date.today(), language=language)
            if pdf:
                attachment_name = f"{profile['name']}.pdf"
                attachments = [{"filename": attachment_name, "content_type": "application/pdf",
                                "file_key": files.store_bytes(pdf)}]
        elif candidate.cv_file_key:
            attachment_name = candidate.cv_filename or "cv.pdf"
            content_type = mimetypes.guess_type(attachment_name)[0] or "application/octet-stream"
            attachments = [{"filename": attachment_name, "content_type": content_type,
                            "file_key": candidate.cv_file_key}]
    body = _template().render(_=_, note=note, profile=profile, project_title=project.title,
                              applied=long_date(application.applied_at.date(), language), anonymised=anonymise,
                              attachment=attachment_name, sender_name=user.name)
    subject = _("Candidate for {project}: {name}").format(project=project.title, name=profile["name"])
    html = wrap_in_layout(str(Markup(body)), subject, language, company_name(session))
    message = queue_email(session, recipient=recipient, subject=subject, html=html, text=plain_text(html),
                          sender=sender, reply_to=user.email, purpose="forward", kind="forward", language=language,
                          application_id=application.id, created_by_id=user.id, attachments=attachments)
    record(session, user, application, "forwarded", message_id=message.id, recipient=recipient, anonymised=anonymise,
           attachments=bool(attachments))
    return application


FORWARD: FurtherProgressAction[ForwardForm, ForwardPlan] = FurtherProgressAction(
    "forward", N_("Forward to email"), form="compose", prepare=prepare_forward, run_one=forward_application,
    sends_email=True)
