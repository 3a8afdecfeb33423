"""The invitation wizard's dialog: the interview, the email, the reminders."""

import reflex as rx

from ats_app.core.i18n import N_
from ats_app.handling.ui.compose_dialog import addresses_block, drafts_block, preview_block
from ats_app.handling.ui.compose_state import ComposeState, DraftRow
from ats_app.handling.ui.further_progress import field_error
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.interviews.details import MODES, TYPE_LABELS
from ats_app.interviews.reminders import DAYS as REMINDER_DAYS
from ats_app.interviews.ui.wizard_state import InviteState, RecruiterTick
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.translate import t, t_choice

_LABEL = {"font_weight": "500", "font_size": "14px"}
MODE_LABELS = {"in_person": N_("In person"), "phone": N_("Phone"), "video": N_("Video"), "group": N_("Group")}
REMINDER_LABELS = {"none": N_("No reminder"), "email": N_("Email reminder"), "sms": N_("SMS reminder"),
                   "email_sms": N_("Email and SMS")}


def _recruiter(tick: RecruiterTick) -> rx.Component:
    return rx.checkbox(tick.name, checked=tick.ticked, on_change=lambda _v: InviteState.toggle_recruiter(tick.id),
                       class_name="invite-recruiter")


def _step_one() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(rx.el.label(t("Interview type"), html_for="invite-type", **_LABEL),
                      rx.el.select(*[rx.el.option(t(label), value=key) for key, label in TYPE_LABELS.items()],
                                   id="invite-type", value=InviteState.interview_type,
                                   on_change=lambda v: InviteState.set_value("interview_type", v), **NATIVE_SELECT),
                      spacing="1"),
            rx.vstack(rx.el.label(t("How"), html_for="invite-mode", **_LABEL),
                      rx.el.select(*[rx.el.option(t(MODE_LABELS[key]), value=key) for key in MODES],
                                   id="invite-mode", value=InviteState.mode,
                                   on_change=lambda v: InviteState.set_value("mode", v), **NATIVE_SELECT), spacing="1"),
            spacing="4", wrap="wrap"),
        rx.el.label(t("Recruiters taking part"), **_LABEL),
        rx.flex(rx.foreach(InviteState.recruiters, _recruiter), wrap="wrap", spacing="3", id="invite-recruiters"),
        field_error("recruiters"),
        rx.hstack(
            rx.vstack(rx.el.label(t("Date"), html_for="invite-date", **_LABEL),
                      rx.input(type="date", value=InviteState.day, on_change=lambda v: InviteState.set_value("day", v),
                               id="invite-date"),
                      spacing="1"),
            rx.vstack(rx.el.label(t("Time"), html_for="invite-time", **_LABEL),
                      rx.input(type="time", value=InviteState.clock,
                               on_change=lambda v: InviteState.set_value("clock", v), id="invite-time"), spacing="1"),
            rx.vstack(rx.el.label(t("Duration (minutes)"), html_for="invite-duration", **_LABEL),
                      rx.input(type="number", value=InviteState.duration,
                               on_change=lambda v: InviteState.set_value("duration", v),
                               id="invite-duration", width="110px"), spacing="1"),
            spacing="4", wrap="wrap"),
        field_error("date"), field_error("duration"),
        rx.el.label(rx.cond(InviteState.mode == "video", t("Video meeting link"), t("Place")), html_for="invite-place",
                    **_LABEL),
        rx.input(value=InviteState.place, on_change=lambda v: InviteState.set_value("place", v), id="invite-place",
                 width="100%"),
        field_error("place"),
        rx.cond(InviteState.many, rx.radio_group.root(
            rx.radio_group.item(t("One slot each, one after the other"), value="each"),
            rx.radio_group.item(t("One shared slot (group interview)"), value="shared"),
            value=rx.cond(InviteState.shared_slot, "shared", "each"),
            on_change=lambda v: InviteState.set_value("shared_slot", v == "shared"), id="invite-slots")),
        spacing="2", width="100%")


def _step_two() -> rx.Component:
    return rx.cond(ComposeState.preview_html != "", preview_block(), rx.vstack(
        rx.radio_group.root(rx.radio_group.item(t("Send email"), value="send"),
                            rx.radio_group.item(t("No email"), value="none"),
                            value=rx.cond(InviteState.send_email, "send", "none"),
                            on_change=lambda v: InviteState.set_value("send_email", v), direction="row", spacing="4",
                            id="invite-action"),
        rx.cond(InviteState.send_email, rx.vstack(
            rx.checkbox(t("Include a link where the candidate answers the invitation"),
                        checked=InviteState.include_link,
                        on_change=lambda v: InviteState.set_value("include_link", v), id="invite-include-link"),
            addresses_block(), drafts_block(), spacing="3", width="100%")),
        spacing="3", width="100%"))


