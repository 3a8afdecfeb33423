"""The contract's lines in an application's history, in words (the payload holds ids, the template's title and
version number, never the candidate's data)."""

from ats_app.core.i18n import N_, gettext

CONTRACT_EVENTS = ("contract_sent", "contract_acknowledged")
SENT = N_("Employment contract sent: {title}, version {version}")
ACKNOWLEDGED = N_("The candidate acknowledged the employment contract")


def contract_line(kind: str, payload: dict, language: str) -> str:
    """A contract_sent or contract_acknowledged line in language."""
    if kind == "contract_acknowledged":
        return gettext(language, ACKNOWLEDGED)
    return gettext(language, SENT).format(title=payload.get("title") or "?", version=payload.get("version") or "?")
