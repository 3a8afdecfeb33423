"""The project page's Review panels: each panel's progress in small rows, and Revoke with a confirmation."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import NotAllowed, ProjectNotFound
from ats_app.core.i18n import N_, format_day, gettext
from ats_app.panel_review import tracking

SENT_BY = N_("Sent {date} by {name}")
SENT = N_("Sent {date}")
DUE = N_("due {date}")
COMPLETED = N_("{done} of {total} completed")
RATED = N_("{done} of {total} rated")
REVOKED_PANEL = N_("The review panel is revoked: its links no longer work.")
REVOKED_REVIEWER = N_("{name}'s link is revoked.")


@dataclass
class ReviewerLine:
    """One reviewer, already in words."""

    id: int
    name: str
    internal: bool
    completed: bool
    completed_on: str  # the day they completed ("" while pending)
    rated: str  # "2 of 3 rated"
    revoked: bool


@dataclass
class PanelLine:
    """One panel: its summary line and its reviewers."""

    id: int
    summary: str  # "Sent 2 Dec 2025 by Rita · due 10 Dec 2025"
    progress: str  # "2 of 3 completed"
    state: str  # tracking.OPEN, PAST_DUE, CLOSED, REVOKED
    may_revoke: bool
    reviewers: list[ReviewerLine]


def _line(progress: tracking.PanelProgress, language: str, zone: ZoneInfo) -> PanelLine:
    _ = lambda message: gettext(language, message)  # noqa: E731
    sent = format_day(progress.sent_at.astimezone(zone).date(), language)
    parts = [_(SENT_BY).format(date=sent, name=progress.sent_by) if progress.sent_by else _(SENT).format(date=sent)]
    if progress.due_date:
        parts.append(_(DUE).format(date=format_day(progress.due_date, language)))
    reviewers = [ReviewerLine(id=r.id, name=r.name, internal=r.internal, completed=r.completed_at is not None,
                              completed_on=format_day(r.completed_at.astimezone(zone).date(), language)
                              if r.completed_at else "",
                              rated=_(RATED).format(done=r.rated, total=progress.candidates), revoked=r.revoked)
                 for r in progress.reviewers]
    return PanelLine(id=progress.id, summary=" · ".join(parts), state=progress.state, may_revoke=progress.may_revoke,
                     progress=_(COMPLETED).format(done=progress.completed, total=progress.expected),
                     reviewers=reviewers)


class PanelsState(rx.State):
    """The panels of the project in the address; what Revoke is about to stop."""

    project_id: int = 0
    panels: list[PanelLine] = []
    confirm_panel: int = 0  # the panel whose revoke waits for a confirmation (0: none)
    confirm_reviewer: int = 0  # the reviewer whose revoke waits for a confirmation (0: none)
    confirm_name: str = ""

    async def _reload(self) -> None:
        user = current_user()
        found = []
        if self.project_id:
            try:
                found = await run_in_session(tracking.project_panels, user, self.project_id)
            except ProjectNotFound:
                found = []
        self.panels = [_line(p, user.language, ZoneInfo(user.time_zone)) for p in found]

    @rx.event
    @requires()
    async def load(self, project_id: int):
        """Read the panels of the project the page shows (0 while the page has not read its project yet)."""
        self.project_id = int(project_id or 0)
        self.confirm_panel = self.confirm_reviewer = 0
        await self._reload()

    @rx.event
    @requires()
    async def ask_revoke_panel(self, panel_id: int):
        """Revoke on a panel: ask first."""
        self.confirm_panel, self.confirm_reviewer, self.confirm_name = int(panel_id), 0, ""

    @rx.event
    @requires()
    async def ask_revoke_reviewer(self, reviewer_id: int):
        """Revoke on a reviewer: ask first, naming them."""
        names = {r.id: r.name for p in self.panels for r in p.reviewers}
        self.confirm_panel, self.confirm_reviewer = 0, int(reviewer_id)
        self.confirm_name = names.get(int(reviewer_id), "")

    @rx.event
    @requires()
    async def cancel_revoke(self):
        """Keep the links working."""
        self.confirm_panel = self.confirm_reviewer = 0

    @rx.event
    @requires()
    async def revoke(self):
        """The confirmed revoke: the link (or the panel's links) stop working at once."""
        user = current_user()
        panel_id, reviewer_id, name = self.confirm_panel, self.confirm_reviewer, self.confirm_name
        self.confirm_panel = self.confirm_reviewer = 0
        try:
            if reviewer_id:
                await run_in_session(tracking.revoke_reviewer, user, reviewer_id)
            elif panel_id:
                await run_in_session(tracking.revoke_panel, user, panel_id)
            else:
                return None
        except (NotAllowed, ProjectNotFound):
            return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
        await self._reload()
        done = gettext(user.language, REVOKED_REVIEWER).format(name=name) if reviewer_id else gettext(
            user.language, REVOKED_PANEL)
        return rx.toast.success(done)
