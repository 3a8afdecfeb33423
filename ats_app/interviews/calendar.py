"""The Recruitment calendar: interviews by week or month, set an answer by hand, move an interview.

Times are the organisation's wall-clock times (Settings → time zone), the same ones the invitations
state, so a 09:00 interview reads 09:00 on either side of a daylight-saving change. No Reflex here.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple

from sqlmodel import Session, col, select

from ats_app.accounts.access import may_act, visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.history import record
from ats_app.applications.lookup import NOT_FOUND
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import N_
from ats_app.interviews import changes
from ats_app.interviews.invitation import DURATION_MINUTES
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import (
    Application,
    Candidate,
    Interview,
    InterviewAcceptance,
    InterviewRecruiter,
    RecruitmentProject,
    User,
)
from ats_app.models.base import utcnow

# The candidate's answer, as the calendar shows it (EasyCruit's "Acc. time").
ACCEPTANCE_LABELS = {
    InterviewAcceptance.AWAITING.value: N_("Awaiting response"),
    InterviewAcceptance.ACCEPTED.value: N_("Accepted"),
    InterviewAcceptance.NOT_ACCEPTED.value: N_("Not accepted"),
    InterviewAcceptance.CONTACT_NEW_TIME.value: N_("Contact for new time"),
    InterviewAcceptance.NOT_RELEVANT.value: N_("Not relevant"),
}
# What a recruiter may set by hand ("not relevant" follows a withdrawal, never a click).
SETTABLE = (InterviewAcceptance.AWAITING.value, InterviewAcceptance.ACCEPTED.value,
            InterviewAcceptance.NOT_ACCEPTED.value, InterviewAcceptance.CONTACT_NEW_TIME.value)
TYPE_LABELS = {
    "initial": N_("Initial meeting / phone interview"),
    "first": N_("First interview"),
    "second": N_("Second interview"),
    "third": N_("Third interview"),
}
MODE_LABELS = {"in_person": N_("In person"), "phone": N_("Phone"), "video": N_("Video"), "group": N_("Group")}
ENTRY_LIMIT = 2000  # a 6-week month of a very busy organisation still fits; the state holds only this range
DURATION_MIN, DURATION_MAX = DURATION_MINUTES  # as the invitation wizard allows


@dataclass(frozen=True)
class CalendarEntry:
    """One interview as the calendar shows it; times are local to the organisation."""

    id: int
    application_id: int
    candidate_name: str
    project_title: str
    interview_type: str
    mode: str
    starts: datetime
    ends: datetime
    duration_minutes: int
    acceptance: str
    recruiters: list[str] = field(default_factory=list)


class Week(NamedTuple):
    """An ISO week: its year and number, and its days Monday to Sunday."""

    year: int
    number: int
    days: list[date]


class CalendarFilters(NamedTuple):
    """The choices for the recruiter and project filters, as (id, name) pairs."""

    recruiters: list[tuple[int, str]]
    projects: list[tuple[int, str]]


def week_of(day: date) -> Week:
    """The Monday-first week holding day, with its ISO week number."""
    monday = day - timedelta(days=day.weekday())
    year, number, _ = monday.isocalendar()
    return Week(year, number, [monday + timedelta(days=i) for i in range(7)])


def month_grid(day: date) -> list[list[date]]:
    """Six Monday-first weeks from the week holding the 1st of day's month: always 6×7, so the
    page does not jump in height from month to month."""
    start = week_of(day.replace(day=1)).days[0]
    return [[start + timedelta(days=7 * w + d) for d in range(7)] for w in range(6)]


def _aware(value: datetime) -> datetime:
    """SQLite may hand back naive UTC."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _visible_interviews(user: CurrentUser):
    """Interviews not cancelled, on live applications in projects user may see."""
    return (select(Interview, Candidate, Application, RecruitmentProject.title)
            .join(Application, Application.id == Interview.application_id)
            .join(Candidate, Candidate.id == Application.candidate_id)
            .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
            .where(col(Interview.cancelled_at).is_(None), col(Application.deleted_at).is_(None),
                   col(Application.moved_to_id).is_(None), visible_projects(user)))


def interviews_between(session: Session, user: CurrentUser, start: date, end: date, *,
                       recruiter_id: int | None = None, project_id: int | None = None) -> list[CalendarEntry]:
    """Interviews starting on start … end (both included, organisation dates), in time order."""
    zone = organisation_zone(session)
    low = datetime.combine(start, time(0), zone).astimezone(timezone.utc)
    high = datetime.combine(end + timedelta(days=1), time(0), zone).astimezone(timezone.utc)
    query = _visible_interviews(user).where(Interview.starts_at >= low, Interview.starts_at < high)
    if recruiter_id:
        query = query.where(col(Interview.id).in_(
            select(InterviewRecruiter.interview_id).where(InterviewRecruiter.user_id == recruiter_id)))
    if project_id:
        query = query.where(Application.project_id == project_id)
    rows = session.exec(query.order_by(Interview.starts_at, Interview.id).limit(ENTRY_LIMIT)).all()
    names = _recruiter_names(session, [interview.id for interview, *_ in rows])
    entries = []
    for interview, candidate, application, title in rows:
        starts = _aware(interview.starts_at).astimezone(zone)
        entries.append(CalendarEntry(
            id=interview.id, application_id=application.id,
            candidate_name=f"{candidate.first_name} {candidate.last_name}".strip(), project_title=title,
            interview_type=interview.interview_type, mode=interview.mode, starts=starts,
            ends=(_aware(interview.starts_at) + timedelta(minutes=interview.duration_minutes)).astimezone(zone),
            duration_minutes=interview.duration_minutes, acceptance=InterviewAcceptance(interview.acceptance).value,
            recruiters=names.get(interview.id, [])))
    return entries


