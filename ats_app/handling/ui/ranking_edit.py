"""The ranking select of the applicant list and of Application and CV: one edit, the same refusal."""

import reflex as rx
from reflex.event import EventSpec

from ats_app.accounts.ui.guard import current_user, run_in_session
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import gettext
from ats_app.handling import ranking


async def change_ranking(application_id: int | str, value: str) -> EventSpec | None:
    """Rank an applicant 1–3 ("0" or "": no ranking) for the user of the running handler; the toast to
    show when that was refused, else None."""
    user = current_user()
    try:
        await run_in_session(ranking.set_ranking, user, int(application_id), int(value or 0))
    except (NotAllowed, InvalidChoice, ActionRefused, ValueError):
        return rx.toast.error(gettext(user.language, "The ranking was not changed."))
    return None
