"""Add candidate by hand (on a project's applicant list): someone who applied by post or email, entered by a
recruiter with the form's fields and a CV upload, through the same rule as the careers site's form
(intake.applying.receive_application), marked as entered by that recruiter, with or without the
"application received" email."""

import reflex as rx

from ats_app.accounts.ui.guard import current_user, requires, run_in_session
from ats_app.core.errors import InvalidInput, NotAllowed, ProjectNotFound
from ats_app.core.i18n import LANGUAGES, N_, gettext
from ats_app.handling.ui.list_state import ApplicationListState
from ats_app.intake.applying import CONTACT_FIELDS, receive_application
from ats_app.intake.uploads import Upload
from ats_app.models.base import utcnow
from ats_app.ui.forms import LABEL, NATIVE_SELECT, error_for
from ats_app.ui.translate import t

UPLOAD_ID = "add-candidate-cv"
FIELDS = (*CONTACT_FIELDS, "cover_letter", "language")
LABELS = {"first_name": N_("First name"), "last_name": N_("Last name"), "email": N_("Email"),
          "mobile": N_("Mobile"), "address": N_("Address"), "postal_code": N_("Postal code"), "city": N_("City")}
MAX_CV = 10 * 1024 * 1024 + 1


class AddCandidateState(rx.State):
    """The dialog's fields as typed, the problems by field, and whether the receipt is sent."""

    open: bool = False
    fields: dict[str, str] = {}
    errors: dict[str, str] = {}
    send_receipt: bool = True
    update_contact: bool = False
    saving: bool = False

    def _blank(self, language: str) -> None:
        self.fields = {name: "" for name in FIELDS} | {"language": language}
        self.errors, self.send_receipt, self.update_contact, self.saving = {}, True, False, False

    @rx.event
    @requires()
    async def open_dialog(self):
        """Start with empty fields (the candidate's language: the user's own)."""
        user = current_user()
        self._blank(user.language if user.language in LANGUAGES else "en")
        self.open = True
        return rx.clear_selected_files(UPLOAD_ID)

    @rx.event
    @requires()
    async def close_dialog(self):
        """Close without adding anyone."""
        self.open = False

    @rx.event
    @requires()
    async def open_changed(self, value: bool):
        """The dialog closed itself (Escape, a click outside)."""
        if not value:
            self.open = False

    @rx.event
    @requires()
    async def set_field(self, name: str, value: str):
        """Keep what was typed in one field."""
        if name in FIELDS:
            self.fields = {**self.fields, name: str(value)[:20_000]}

    @rx.event
    @requires()
    async def set_send_receipt(self, value: bool):
        """Send the "application received" email, or not."""
        self.send_receipt = bool(value)

    @rx.event
    @requires()
    async def set_update_contact(self, value: bool):
        """Update an existing candidate's contact details with what was typed."""
        self.update_contact = bool(value)

    @rx.event
    @requires()
    async def save(self, files: list[rx.UploadFile]):
        """Add the application (New, entered by the user) with the CV uploaded, if any."""
        user = current_user()
        uploads = {}
        for sent in files[:1]:
            uploads["cv"] = Upload(sent.name or "", await sent.read(MAX_CV))
        list_state = await self.get_state(ApplicationListState)
        form = {**self.fields, "update_contact": self.update_contact, "answers": {}}
        self.saving = True
        yield
        try:
            await run_in_session(receive_application, list_state.project_id, form, uploads, now=utcnow(),
                                 entered_by=user, send_receipt=self.send_receipt, require_cv=False)
        except InvalidInput as refused:
            self.errors = {field: gettext(user.language, message) for field, message in refused.errors.items()}
            self.saving = False
            return
        except (NotAllowed, ProjectNotFound):
            self.errors = {"form": gettext(user.language, "You do not have the right to do this.")}
            self.saving = False
            return
        self.open, self.saving = False, False
        await list_state._reload()
        yield rx.clear_selected_files(UPLOAD_ID)
        yield rx.toast.success(gettext(user.language, "The candidate was added as New."))