def _recruiter_names(session: Session, interview_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    if not interview_ids:
        return names
    rows = session.exec(select(InterviewRecruiter.interview_id, User.name)
                        .join(User, User.id == InterviewRecruiter.user_id)
                        .where(col(InterviewRecruiter.interview_id).in_(interview_ids))
                        .order_by(User.name)).all()
    for interview_id, name in rows:
        names.setdefault(interview_id, []).append(name)
    return names


def filters(session: Session, user: CurrentUser) -> CalendarFilters:
    """Recruiters taking part in an interview user may see, and the projects user may see."""
    seen = _visible_interviews(user).with_only_columns(Interview.id)
    recruiters = session.exec(select(User.id, User.name).distinct()
                              .join(InterviewRecruiter, InterviewRecruiter.user_id == User.id)
                              .where(col(InterviewRecruiter.interview_id).in_(seen))
                              .order_by(User.name, User.id)).all()
    projects = session.exec(select(RecruitmentProject.id, RecruitmentProject.title)
                            .where(visible_projects(user))
                            .order_by(RecruitmentProject.title, RecruitmentProject.id)).all()
    return CalendarFilters([(int(i), n) for i, n in recruiters], [(int(i), t) for i, t in projects])


def find_interview(session: Session, user: CurrentUser, interview_id: int) -> tuple[Interview, Application]:
    """A live interview user may change; NotAllowed for hiring managers, else ActionRefused("not found")."""
    if not may_act(user):
        raise NotAllowed("calendar")
    row = session.exec(_visible_interviews(user).where(Interview.id == interview_id)).first()
    if row is None:
        raise ActionRefused(NOT_FOUND)
    interview, _candidate, application, _title = row
    return interview, application


def set_acceptance(session: Session, user: CurrentUser, interview_id: int, acceptance: str) -> Interview:
    """Record the candidate's answer by hand (they phoned instead of clicking the link), with an
    "acceptance_set" history line. Setting the answer it already has changes nothing."""
    if acceptance not in SETTABLE:
        raise InvalidChoice("acceptance", N_("Choose an answer from the list."))
    interview, application = find_interview(session, user, interview_id)
    if InterviewAcceptance(interview.acceptance).value == acceptance:
        return interview
    interview.acceptance = InterviewAcceptance(acceptance)
    session.add(interview)
    record(session, user, application, "acceptance_set", acceptance=acceptance, interview_id=interview.id)
    return interview


def parse_move(session: Session, day_text: str, time_text: str, duration_text: str | int,
               *, now: datetime | None = None) -> tuple[datetime, int]:
    """The Move form's date, time (organisation wall clock) and duration as (aware UTC start, minutes);
    InvalidChoice names the field that is wrong."""
    zone = organisation_zone(session)
    try:
        day = date.fromisoformat(str(day_text or "").strip())
    except ValueError:
        raise InvalidChoice("date", N_("Enter a date.")) from None
    try:
        clock = time.fromisoformat(str(time_text or "").strip())
    except ValueError:
        raise InvalidChoice("time", N_("Enter a time, such as 09:30.")) from None
    local = datetime.combine(day, clock.replace(second=0, microsecond=0, tzinfo=None), zone)
    starts = local.astimezone(timezone.utc)
    if starts.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise InvalidChoice("time", N_("The clocks change then: that time does not exist on that day."))
    if starts <= (now or utcnow()):
        raise InvalidChoice("date", N_("The interview must be in the future."))
    try:
        minutes = int(str(duration_text).strip())
    except ValueError:
        minutes = 0
    if not DURATION_MIN <= minutes <= DURATION_MAX:
        raise InvalidChoice("duration", N_("Enter a duration from 10 to 480 minutes."))
    return starts, minutes


def move_interview(session: Session, user: CurrentUser, interview_id: int, day_text: str, time_text: str,
                   duration_text: str | int) -> Interview:
    """Move an interview to a new time: the interview service bumps the iCalendar sequence,
    reschedules the reminders and emails the candidate an updated invitation."""
    find_interview(session, user, interview_id)
    starts, minutes = parse_move(session, day_text, time_text, duration_text)
    return changes.reschedule_interview(session, user, interview_id, starts, minutes)
