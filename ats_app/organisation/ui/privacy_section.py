"""Settings → Privacy text: the text candidates consent to on the application form, one per language; admins
edit it, and every save is a new version (applications keep the version their candidate agreed to)."""

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_, gettext
from ats_app.organisation import privacy_texts, settings
from ats_app.ui.forms import LABEL
from ats_app.ui.translate import t

ADMIN = tuple(role.value for role in settings.CHANGED_BY)


class PrivacyTextState(rx.State):
    """The current text of each language as typed, the problems by field, the last notice."""

    texts: dict[str, str] = {}
    errors: dict[str, str] = {}
    notice: str = ""
    is_admin: bool = False

    @rx.event
    @requires()
    async def load(self):
        """Every language's current text (the default when none was written yet)."""
        user = current_user()
        self.is_admin = settings.may_change(user)
        self.texts = await run_in_session(privacy_texts.current_texts)
        self.errors, self.notice = {}, ""

    @rx.event
    @requires(roles=ADMIN)
    async def edit(self, language: str, value: str):
        """One language's text changed (saved with Save)."""
        if language in LANGUAGES:
            self.texts = {**self.texts, language: str(value)[:privacy_texts.TEXT_MAX + 1000]}

    @rx.event
    @requires(roles=ADMIN)
    async def save(self):
        """A new version of every language whose text changed."""
        user = current_user()

        def work(session):
            for language in LANGUAGES:
                privacy_texts.save(session, user, language, self.texts.get(language, ""))
        try:
            await run_in_session(work)
        except InvalidChoice as refused:
            self.errors = {refused.field: gettext(user.language, refused.message).format(**refused.params)}
            self.notice = ""
            return
        except NotAllowed:
            self.notice = gettext(user.language, "You do not have the right to do this.")
            return
        self.errors, self.notice = {}, gettext(user.language, "Your changes are saved.")


def _language(code: str, name: str) -> rx.Component:
    field = f"privacy:{code}"
    return rx.vstack(
        rx.el.label(name, html_for=f"privacy-{code}", **LABEL),
        rx.text_area(value=PrivacyTextState.texts[code], on_change=lambda v: PrivacyTextState.edit(code, v),
                     read_only=~PrivacyTextState.is_admin, id=f"privacy-{code}", rows="5", width="100%",
                     resize="vertical"),
        rx.cond(PrivacyTextState.errors.contains(field),
                rx.text(PrivacyTextState.errors[field], color_scheme="red", size="2", class_name="field-error")),
        spacing="1", width="100%",
    )


def privacy_section() -> rx.Component:
    """The section on the Settings page."""
    return rx.card(
        rx.vstack(
            rx.heading(t("Privacy text"), size="4"),
            rx.text(t(N_("Candidates consent to this text when they apply on the careers site. Saving keeps the "
                         "old version: each application remembers the text its candidate agreed to.")),
                    size="2", color_scheme="gray"),
            *[_language(code, name) for code, name in LANGUAGES.items()],
            rx.cond(PrivacyTextState.is_admin,
                    rx.hstack(rx.button(t("Save"), on_click=PrivacyTextState.save, id="settings-privacy-save"))),
            rx.cond(PrivacyTextState.notice != "",
                    rx.callout(PrivacyTextState.notice, icon="check", size="1", id="notice-privacy")),
            spacing="3", width="100%",
        ),
        width="100%", id="settings-privacy",
    )
