"""The "Possible duplicate" notice on Application and CV: the rules decide (handling.duplicates, handling.merge),
this state reads them, asks before a merge and shows the answer."""

import re
from dataclasses import dataclass

import reflex as rx

from ats_app.accounts.access import may_act
from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.core.i18n import N_, format_day, gettext
from ats_app.core.phones import readable_phone
from ats_app.handling import duplicates, merge
from ats_app.handling.ui.application_state import ApplicationState, OtherView

_APPLICATION_PATH = re.compile(r"/applications/(\d+)")


@dataclass
class DuplicateView:
    candidate_id: int
    name: str
    email: str
    mobile: str
    birth_date: str
    reason: str  # duplicates.SAME_NAME_AND_MOBILE or SIMILAR_NAME_AND_BIRTH_DATE
    href: str  # their newest application's Application and CV
    applications: list[OtherView]  # the same view as Other applications


class DuplicatesState(rx.State):
    """The possible duplicates of the page's candidate, and the merge being confirmed."""

    application_id: int = 0
    candidate_id: int = 0
    duplicates: list[DuplicateView] = []
    may_merge: bool = False
    may_dismiss: bool = False
    merging_id: int = 0  # the other candidate the confirm dialog is about
    merging_text: str = ""
    merge_error: str = ""

    async def _reload(self) -> None:
        user = current_user()
        self.candidate_id, found = await run_in_session(duplicates.for_application, user, self.application_id)
        self.duplicates = [DuplicateView(
            candidate_id=d.candidate_id, name=f"{d.first_name} {d.last_name}", email=d.email,
            mobile=readable_phone(d.mobile), birth_date=format_day(d.birth_date, user.language), reason=d.reason,
            href=f"/applications/{d.applications[0].application_id}" if d.applications else "",
            applications=[OtherView(f"/applications/{a.application_id}", a.project_title, a.status,
                                                   a.stage, a.deleted) for a in d.applications])
            for d in found]
        self.may_merge, self.may_dismiss = merge.may_merge(user), may_act(user)

    @rx.event
    @requires()
    async def load(self):
        """Look for possible duplicates of the candidate of the application in the address."""
        match = _APPLICATION_PATH.search(self.router.url.path)
        self.application_id = int(match.group(1)) if match else 0
        self.merging_id, self.merge_error = 0, ""
        await self._reload()

    @rx.event
    @requires()
    async def ask_merge(self, other_id: int):
        """Open the confirm dialog for merging other_id into this candidate."""
        user = current_user()
        other = next((d for d in self.duplicates if d.candidate_id == int(other_id)), None)
        if other is None:
            return
        self.merging_id, self.merge_error = other.candidate_id, ""
        self.merging_text = gettext(user.language, N_(
            "The applications, CV, history and portal log-in of {name} ({email}) move to this candidate, and that "
            "record is removed. This cannot be undone.")).format(name=other.name, email=other.email)

    @rx.event
    @requires()
    async def close_merge(self):
        """Close the confirm dialog without merging."""
        self.merging_id, self.merge_error = 0, ""

    @rx.event
    @requires(merge.RIGHT)
    async def merge(self):
        """Merge the confirmed candidate into this one; the page is read again with all the applications."""
        user = current_user()
        if not self.merging_id or not self.candidate_id:
            return
        try:
            await run_in_session(merge.merge_candidates, user, self.candidate_id, self.merging_id)
        except NotAllowed:
            self.merge_error = gettext(user.language, "You do not have the right to do this.")
            return rx.toast.error(self.merge_error)
        except ActionRefused as refused:
            self.merge_error = gettext(user.language, refused.reason).format(**refused.params)
            return rx.toast.error(self.merge_error)
        self.merging_id = 0
        await self._reload()
        await (await self.get_state(ApplicationState))._reload()
        return rx.toast.success(gettext(user.language, "Merged: the applications are together on this candidate."))

    @rx.event
    @requires()
    async def dismiss(self, other_id: int):
        """Not the same person: the flag goes and does not come back for this pair."""
        user = current_user()
        try:
            await run_in_session(duplicates.dismiss_duplicate, user, self.candidate_id, int(other_id))
        except NotAllowed:
            return rx.toast.error(gettext(user.language, "You do not have the right to do this."))
        except ActionRefused as refused:
            await self._reload()
            return rx.toast.error(gettext(user.language, refused.reason).format(**refused.params))
        await self._reload()
        await (await self.get_state(ApplicationState))._reload()
        return rx.toast.success(gettext(user.language, "Dismissed: the two are not flagged again."))
