"""The candidate's answer to an interview invitation ({confirmlink}): what the answer page shows, and
what each of its four buttons records.

The page is public (the link is the key), so everything here is about one interview and its own
application only. Answers follow EasyCruit's table (SPEC.md "Interviews"): coming → Accepted, not coming →
Not accepted, new time → Contact for new time (and a task for the recruiter), withdraw → Not relevant and
the status for the project Withdrawn. The candidate may change the answer until the interview is over,
except after withdrawing. Every answer leaves a history line with no actor and by="candidate".
Nothing here commits.
"""

from datetime import datetime, timedelta

from babel.dates import format_date, format_time
from sqlmodel import Session, col, select

from ats_app.applications.history import record
from ats_app.applications.lifecycle import withdraw
from ats_app.core import tokens
from ats_app.core.errors import ActionRefused, AnswerRefused
from ats_app.core.i18n import N_, babel_locale, gettext, normalise_language
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import Application, ApplicationStatus, Candidate, RecruitmentProject, Task, User
from ats_app.models.base import as_utc, utcnow
from ats_app.models.interview import Interview, InterviewAcceptance, InterviewRecruiter

ANSWERS = ("coming", "not_coming", "new_time", "withdraw")
ACCEPTANCE_FOR = {"coming": InterviewAcceptance.ACCEPTED, "not_coming": InterviewAcceptance.NOT_ACCEPTED,
                  "new_time": InterviewAcceptance.CONTACT_NEW_TIME,
                  "withdraw": InterviewAcceptance.NOT_RELEVANT}
ANSWER_FOR = {acceptance: answer for answer, acceptance in ACCEPTANCE_FOR.items()}
# The buttons, in EasyCruit's words ("Ja, jeg kommer", "Jeg kommer ikke", ...).
BUTTONS = {
    "coming": N_("Yes, I'm coming"),
    "not_coming": N_("I can't come"),
    "new_time": N_("Contact me for a new time"),
    "withdraw": N_("I want to withdraw my application"),
}
# What the thank-you page says was recorded.
RECORDED = {
    "coming": N_("We have noted that you are coming. Welcome!"),
    "not_coming": N_("We have noted that you cannot come."),
    "new_time": N_("We have noted that you would like a new time. The recruiter will contact you."),
    "withdraw": N_("Your application has been withdrawn."),
}
# The calendar's words (interviews.calendar), so recruiters and candidates read the same names.
TYPE_LABELS = {"initial": N_("Initial meeting / phone interview"), "first": N_("First interview"),
               "second": N_("Second interview"), "third": N_("Third interview")}
OTHER_TYPE = N_("Interview")
MODE_LABELS = {"in_person": N_("In person"), "phone": N_("Phone"), "video": N_("Video"), "group": N_("Group")}
# How each language joins a date and a time ("tirsdag 31. mars 2026 kl. 10:00–11:00"); Babel's own
# joiner is a comma, which no Nordic invitation uses.
AT_TIME = {"en": "{date}, {time}", "nb": "{date} kl. {time}", "da": "{date} kl. {time}", "sv": "{date} kl. {time}",
           "fi": "{date} klo {time}", "nl": "{date} om {time}"}
TASK_KIND = "new_interview_time"
TASK_NOTE = N_("{interview} on {when}: the candidate asks to be contacted for a new time.")
ALREADY_WITHDRAWN = N_("You have already withdrawn this application.")
CANNOT_WITHDRAW_NOW = N_("This application cannot be withdrawn now.")
INTERVIEW_OVER = N_("This interview is over, so the answer can no longer be changed.")


def ends_at(interview: Interview) -> datetime:
    return as_utc(interview.starts_at) + timedelta(minutes=interview.duration_minutes)


def link_gone(session: Session, token: str | None) -> bool:
    """True when the link was a real one whose interview is over or cancelled (410), not an unknown one (404)."""
    if not token or len(token) > 100:
        return False
    found = session.exec(select(Interview.id).where(Interview.confirm_token_hash == tokens.token_hash(token))).first()
    return found is not None


def application_of(session: Session, interview: Interview) -> Application | None:
    """The interview's application while the candidate may still see it (not deleted, not moved away)."""
    application = session.get(Application, interview.application_id)
    if application is None or application.deleted_at is not None or application.moved_to_id is not None:
        return None
    return application


def candidate_language(session: Session, interview: Interview) -> str:
    """The language the candidate chose when applying (English when unknown)."""
    application = session.get(Application, interview.application_id)
    candidate = session.get(Candidate, application.candidate_id) if application else None
    return normalise_language(candidate.language if candidate else None)


def closed(session: Session, interview: Interview) -> bool:
    """No more answers: the candidate has withdrawn (here or elsewhere)."""
    application = session.get(Application, interview.application_id)
    return (interview.acceptance == InterviewAcceptance.NOT_RELEVANT or application is None
            or application.status == ApplicationStatus.WITHDRAWN)


