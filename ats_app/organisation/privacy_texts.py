"""The privacy text candidates consent to when they apply: one per language, edited on Settings by admins.

Saving never overwrites: every edit is a new version, so an application keeps the exact text its candidate
agreed to (Application.privacy_text_id). A language nobody has written yet starts from the default text
(organisation.privacy_defaults), stored as version 1 the first time it is needed, so a fresh database can
take applications. Nothing here commits.
"""

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_, normalise_language
from ats_app.models import PrivacyText, Role
from ats_app.models.base import utcnow
from ats_app.organisation.privacy_defaults import DEFAULT_PRIVACY_TEXTS

TEXT_MAX = 20_000


def _latest(session: Session, language: str) -> PrivacyText | None:
    return session.exec(select(PrivacyText).where(PrivacyText.language == language)
                        .order_by(col(PrivacyText.version).desc())).first()


def current(session: Session, language: str) -> PrivacyText:
    """The latest version of the privacy text in language (the default stored as version 1 when none yet)."""
    language = normalise_language(language)
    found = _latest(session, language)
    if found is None:
        found = PrivacyText(language=language, version=1, text=DEFAULT_PRIVACY_TEXTS[language], created_at=utcnow())
        session.add(found)
        session.flush()
    return found


def shown(session: Session, language: str, version: object) -> PrivacyText:
    """The version of the privacy text in language that the form showed (posted back with the consent), so the
    consent records what the candidate read even when a recruiter saved a new version meanwhile; the current
    one when the posted version is missing or unknown."""
    language = normalise_language(language)
    number = str(version or "").strip()
    if number.isdigit() and len(number) <= 6:
        found = session.exec(select(PrivacyText).where(PrivacyText.language == language,
                                                       PrivacyText.version == int(number))).first()
        if found is not None:
            return found
    return current(session, language)


def current_texts(session: Session) -> dict[str, str]:
    """The current text of every language (the Settings page's fields)."""
    return {language: current(session, language).text for language in LANGUAGES}


def save(session: Session, user: CurrentUser, language: str, text: str) -> PrivacyText:
    """A new version of language's text (admins only); the same text again adds no version.
    InvalidChoice on "privacy:<lang>" when empty or too long."""
    if user.role != Role.ADMIN:
        raise NotAllowed("settings")
    if language not in LANGUAGES:
        raise InvalidChoice("privacy", N_("Choose a language."))
    cleaned = (text or "").replace("\r\n", "\n").strip()
    if not cleaned:
        raise InvalidChoice(f"privacy:{language}", N_("Write the privacy text: candidates must be able to read "
                                                      "what they consent to."))
    if len(cleaned) > TEXT_MAX:
        raise InvalidChoice(f"privacy:{language}", N_("The privacy text can be at most {max} characters."),
                            max=f"{TEXT_MAX:,}")  # the Settings page formats params like the other InvalidChoices
    latest = current(session, language)
    if latest.text == cleaned:
        return latest
    row = PrivacyText(language=language, version=latest.version + 1, text=cleaned, created_at=utcnow(),
                      created_by_id=user.id)
    session.add(row)
    session.flush()
    return row