def _reminder_tab(row: DraftRow) -> rx.Component:
    return rx.segmented_control.item(row.name, value=row.language)


def _step_three() -> rx.Component:
    return rx.vstack(
        rx.el.label(t("Reminder"), html_for="invite-reminder", **_LABEL),
        rx.el.select(rx.foreach(InviteState.reminder_options,
                                lambda o: rx.el.option(t_choice(o.value, REMINDER_LABELS), value=o.value)),
                     id="invite-reminder", value=InviteState.reminder,
                     on_change=lambda v: InviteState.set_value("reminder", v), **NATIVE_SELECT),
        field_error("reminder"),
        rx.cond(InviteState.reminder != "none", rx.vstack(
            rx.hstack(rx.el.select(*[rx.el.option(str(d), value=str(d)) for d in REMINDER_DAYS], id="invite-days",
                                   value=InviteState.reminder_days,
                                   on_change=lambda v: InviteState.set_value("reminder_days", v), **NATIVE_SELECT),
                      rx.text(t("days before, at 09:00"), size="2"), align="center"),
            field_error("reminder_days"),
            rx.cond(InviteState.sms_info != "",
                    rx.text(InviteState.sms_info, size="1", color_scheme="gray", id="invite-sms-info")),
            rx.cond(InviteState.reminder.contains("sms") & (InviteState.no_mobile.length() > 0), rx.callout(
                rx.text(t("No mobile number, so no SMS for:"), " ", InviteState.no_mobile.join(", ")),
                icon="triangle-alert", color_scheme="amber", size="1", id="invite-no-mobile")),
            rx.cond(InviteState.reminder.contains("email"), rx.vstack(
                rx.cond(InviteState.reminder_rows.length() > 1, rx.segmented_control.root(
                    rx.foreach(InviteState.reminder_rows, _reminder_tab), value=InviteState.reminder_language,
                    on_change=lambda v: InviteState.set_value("reminder_language", v), id="invite-reminder-languages")),
                rx.el.label(t("Subject"), html_for="invite-reminder-subject", **_LABEL),
                rx.input(value=InviteState.reminder_subject,
                         on_change=lambda v: InviteState.edit_reminder("subject", v),
                         id="invite-reminder-subject", width="100%"),
                rx.el.label(t("Content"), html_for="invite-reminder-body", **_LABEL),
                rx.text_area(value=InviteState.reminder_body, on_change=lambda v: InviteState.edit_reminder("body", v),
                             id="invite-reminder-body", rows="6", width="100%"),
                field_error("reminder_text"),
                rx.el.label(t("Signature"), html_for="invite-signature", **_LABEL),
                rx.text_area(value=InviteState.signature, on_change=lambda v: InviteState.set_value("signature", v),
                             id="invite-signature", rows="2", width="100%"),
                spacing="2", width="100%")),
            spacing="2", width="100%")),
        spacing="2", width="100%")


def invite_dialog() -> rx.Component:
    """The wizard, open while Further progress waits for the invitation's details."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(t("Invite to interview"), " · ",
                            rx.match(InviteState.step, (1, t("Step 1 of 3")), (2, t("Step 2 of 3")), t("Step 3 of 3"))),
            rx.match(InviteState.step, (1, _step_one()), (2, _step_two()), _step_three()),
            rx.hstack(
                rx.cond((InviteState.step > 1) & (ComposeState.preview_html == ""),
                        rx.button(t("Back"), variant="soft", color_scheme="gray",
                                  on_click=InviteState.go_to(InviteState.step - 1), id="invite-back")),
                rx.cond((InviteState.step == 2) & (ComposeState.preview_html == "") & InviteState.send_email,
                        rx.button(t("Preview"), variant="soft", on_click=ComposeState.show_preview,
                                  id="invite-preview")),
                rx.spacer(),
                rx.button(t("Cancel"), variant="soft", color_scheme="gray", on_click=FurtherProgressState.close_dialog,
                          id="invite-cancel"),
                rx.cond(InviteState.step < 3,
                        rx.button(t("Next"), on_click=InviteState.go_to(InviteState.step + 1), id="invite-next"),
                        rx.button(t("Send"), on_click=InviteState.send_invitations, id="invite-send",
                                  loading=FurtherProgressState.running)),
                spacing="3", margin_top="16px", width="100%"),
            id="invite-dialog", max_width="780px"),
        open=FurtherProgressState.dialog == "invite")