def when_text(interview: Interview, language: str, zone) -> str:
    """The interview's date and time span in language and the organisation's zone."""
    locale = babel_locale(language)
    start, end = as_utc(interview.starts_at).astimezone(zone), ends_at(interview).astimezone(zone)
    until = format_time(end, "short", locale=locale)
    if end.date() != start.date():  # past midnight: say which day it ends
        until = f"{_day(end, locale)} {until}"
    span = f"{format_time(start, 'short', locale=locale)}–{until}"
    return AT_TIME.get(language, AT_TIME["en"]).format(date=_day(start, locale), time=span)


def _day(moment: datetime, locale: str) -> str:
    return format_date(moment.date(), "full", locale=locale)


def _recruiter_names(session: Session, interview: Interview) -> list[str]:
    return list(session.exec(
        select(User.name).join(InterviewRecruiter, InterviewRecruiter.user_id == User.id)
        .where(InterviewRecruiter.interview_id == interview.id).order_by(User.name)).all())


def _safe_link(url: str | None) -> str | None:
    """A video link the page may make clickable (web addresses only, never javascript: and the like)."""
    url = (url or "").strip()
    return url if url.lower().startswith(("https://", "http://")) else None


def interview_view(session: Session, interview: Interview, language: str) -> dict:
    """What the answer page shows, in language: what, when, where, with whom, for which job, the answer."""
    language = normalise_language(language)
    application = session.get(Application, interview.application_id)
    project = session.get(RecruitmentProject, application.project_id) if application else None
    candidate = session.get(Candidate, application.candidate_id) if application else None
    answer = ANSWER_FOR.get(InterviewAcceptance(interview.acceptance))
    video = (interview.video_link or "").strip() or None
    return {
        "project_title": project.title if project else "",
        "first_name": candidate.first_name if candidate and not candidate.anonymised_at else "",
        "what": gettext(language, TYPE_LABELS.get(interview.interview_type, OTHER_TYPE)),
        "mode": interview.mode,
        "mode_label": gettext(language, MODE_LABELS.get(interview.mode, MODE_LABELS["in_person"])),
        "when": when_text(interview, language, organisation_zone(session)),
        "place": (interview.place or "").strip() or None,
        "video_link": video,
        "video_href": _safe_link(video),
        "recruiters": _recruiter_names(session, interview),
        "answer": answer,
        "answer_label": gettext(language, BUTTONS[answer]) if answer else None,
        "recorded": gettext(language, RECORDED[answer]) if answer else None,
        "closed": closed(session, interview),
    }


def _assignee(session: Session, interview: Interview, application: Application) -> int | None:
    """Who finds the new time: whoever set up the interview, else its first recruiter, else the project owner."""
    if interview.created_by_id is not None:
        return interview.created_by_id
    first = session.exec(select(InterviewRecruiter.user_id).where(InterviewRecruiter.interview_id == interview.id)
                         .order_by(col(InterviewRecruiter.user_id))).first()
    if first is not None:
        return first
    project = session.get(RecruitmentProject, application.project_id)
    return project.owner_id if project else None


def _new_time_task(session: Session, interview: Interview, application: Application, now: datetime) -> Task | None:
    """A task to find a new time, unless one is still open for this application."""
    open_task = session.exec(select(Task).where(Task.application_id == application.id, Task.kind == TASK_KIND,
                                                col(Task.done_at).is_(None))).first()
    if open_task is not None:
        return None
    assignee_id = _assignee(session, interview, application)
    assignee = session.get(User, assignee_id) if assignee_id else None
    language = normalise_language(assignee.language if assignee else None)
    note = gettext(language, TASK_NOTE).format(
        interview=gettext(language, TYPE_LABELS.get(interview.interview_type, OTHER_TYPE)),
        when=when_text(interview, language, organisation_zone(session)))
    task = Task(application_id=application.id, assignee_id=assignee_id, kind=TASK_KIND, note=note, due_at=now,
                created_at=now)
    session.add(task)
    return task


def answer(session: Session, interview: Interview, choice: str, now: datetime | None = None) -> bool:
    """Record the candidate's answer; False when it is the answer already recorded (a second tap changes
    nothing). Raises AnswerRefused when the interview is over or cancelled, the candidate has withdrawn,
    or the application can no longer be withdrawn; ValueError for an unknown choice."""
    if choice not in ANSWERS:
        raise ValueError(f"unknown answer {choice!r}")
    now = now or utcnow()
    application = application_of(session, interview)
    if application is None:
        raise AnswerRefused(CANNOT_WITHDRAW_NOW)
    if interview.cancelled_at is not None or ends_at(interview) < now:
        raise AnswerRefused(INTERVIEW_OVER)
    if closed(session, interview):
        raise AnswerRefused(ALREADY_WITHDRAWN)
    acceptance = ACCEPTANCE_FOR[choice]
    if interview.acceptance == acceptance:
        return False
    if choice == "withdraw":
        try:
            withdraw(session, None, application, by="candidate")
        except ActionRefused:
            raise AnswerRefused(CANNOT_WITHDRAW_NOW) from None
    elif choice == "new_time":
        _new_time_task(session, interview, application, now)
    interview.acceptance = acceptance
    interview.answered_at = now
    session.add(interview)
    record(session, None, application, "interview_answered", answer=choice, interview_id=interview.id,
           by="candidate")
    session.flush()
    return True
