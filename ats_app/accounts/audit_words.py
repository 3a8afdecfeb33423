"""What an audit line's details and exported subjects say, in the reader's language: the details are stored as
ids, counts and codes (never names of candidates), and shown as "Rows: 6 · Searched: no · Change: renamed"."""

import json

from ats_app.accounts import audit
from ats_app.accounts.users import RIGHT_LABELS
from ats_app.core.i18n import N_, gettext

DETAIL_LABELS = {
    "rows": N_("Rows"), "searched": N_("Searched"), "shown": N_("Shown"), "project_id": N_("Project"),
    "application_ids": N_("Applications"), "department_id": N_("Department"), "position_id": N_("Position"),
    "user_id": N_("User"), "email": N_("Email"), "until": N_("Until"), "since": N_("From"), "link": N_("Link"),
    "change": N_("Change"), "changes": N_("Changes"), "before": N_("Before"), "after": N_("After"),
    "again": N_("Sent again"), "invitation_deleted": N_("Invitation deleted"), "reissued": N_("New link"),
    "kind": N_("Kind"), "actor_id": N_("Who"), "text": N_("Text"), "count": N_("How many"), "to": N_("To"),
    "name": N_("Name"), "role": N_("Role"), "rights": N_("Rights"), "active": N_("Active"),
}
VALUE_LABELS = {
    "added": N_("added"), "renamed": N_("renamed"), "edited": N_("edited"), "deactivated": N_("deactivated"),
    "reactivated": N_("reactivated"), "projects_moved": N_("projects moved"), "invite": N_("invitation"),
    "reset": N_("forgot password"), "setup": N_("set-up link"), "current": N_("current"), "ended": N_("ended"),
    "all": N_("all"),
}
EXPORT_SUBJECTS = {
    "Rejection reasons CSV": N_("Rejection reasons CSV"), "Employees CSV": N_("Employees CSV"),
    "Audit log CSV": N_("Audit log CSV"),
}
RIGHTS_KEYS = ("before", "after", "rights")


def _value(key: str, value, language: str) -> str:
    if isinstance(value, bool):
        return gettext(language, N_("Yes") if value else N_("No"))
    if key in RIGHTS_KEYS and isinstance(value, list):
        return ", ".join(gettext(language, RIGHT_LABELS[v]) if v in RIGHT_LABELS else str(v) for v in value) or "–"
    if isinstance(value, str):
        return gettext(language, VALUE_LABELS[value]) if value in VALUE_LABELS else value
    return json.dumps(value, ensure_ascii=False)


def details_text(details: dict, language: str) -> str:
    """The line's details as short text in language; a key without words is shown as it is stored."""
    return " · ".join(
        f"{gettext(language, DETAIL_LABELS[key]) if key in DETAIL_LABELS else key}: {_value(key, value, language)}"
        for key, value in sorted(details.items()))


def subject_text(kind: str, subject: str, language: str) -> str:
    """What the line was done to: an export's name in language; anything else (a person, a department) as it is."""
    if kind == audit.EXPORT and subject in EXPORT_SUBJECTS:
        return gettext(language, EXPORT_SUBJECTS[subject])
    return subject
