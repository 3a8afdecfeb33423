"""Application and CV: one applicant's personal data, CV, letter, answers, status, other applications and
history, with the same Further progress list acting on this applicant alone."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.contracts.ui.contracts_section import contracts_section
from ats_app.contracts.ui.contracts_section_state import ContractsSectionState
from ats_app.core.i18n import N_
from ats_app.delivery.ui.message_status import message_status_badge
from ats_app.delivery.ui.outbox_state import MessageView
from ats_app.handling.ui.application_state import ApplicationState, Field, HistoryView, OtherView
from ats_app.handling.ui.duplicates import duplicates_notice
from ats_app.handling.ui.duplicates_state import DuplicatesState
from ats_app.handling.ui.further_progress_forms import further_progress
from ats_app.offers.ui.offer_section import offer_section
from ats_app.offers.ui.section_state import OfferSectionState
from ats_app.panel_review.ui.rating_section import rating_section
from ats_app.panel_review.ui.rating_state import RatingSectionState
from ats_app.ui.forms import NATIVE_SELECT
from ats_app.ui.shell import shell
from ats_app.ui.status_badges import application_status_badge
from ats_app.ui.translate import t


def _line(label: str, value) -> rx.Component:
    return rx.hstack(rx.text(t(label), size="2", color_scheme="gray", width="140px", flex_shrink="0"),
                     rx.text(value, size="2"), align="start", width="100%")


def _section(title: str, *children, **props) -> rx.Component:
    return rx.card(rx.vstack(rx.heading(t(title), size="3"), *children, spacing="2", width="100%"), width="100%",
                   **props)


def _answer(row: Field) -> rx.Component:
    return rx.vstack(rx.text(row.label, size="2", weight="medium"), rx.text(row.value, size="2"), spacing="0")


def _other(row: OtherView) -> rx.Component:
    return rx.hstack(rx.link(row.project, href=row.href, size="2"), application_status_badge(row.status, row.stage),
                     rx.cond(row.deleted, rx.badge(t("Deleted"), color_scheme="gray")), align="center",
                     class_name="other-application", wrap="wrap")


def _message_line(row: MessageView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.scheduled_at, white_space="nowrap"),
        rx.table.cell(rx.text(row.subject, weight="medium"), rx.text(row.recipient, size="1", color_scheme="gray")),
        rx.table.cell(message_status_badge(row.status)),
        rx.table.cell(rx.cond(row.cancellable,
                              rx.button(t("Cancel sending"), size="1", variant="soft", color_scheme="red",
                                        on_click=ApplicationState.cancel_message(row.id),
                                        class_name="cancel-message"))),
        class_name="message-line")


def _history_line(row: HistoryView) -> rx.Component:
    return rx.table.row(rx.table.cell(row.at, white_space="nowrap"), rx.table.cell(row.actor),
                        rx.table.cell(row.text), class_name="history-line")


def _personal() -> rx.Component:
    return _section(
        N_("Personal data"),
        _line(N_("Email"), rx.link(ApplicationState.email, href="mailto:" + ApplicationState.email)),
        _line(N_("Mobile"), ApplicationState.mobile),
        _line(N_("Address"), ApplicationState.address),
        _line(N_("Language"), ApplicationState.language),
        _line(N_("CV"), rx.cond(
            ApplicationState.cv_href != "",
            rx.link(rx.hstack(rx.icon("file-text", size=14), rx.text(ApplicationState.cv_filename), spacing="1",
                              align="center"), href=ApplicationState.cv_href, id="cv-link"),
            rx.text(t("No CV"), color_scheme="gray"))),
    )


def _status() -> rx.Component:
    return _section(
        N_("Status for the project"),
        rx.box(application_status_badge(ApplicationState.status, ApplicationState.stage), id="application-status"),
        rx.cond(ApplicationState.reason != "", _line(N_("Reason"), ApplicationState.reason)),
        rx.cond(ApplicationState.may_undo_rejection, rx.vstack(
            rx.text(t("The candidate has not been told yet: the rejection can still be undone. Cancelling the "
                      "email alone does not undo the rejection."), size="1", color_scheme="gray"),
            rx.button(rx.icon("undo-2", size=14), t("Undo rejection"), size="1", variant="soft",
                      on_click=ApplicationState.undo_rejection, id="undo-rejection"),
            spacing="1")),
        rx.cond(ApplicationState.deleted,
                rx.callout(t("This application is deleted."), icon="trash-2", color_scheme="gray", size="1")),
        _line(N_("Applied"), ApplicationState.applied),
        _line(N_("Rating"), rx.cond(ApplicationState.rating != "", ApplicationState.rating, "–")),
        rx.hstack(
            rx.el.label(t("Ranking"), html_for="ranking", font_size="14px", width="140px",
                        color=rx.color("gray", 11)),
            rx.el.select(rx.el.option("–", value="0"), rx.el.option("1", value="1"), rx.el.option("2", value="2"),
                         rx.el.option("3", value="3"), id="ranking", value=ApplicationState.ranking,
                         on_change=ApplicationState.set_ranking, disabled=~ApplicationState.may_rank,
                         **NATIVE_SELECT),
            align="center",
        ),
        id="status-section",
    )


def _automatic_rejection() -> rx.Component:
    """The coming automatic rejection of a knocked-out applicant, and the button that stops it (or resumes it)."""
    return rx.fragment(
        rx.cond(ApplicationState.auto_reject_on != "", rx.callout(
            rx.hstack(
                rx.text(ApplicationState.auto_reject_on, size="2"),
                rx.cond(ApplicationState.may_stop_auto_reject,
                        rx.button(t("Stop automatic rejection"), size="1", variant="solid", color_scheme="amber",
                                  on_click=ApplicationState.stop_automatic_rejection, id="stop-auto-reject")),
                align="center", wrap="wrap", spacing="3"),
            icon="clock", color_scheme="amber", size="1", id="auto-reject-notice", width="100%")),
        rx.cond(ApplicationState.auto_reject_stopped, rx.callout(
            rx.hstack(
                rx.text(t("Automatic rejection stopped: this knocked-out applicant stays until a recruiter "
                          "decides."), size="2"),
                rx.cond(ApplicationState.may_stop_auto_reject,
                        rx.button(t("Resume automatic rejection"), size="1", variant="soft",
                                  on_click=ApplicationState.resume_automatic_rejection, id="resume-auto-reject")),
                align="center", wrap="wrap", spacing="3"),
            icon="circle-pause", color_scheme="gray", size="1", id="auto-reject-stopped", width="100%")),
    )


def _cover_letter() -> rx.Component:
    """The letter as typed, and the file when it came as one (or both)."""
    return rx.vstack(
        rx.cond(ApplicationState.cover_letter != "",
                rx.text(ApplicationState.cover_letter, size="2", white_space="pre-wrap")),
        rx.cond(ApplicationState.cover_letter_file != "",
                rx.link(rx.hstack(rx.icon("file-text", size=14), rx.text(ApplicationState.cover_letter_file),
                                  spacing="1", align="center"),
                        href="/files/cover-letter/" + ApplicationState.application_id.to_string(),
                        id="cover-letter-link")),
        rx.cond((ApplicationState.cover_letter == "") & (ApplicationState.cover_letter_file == ""),
                rx.text(t("No cover letter"), size="2", color_scheme="gray")),
        spacing="2", align="start")


def _content() -> rx.Component:
    return rx.cond(
        ApplicationState.not_found,
        rx.callout(t("This application does not exist or you may not see it."), icon="circle-alert",
                   color_scheme="red", id="not-found"),
        rx.vstack(
            rx.vstack(
                rx.link(ApplicationState.project_title, href=ApplicationState.project_href, size="2",
                        id="project-link"),
                rx.heading(ApplicationState.name, size="7", id="page-title"),
                rx.text(t("Application and CV"), color_scheme="gray", size="2"),
                spacing="1",
            ),
            duplicates_notice(),
            further_progress(),
            _automatic_rejection(),
            rx.grid(_personal(), _status(), columns=rx.breakpoints(initial="1", md="2"), spacing="4",
                    width="100%"),
            offer_section(),
            _section(N_("Cover letter"), _cover_letter()),
            rx.cond(ApplicationState.screening.length() > 0,
                    _section(N_("Screening answers"), rx.foreach(ApplicationState.screening, _answer))),
            rating_section(),
            contracts_section(),
            _section(N_("Other applications"),
                     rx.cond(ApplicationState.others.length() > 0,
                             rx.vstack(rx.foreach(ApplicationState.others, _other), spacing="2"),
                             rx.text(t("No other applications"), size="2", color_scheme="gray")),
                     id="other-applications-section"),
            rx.cond(ApplicationState.messages.length() > 0, _section(N_("Emails"), rx.table.root(
                rx.table.body(rx.foreach(ApplicationState.messages, _message_line)), size="1", width="100%",
                id="messages"))),
            _section(N_("History"), rx.table.root(rx.table.body(rx.foreach(ApplicationState.history, _history_line)),
                                                  size="1", width="100%", id="history")),
            spacing="4", width="100%",
        ),
    )


@rx.page(route="/applications/[application_id]", title="Application and CV · Nordlys ATS",
         on_load=[AuthState.require_login, ApplicationState.load, DuplicatesState.load, RatingSectionState.load,
                  ContractsSectionState.load, OfferSectionState.load])
def application_page() -> rx.Component:
    """One applicant's application and CV."""
    return shell(_content(), active_route="/", on_locale_change=ApplicationState.load)
