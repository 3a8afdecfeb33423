"""The Recruitment calendar page: the shown week or month, its filters, and the interview dialog.

The state holds only the visible range (at most 42 days of interviews), formatted for the user's
language; the rules (who sees what, setting an answer, moving) live in interviews.calendar.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import reflex as rx
from babel.dates import format_interval, format_skeleton, format_time, get_day_names

from ats_app.accounts.access import ACTING_ROLES, may_act
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import babel_locale, gettext
from ats_app.delivery import worker as delivery_worker
from ats_app.interviews import calendar, changes
from ats_app.mail.tag_values import organisation_zone
from ats_app.models.base import utcnow
from ats_app.ui.paged_state import one_of

VIEWS = ("week", "month")
STEPS = ("previous", "today", "next")
ACTORS = ACTING_ROLES
MOVE_FIELDS = {"move_date": 10, "move_time": 8, "move_duration": 4}
FORM_FIELDS = ("acceptance", "date", "time", "duration")  # errors other than these show under the dialog


@dataclass
class Option:
    """One choice in a filter."""

    value: str
    label: str


@dataclass
class EntryView:
    """One interview card, in the organisation's time and the user's language."""

    id: int
    href: str
    candidate: str
    project: str
    interview_type: str
    mode: str
    time_range: str
    start_time: str
    acceptance: str
    recruiters: str
    day: str
    clock: str
    duration: int


@dataclass
class DayView:
    """One column of the week or one cell of the month."""

    iso: str
    label: str
    is_today: bool
    in_month: bool
    interviews: list[EntryView] = field(default_factory=list)


def _read_range(session, user, first: date, last: date, recruiter_id: int | None, project_id: int | None):
    zone = organisation_zone(session)
    entries = calendar.interviews_between(session, user, first, last, recruiter_id=recruiter_id,
                                          project_id=project_id)
    return zone, entries


def _today(session) -> date:
    return utcnow().astimezone(organisation_zone(session)).date()


def entry_view(entry: calendar.CalendarEntry, language: str) -> EntryView:
    """A CalendarEntry made ready for a card."""
    locale = babel_locale(language)
    start = format_time(entry.starts, "short", tzinfo=entry.starts.tzinfo, locale=locale)
    end = format_time(entry.ends, "short", tzinfo=entry.ends.tzinfo, locale=locale)
    return EntryView(id=entry.id, href=f"/applications/{entry.application_id}", candidate=entry.candidate_name,
                     project=entry.project_title, interview_type=entry.interview_type, mode=entry.mode,
                     time_range=f"{start}–{end}", start_time=start, acceptance=entry.acceptance,
                     recruiters=", ".join(entry.recruiters), day=entry.starts.date().isoformat(),
                     clock=entry.starts.strftime("%H:%M"), duration=entry.duration_minutes)


def day_views(days: list[date], entries: list[calendar.CalendarEntry], *, view: str, anchor: date, today: date,
              language: str) -> list[DayView]:
    """The shown days, each with its interviews in time order."""
    by_day: dict[date, list[EntryView]] = {}
    for entry in entries:
        by_day.setdefault(entry.starts.date(), []).append(entry_view(entry, language))
    locale = babel_locale(language)
    return [DayView(iso=d.isoformat(),
                    label=format_skeleton("MMMEd", d, locale=locale) if view == "week" else str(d.day),
                    is_today=d == today, in_month=view == "week" or d.month == anchor.month,
                    interviews=by_day.get(d, [])) for d in days]


def range_title(view: str, anchor: date, language: str) -> str:
    """ "Week 12 · 16–22 Mar 2026" or "March 2026", in the user's language."""
    locale = babel_locale(language)
    if view == "week":
        week = calendar.week_of(anchor)
        return gettext(language, "Week {number}").format(number=week.number) + " · " + \
            format_interval(week.days[0], week.days[-1], "yMMMd", locale=locale)
    title = format_skeleton("yMMMM", anchor, locale=locale)
    return title[:1].upper() + title[1:]


