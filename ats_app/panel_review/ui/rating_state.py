"""The Collaborative rating section's state: the rules (panel_review.results) decide what the user sees and may
give; this keeps the lines as small formatted rows and the user's own rating form."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, InvalidInput, ReviewClosed
from ats_app.core.i18n import N_, format_average, format_day, format_moment, gettext
from ats_app.handling.ui.application_state import ApplicationState
from ats_app.panel_review import results, reviewing

_APPLICATION_PATH = re.compile(r"/applications/(\d+)")
SENT_DUE = N_("Sent {sent}, due {due}")
SENT = N_("Sent {sent}")
SAVED = N_("Your rating is saved.")


@dataclass
class RatingLineView:
    """One rating as the section lists it, formatted for the user."""

    reviewer: str
    internal: bool
    panel: str  # "Sent 3 Dec 2026, due 10 Dec 2026"
    score: str  # "6", or "–" when only a comment was given
    comment: str
    at: str
    mine: bool
    revoked: bool


@dataclass
class HiddenView:
    """A panel whose other ratings stay hidden until the user has completed their review of it."""

    panel: str
    hidden: int


def _panel_label(sent_at: datetime, due_date: date | None, language: str, time_zone: str) -> str:
    sent = format_day(sent_at.astimezone(ZoneInfo(time_zone)).date() if sent_at.tzinfo else sent_at.date(), language)
    if due_date is None:
        return gettext(language, SENT).format(sent=sent)
    return gettext(language, SENT_DUE).format(sent=sent, due=format_day(due_date, language))


class RatingSectionState(rx.State):
    """Every rating of the page's application the user may see, and the rating they may give on their panel."""

    application_id: int = 0
    lines: list[RatingLineView] = []
    hidden: list[HiddenView] = []
    average: str = ""  # "5.5 (3)", "" when nobody has rated
    reviewer_id: int = 0  # the user's reviewer row on an open panel holding the application (0: none)
    my_panel: str = ""
    allow_rating: bool = False
    allow_comments: bool = False
    score: str = ""  # "" or "1".."7"
    comment: str = ""
    completed: bool = False  # the user has completed their review of that panel
    confirming: bool = False  # "Complete my review" asked once more
    errors: dict[str, str] = {}
    closed: str = ""  # why the rating could not be stored (the due date passed, the candidate left the panel)

    async def _reload(self) -> None:
        user = current_user()
        lang, zone = user.language, user.time_zone
        try:
            found = await run_in_session(results.ratings_of_application, user, self.application_id)
        except ActionRefused:
            self.lines, self.hidden, self.average, self.reviewer_id = [], [], "", 0
            return
        self.lines = [RatingLineView(
            reviewer=line.reviewer, internal=line.internal, panel=_panel_label(line.sent_at, line.due_date, lang, zone),
            score=str(line.score) if line.score is not None else "–", comment=line.comment,
            at=format_moment(line.at, lang, zone), mine=line.mine, revoked=line.revoked)
            for line in found.lines]
        self.hidden = [HiddenView(_panel_label(h.sent_at, h.due_date, lang, zone), h.hidden) for h in found.hidden]
        self.average = format_average(found.average, found.count, lang)
        mine = found.mine
        self.reviewer_id = mine.reviewer_id if mine else 0
        if mine:
            self.my_panel = gettext(lang, N_("Due {due}")).format(due=format_day(mine.due_date, lang)) \
                if mine.due_date else ""
            self.allow_rating, self.allow_comments = mine.allow_rating, mine.allow_comments
            self.score = str(mine.score) if mine.score is not None else ""
            self.comment = mine.comment
            self.completed = mine.completed

    @rx.event
    @requires()
    async def load(self):
        """Read the ratings of the application in the address."""
        match = _APPLICATION_PATH.search(self.router.url.path)
        self.application_id = int(match.group(1)) if match else 0
        self.errors, self.closed = {}, ""
        await self._reload()

    @rx.event
    @requires()
    async def ask_to_complete(self, asking: bool):
        """Show (or hide) the question before the review of the panel is completed."""
        self.confirming = bool(asking)

    @rx.event
    @requires()
    async def complete(self):
        """Complete the user's review of their open panel, as Done on the review page does."""
        user = current_user()
        self.errors, self.closed, self.confirming = {}, "", False
        try:
            await run_in_session(results.complete_my_review, user, self.application_id, self.reviewer_id)
        except ReviewClosed as refused:
            self.closed = gettext(user.language, refused.message)
        except ActionRefused:
            self.closed = gettext(user.language, results.NOT_YOUR_REVIEW)
        await self._reload()
        await (await self.get_state(ApplicationState))._reload()  # the average now holds the others' ratings
        return None

    @rx.event
    @requires()
    async def set_score(self, score: str):
        """The reviewer chose a score 1–7 ("" for none yet); checked when saved."""
        self.score = str(score)[:1]

    @rx.event
    @requires()
    async def set_comment(self, comment: str):
        """The reviewer's comment as typed; checked when saved."""
        self.comment = str(comment)[:reviewing.COMMENT_MAX + 1]

    @rx.event
    @requires()
    async def save(self):
        """Store the user's rating on their open panel; a bad field gets its message beside it, nothing changes."""
        user = current_user()
        self.errors, self.closed = {}, ""
        try:
            await run_in_session(results.save_my_rating, user, self.application_id, self.reviewer_id, self.score,
                                 self.comment)
        except InvalidInput as refused:
            self.errors = {name: gettext(user.language, message).format(max=reviewing.COMMENT_MAX)
                           for name, message in refused.errors.items()}
            return None
        except ReviewClosed as refused:
            self.closed = gettext(user.language, refused.message)
            await self._reload()
            return None
        except ActionRefused:
            self.closed = gettext(user.language, results.NOT_YOUR_REVIEW)
            return None
        await self._reload()
        await (await self.get_state(ApplicationState))._reload()  # the average in Status for the project
        return rx.toast.success(gettext(user.language, SAVED))
