"""What an interview's emails say about it: its tags in the candidate's language and its calendar file.

Shared by the invitation, the reminders, a move and a cancellation, so every message describes the
interview the same way (dates in the candidate's language, times in the organisation's time zone).
"""

from babel.dates import format_date, format_time
from sqlmodel import Session, col, select

from ats_app.core import files
from ats_app.core.i18n import N_, babel_locale, gettext
from ats_app.interviews.ics import invitation_ics
from ats_app.mail.compose import Draft
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import company_name, organisation_zone
from ats_app.models import Candidate, Interview, InterviewRecruiter, User

TYPES = ("initial", "first", "second", "third")
MODES = ("in_person", "phone", "video", "group")
TYPE_LABELS = {"initial": N_("initial meeting / phone interview"), "first": N_("first interview"),
               "second": N_("second interview"), "third": N_("third interview")}
CONFIRM_LABEL = N_("Answer the invitation")
CONFIRM_TAG = "{confirmlink}"


def email_kind(interview_type: str) -> str:
    """The template kind of an invitation to this type of interview."""
    return f"interview.{interview_type}"


def _names(session: Session, user_ids: list[int]) -> list[str]:
    return list(session.exec(select(User.name).where(col(User.id).in_(user_ids)).order_by(col(User.name))))


def interview_values(session: Session, interview: Interview, language: str, link: str | None) -> TagValues:
    """The interview tags for one candidate's email (dates in their language, times local)."""
    zone = organisation_zone(session)
    local = interview.starts_at.astimezone(zone)
    recruiter_ids = list(session.exec(select(InterviewRecruiter.user_id)
                                      .where(InterviewRecruiter.interview_id == interview.id)))
    values = {"interviewdate": format_date(local.date(), "full", locale=babel_locale(language)),
              "interviewtime": format_time(local.time(), "HH:mm", locale=babel_locale(language)),
              "duration": f"{interview.duration_minutes} min", "address": interview.place or interview.video_link or "",
              "interviewers": ", ".join(_names(session, recruiter_ids)),
              "interviewtype": gettext(language, TYPE_LABELS.get(interview.interview_type, ""))}
    links = {"confirmlink": (link, gettext(language, CONFIRM_LABEL))} if link else {}
    return TagValues(values, links)


def with_answer_link(draft: Draft) -> Draft:
    """The draft with the answer link at the end, unless its content already places it."""
    if CONFIRM_TAG in draft.body:
        return draft
    return Draft(draft.language, draft.subject, draft.body.rstrip() + "\n\n" + CONFIRM_TAG)


def ics_attachment(session: Session, interview: Interview, candidate: Candidate, organizer: User | None,
                   cancelled: bool = False) -> dict:
    """The .ics attachment of an invitation (or, cancelled, of its cancellation), stored privately."""
    values = interview_values(session, interview, candidate.language, None).values
    summary = f"{values['interviewtype']} – {company_name(session)}"
    ics = invitation_ics(interview, summary=summary, location=values["address"], description=summary,
                         organizer=(organizer.name if organizer else company_name(session),
                                    organizer.email if organizer else "recruitment@example.com"),
                         attendee=(f"{candidate.first_name} {candidate.last_name}", candidate.email),
                         cancelled=cancelled)
    return {"filename": "invite.ics", "content_type": "text/calendar; charset=utf-8; method=" +
            ("CANCEL" if cancelled else "REQUEST"), "file_key": files.store_bytes(ics)}