def _input(name: str, kind: str = "text") -> rx.Component:
    return rx.vstack(
        rx.el.label(t(LABELS[name]), html_for=f"add-{name}", **LABEL),
        rx.input(value=AddCandidateState.fields[name], on_change=lambda v: AddCandidateState.set_field(name, v),
                 id=f"add-{name}", type=kind, width="100%"),
        error_for(AddCandidateState.errors, name),
        spacing="1", width="100%",
    )


def _cv_upload() -> rx.Component:
    chosen = rx.selected_files(UPLOAD_ID)
    return rx.vstack(
        rx.text(t("CV"), **LABEL),
        rx.upload(
            rx.vstack(rx.icon("file-up", size=20),
                      rx.text(rx.cond(chosen.length() > 0, chosen[0],
                                      t("Choose the CV (PDF, DOCX, ODT or RTF, at most 10 MB)")), size="2"),
                      align="center", spacing="1"),
            id=UPLOAD_ID, max_files=1, multiple=False, max_size=MAX_CV,
            accept={"application/pdf": [".pdf"], "application/rtf": [".rtf"],
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
                    "application/vnd.oasis.opendocument.text": [".odt"]},
            border=f"1px dashed {rx.color('gray', 8)}", padding="14px", border_radius="8px", width="100%",
            cursor="pointer",
        ),
        error_for(AddCandidateState.errors, "cv"),
        spacing="1", width="100%",
    )


def add_candidate_dialog(may_add: rx.Var[bool]) -> rx.Component:
    """The button (shown when may_add: recruiters and admins) and its dialog."""
    language_options = [rx.el.option(name, value=code) for code, name in LANGUAGES.items()]
    body = rx.vstack(
        rx.grid(_input("first_name"), _input("last_name"), _input("email", "email"), _input("mobile", "tel"),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        _input("address"),
        rx.grid(_input("postal_code"), _input("city"), columns="2", spacing="3", width="100%"),
        rx.vstack(
            rx.el.label(t("The candidate's language"), html_for="add-language", **LABEL),
            rx.el.select(*language_options, value=AddCandidateState.fields["language"], id="add-language",
                         on_change=lambda v: AddCandidateState.set_field("language", v), **NATIVE_SELECT),
            spacing="1"),
        _cv_upload(),
        rx.vstack(
            rx.el.label(t("Cover letter"), html_for="add-cover_letter", **LABEL),
            rx.text_area(value=AddCandidateState.fields["cover_letter"], id="add-cover_letter", rows="4",
                         on_change=lambda v: AddCandidateState.set_field("cover_letter", v), width="100%"),
            error_for(AddCandidateState.errors, "cover_letter"),
            spacing="1", width="100%"),
        rx.checkbox(t("If this email address is known: update the candidate's contact details"),
                    checked=AddCandidateState.update_contact, on_change=AddCandidateState.set_update_contact,
                    id="add-update-contact", size="2"),
        rx.checkbox(t("Send the \"application received\" email"), checked=AddCandidateState.send_receipt,
                    on_change=AddCandidateState.set_send_receipt, id="add-send-receipt", size="2"),
        error_for(AddCandidateState.errors, "form"),
        spacing="3", width="100%",
    )
    dialog = rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Add candidate")),
            rx.dialog.description(t("Someone who applied by post or email: the application is added as New."),
                                  size="2", color_scheme="gray", margin_bottom="12px"),
            body,
            rx.hstack(
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=AddCandidateState.close_dialog),
                rx.button(t("Add candidate"), loading=AddCandidateState.saving, id="add-candidate-save",
                          on_click=AddCandidateState.save(rx.upload_files(upload_id=UPLOAD_ID))),
                justify="end", spacing="3", margin_top="16px",
            ),
            max_width="560px", id="add-candidate-dialog",
        ),
        open=AddCandidateState.open, on_open_change=AddCandidateState.open_changed,
    )
    button = rx.button(rx.icon("user-plus", size=16), t("Add candidate"), variant="soft",
                       on_click=AddCandidateState.open_dialog, id="add-candidate")
    return rx.fragment(rx.cond(may_add, button), dialog)