def _shift(view: str, anchor: date, step: int) -> date:
    if view == "week":
        return anchor + timedelta(days=7 * step)
    month = anchor.month - 1 + step
    return date(anchor.year + month // 12, month % 12 + 1, 1)


def _id_or_none(value: str) -> int | None:
    return int(value) if value.isdigit() else None


class CalendarState(rx.State):
    """The shown range and filters, its interviews, and the open interview's dialog."""

    view: str = "week"
    anchor: str = ""  # ISO date of a day in the shown range
    recruiter: str = ""  # a user id as text; "" for every recruiter
    project: str = ""
    recruiter_options: list[Option] = []
    project_options: list[Option] = []
    title: str = ""
    weekdays: list[str] = []
    days: list[DayView] = []
    zone: str = ""
    can_act: bool = False
    notice: str = ""
    edit_id: int = 0
    edit_candidate: str = ""
    edit_summary: str = ""
    edit_acceptance: str = ""
    move_date: str = ""
    move_time: str = ""
    move_duration: str = ""
    errors: dict[str, str] = {}

    def _anchor(self) -> date | None:
        try:
            return date.fromisoformat(self.anchor)
        except ValueError:
            return None

    async def _reload(self) -> None:
        user = current_user()
        anchor = self._anchor() or await run_in_session(_today)
        self.anchor = anchor.isoformat()
        days = calendar.week_of(anchor).days if self.view == "week" else \
            [d for week in calendar.month_grid(anchor) for d in week]
        zone, entries = await run_in_session(_read_range, user, days[0], days[-1], _id_or_none(self.recruiter),
                                             _id_or_none(self.project))
        today = utcnow().astimezone(zone).date()
        self.zone, self.can_act = str(zone.key), may_act(user)
        self.days = day_views(days, entries, view=self.view, anchor=anchor, today=today, language=user.language)
        self.title = range_title(self.view, anchor, user.language)
        names = get_day_names("abbreviated", locale=babel_locale(user.language))
        self.weekdays = [names[i] for i in range(7)]

    @rx.event
    @requires()
    async def load(self):
        """Open on the current week (or the range last shown), with the filter choices."""
        user = current_user()
        self.notice, self.edit_id, self.errors = "", 0, {}
        choices = await run_in_session(calendar.filters, user)
        self.recruiter_options = [Option(str(i), name) for i, name in choices.recruiters]
        self.project_options = [Option(str(i), title) for i, title in choices.projects]
        if self.recruiter not in {o.value for o in self.recruiter_options}:
            self.recruiter = ""
        if self.project not in {o.value for o in self.project_options}:
            self.project = ""
        await self._reload()

    @rx.event
    @requires()
    async def set_view(self, view: str | list[str]):
        """Week or Month, around the day shown now."""
        self.view = one_of(view, VIEWS)
        await self._reload()

    @rx.event
    @requires()
    async def step(self, direction: str):
        """Previous, Today or Next week or month."""
        direction = one_of(direction, STEPS)
        anchor = self._anchor()
        if direction == "today" or anchor is None:
            self.anchor = ""
        else:
            self.anchor = _shift(self.view, anchor, -1 if direction == "previous" else 1).isoformat()
        await self._reload()

    @rx.event
    @requires()
    async def set_recruiter(self, value: str):
        """Only the interviews this recruiter takes part in ("" for all)."""
        value = str(value or "")
        self.recruiter = value if value in {o.value for o in self.recruiter_options} else ""
        await self._reload()

    @rx.event
    @requires()
    async def set_project(self, value: str):
        """Only this project's interviews ("" for all)."""
        value = str(value or "")
        self.project = value if value in {o.value for o in self.project_options} else ""
        await self._reload()

    @rx.event
    @requires(roles=ACTORS)
    async def open_interview(self, interview_id: int):
        """The dialog to set the candidate's answer or move the interview."""
        entry = next((e for d in self.days for e in d.interviews if e.id == int(interview_id)), None)
        if entry is None:
            return
        self.edit_id, self.edit_candidate, self.edit_acceptance = entry.id, entry.candidate, entry.acceptance
        day = format_skeleton("yMMMEd", date.fromisoformat(entry.day), locale=babel_locale(current_user().language))
        self.edit_summary = f"{day} {entry.time_range} · {entry.project}"
        self.move_date, self.move_time, self.move_duration = entry.day, entry.clock, str(entry.duration)
        self.errors, self.notice = {}, ""

    @rx.event
    @requires()
    async def close_interview(self):
        """Close the dialog; nothing changes."""
        self.edit_id, self.errors = 0, {}

    @rx.event
    @requires(roles=ACTORS)
    async def set_move_field(self, name: str, value: str):
        """The Move form's date, time or duration changed."""
        if name in MOVE_FIELDS:
            setattr(self, name, str(value or "")[:MOVE_FIELDS[name]])
            self.errors = {k: v for k, v in self.errors.items() if k != name.removeprefix("move_")}

    @rx.event
    @requires(roles=ACTORS)
    async def choose_acceptance(self, acceptance: str):
        """Set the candidate's answer by hand (they phoned or wrote instead of using the link)."""
        user = current_user()
        if not self.edit_id:
            return
        try:
            await run_in_session(calendar.set_acceptance, user, self.edit_id, str(acceptance))
        except InvalidChoice as invalid:
            self.errors = {"acceptance": gettext(user.language, invalid.message).format(**invalid.params)}
            return
        except (NotAllowed, ActionRefused) as refused:
            self.errors = {"general": _refusal(refused, user.language)}
            return
        self.edit_acceptance, self.errors = str(acceptance), {}
        self.notice = gettext(user.language, "The candidate's answer is saved.")
        await self._reload()

    @rx.event
    @requires(roles=ACTORS)
    async def move_interview(self):
        """Move the interview; the candidate gets an updated invitation by email."""
        user = current_user()
        if not self.edit_id:
            return
        try:
            await run_in_session(calendar.move_interview, user, self.edit_id, self.move_date, self.move_time,
                                 self.move_duration)
        except InvalidChoice as invalid:
            name = invalid.field if invalid.field in FORM_FIELDS else "general"
            self.errors = {name: gettext(user.language, invalid.message).format(**invalid.params)}
            return
        except (NotAllowed, ActionRefused) as refused:
            self.errors = {"general": _refusal(refused, user.language)}
            return
        delivery_worker.poke()
        self.notice = gettext(user.language, "Interview moved. The candidate gets an updated invitation by email.")
        self.edit_id, self.errors = 0, {}
        moved = calendar.week_of(date.fromisoformat(self.move_date)).days[0] if self.view == "week" else \
            date.fromisoformat(self.move_date)
        self.anchor = moved.isoformat()
        await self._reload()

    @rx.event
    @requires(roles=ACTORS)
    async def cancel_interview(self):
        """Call the interview off; the candidate gets an email with a cancelled calendar invitation."""
        user = current_user()
        if not self.edit_id:
            return
        try:
            await run_in_session(changes.cancel_interview, user, self.edit_id)
        except (NotAllowed, ActionRefused) as refused:
            self.errors = {"general": _refusal(refused, user.language)}
            return
        delivery_worker.poke()
        self.notice = gettext(user.language, "Interview cancelled. The candidate is told by email.")
        self.edit_id, self.errors = 0, {}
        await self._reload()


def _refusal(refused: Exception, language: str) -> str:
    if isinstance(refused, ActionRefused):
        return gettext(language, "Not done: {reason}").format(
            reason=gettext(language, refused.reason).format(**refused.params))
    return gettext(language, "You do not have the right to do this.")

