"""The Application and CV page: one applicant, formatted on the server, and the ranking edit."""

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, ApplicationNotFound, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_, format_average, format_day, format_moment, gettext
from ats_app.core.phones import readable_phone
from ats_app.delivery import outbox_admin
from ats_app.delivery.ui.outbox_state import MessageView, message_views
from ats_app.handling import application_detail, ranking
from ats_app.handling.ui.further_progress_state import ActionPage, FurtherProgressState
from ats_app.handling.ui.ranking_edit import change_ranking
from ats_app.models.base import utcnow
from ats_app.offers.ui.section_state import OfferSectionState
from ats_app.rejection import automatic, undo

AUTO_REJECT_NOTICE = N_("Will be rejected automatically on {date}: the screening answers do not meet the "
                        "requirements.")
_APPLICATION_PATH = re.compile(r"/applications/(\d+)")


@dataclass
class Field:
    """A labelled line of personal data (label is an English message, translated on the page)."""

    label: str
    value: str


@dataclass
class OtherView:
    href: str
    project: str
    status: str
    stage: str
    deleted: bool


@dataclass
class HistoryView:
    at: str
    actor: str
    text: str


class ApplicationState(ActionPage, rx.State):
    """What the Application and CV page shows."""

    application_id: int = 0
    not_found: bool = False
    name: str = ""
    project_title: str = ""
    project_href: str = ""
    email: str = ""
    mobile: str = ""
    address: str = ""
    language: str = ""
    cv_href: str = ""
    cv_filename: str = ""
    cover_letter: str = ""
    cover_letter_file: str = ""
    screening: list[Field] = []
    status: str = ""
    stage: str = ""
    reason: str = ""
    ranking: str = "0"
    rating: str = ""
    applied: str = ""
    deleted: bool = False
    others: list[OtherView] = []
    history: list[HistoryView] = []
    messages: list[MessageView] = []
    may_rank: bool = False
    may_undo_rejection: bool = False
    auto_reject_on: str = ""  # "Will be rejected automatically on <date>…" ("": not scheduled)
    auto_reject_stopped: bool = False  # a recruiter stopped it (it would be scheduled otherwise)
    may_stop_auto_reject: bool = False

    async def _reload(self) -> None:
        user = current_user()
        try:
            found = await run_in_session(application_detail.application_detail, user, self.application_id)
        except ApplicationNotFound:
            self.not_found, self.name, self.history, self.others = True, "", [], []
            return
        c, lang, zone = found.candidate, user.language, user.time_zone
        self.not_found = False
        self.name, self.email, self.mobile = f"{c.first_name} {c.last_name}", c.email, readable_phone(c.mobile)
        self.address = ", ".join(p for p in (c.address, " ".join(filter(None, (c.postal_code, c.city))), c.country)
                                 if p)
        self.language = LANGUAGES.get(c.language, c.language)
        self.cv_href = f"/files/cv/{c.id}" if c.cv_file_key else ""
        self.cv_filename = c.cv_filename or ""
        self.project_title, self.project_href = found.project_title, f"/projects/{found.project_id}"
        self.cover_letter = found.cover_letter
        self.cover_letter_file = found.cover_letter_file
        self.screening = [Field(q, a) for q, a in found.screening]
        self.status, self.stage, self.reason = found.status, found.stage, found.reason
        self.ranking = str(found.ranking or 0)
        self.rating = format_average(found.rating, found.rating_count, lang)
        self.applied = format_moment(found.applied_at, lang, zone)
        self.deleted = found.deleted
        self.others = [OtherView(f"/applications/{o.application_id}", o.project_title, o.status, o.stage, o.deleted)
                       for o in found.others]
        self.history = [HistoryView(format_moment(h.at, lang, zone), h.actor, h.text) for h in found.history]
        self.messages = message_views(await run_in_session(outbox_admin.messages_for_application, user,
                                                           self.application_id), user)
        self.may_rank = ranking.may_rank(user)
        self.may_undo_rejection = await run_in_session(undo.may_undo, user, self.application_id, found.status)
        plan = await run_in_session(automatic.schedule_of, user, self.application_id)
        self.auto_reject_on = gettext(lang, AUTO_REJECT_NOTICE).format(
            date=format_day(max(plan.at, utcnow()).astimezone(ZoneInfo(zone)).date(), lang)) if plan.at else ""
        self.auto_reject_stopped, self.may_stop_auto_reject = plan.stopped, plan.may_change

    async def _chosen_ids(self) -> list[int]:
        return [self.application_id] if self.application_id else []

    async def _after_action(self):
        """Read the page again (its offer section too); a Move took the application to another project: go to
        where it was."""
        await self._reload()
        return rx.redirect(self.project_href) if self.not_found and self.project_href else OfferSectionState.load

    @rx.event
    @requires("can_reject")
    async def undo_rejection(self):
        """Back to the status before the rejection, while the rejection email has not left."""
        return await self._change(undo.undo_rejection, (self.application_id,), N_("Rejection undone."))

    @rx.event
    @requires("can_reject")
    async def stop_automatic_rejection(self):
        """Keep this knocked-out applicant: the automatic rejection will not happen (a history line says so)."""
        return await self._change(automatic.stop, (self.application_id,), N_("Automatic rejection stopped."))

    @rx.event
    @requires("can_reject")
    async def resume_automatic_rejection(self):
        """A stop made by mistake: the automatic rejection is scheduled again."""
        return await self._change(automatic.resume, (self.application_id,), N_("Automatic rejection resumed."))

    @rx.event
    @requires()
    async def cancel_message(self, message_id: int):
        """Cancel one of this application's waiting emails (what caused it stays done)."""
        return await self._change(outbox_admin.cancel_message, (int(message_id),),
                                  N_("Cancelled. The message will not be sent; the action that wrote it is not "
                                     "undone."))

    async def _change(self, change, args: tuple, done: str):
        """Run a change of this page's application; the answer as a toast, the page read again."""
        user = current_user()
        try:
            await run_in_session(change, user, *args)
        except NotAllowed:
            return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
        except ActionRefused as refused:
            await self._reload()
            return rx.toast.error(gettext(user.language, refused.reason))
        await self._reload()
        return rx.toast.success(gettext(user.language, done))

    @rx.event
    @requires()
    async def load(self):
        """Open the application named in the address."""
        match = _APPLICATION_PATH.search(self.router.url.path)
        self.application_id = int(match.group(1)) if match else 0
        await self._reload()
        (await self.get_state(FurtherProgressState))._enter(self, self.application_id)

    @rx.event
    @requires()
    async def set_ranking(self, ranking: str):
        """The recruiter changed this applicant's ranking 1–3."""
        refused = await change_ranking(self.application_id, ranking)
        await self._reload()
        return refused
