"""The recruitment project's edit page (/projects/{id}/edit): Details, Advert per language, Screening questions,
Automatic rejection, the status buttons with their refusals, and the History."""

import reflex as rx

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.projects.editing import EMPLOYMENT_TYPES
from ats_app.projects.ui.editor_state import HistoryRow, ProjectEditorState
from ats_app.projects.ui.question_editor import screening_questions
from ats_app.ui.forms import LABEL, NATIVE_SELECT, Choice, error_for
from ats_app.ui.shell import shell
from ats_app.ui.status_badges import project_status_badge
from ats_app.ui.translate import t

S = ProjectEditorState
ADVERT_PARTS = (("introduction", N_("Introduction")), ("job", N_("The job")), ("offer", N_("What we offer")),
                ("contact", N_("Contact person")))


def _section(title: str, *children, id: str) -> rx.Component:
    return rx.card(rx.vstack(rx.heading(t(title), size="4"), *children, spacing="3", width="100%"),
                   width="100%", id=id)


def _field(label: str, name: str, control: rx.Component, hint: str = "") -> rx.Component:
    return rx.vstack(rx.el.label(t(label), html_for="project-" + name.replace("_", "-"), **LABEL), control,
                     rx.text(t(hint), size="1", color_scheme="gray") if hint else rx.fragment(),
                     error_for(S.errors, name), spacing="1", width="100%")


def _text(name: str, **props) -> rx.Component:
    return rx.input(value=S.values[name], on_change=lambda v: S.set_value(name, v),
                    id="project-" + name.replace("_", "-"), width="100%", **props)


def _option(choice: Choice) -> rx.Component:
    return rx.el.option(choice.label, value=choice.value)


def _select(name: str, options: list[rx.Component], empty: str | None = None) -> rx.Component:
    return rx.el.select(*([rx.el.option(t(empty), value="")] if empty else []), *options,
                        value=S.values[name], on_change=lambda v: S.set_value(name, v),
                        id="project-" + name.replace("_", "-"), **{**NATIVE_SELECT, "width": "100%"})


def _position_option(choice: Choice) -> rx.Component:
    return rx.cond((choice.group == "") | (choice.group == S.values["department_id"]), _option(choice))


def _recruiter(choice: Choice) -> rx.Component:
    return rx.cond(choice.value != S.values["owner_id"],
                   rx.checkbox(choice.label, checked=S.recruiter_ids.contains(choice.value),
                               on_change=lambda v: S.toggle_recruiter(choice.value, v),
                               class_name="recruiter-tick"))


def _details() -> rx.Component:
    return _section(
        N_("Details"),
        _field(N_("Title"), "title", _text("title", max_length=300)),
        rx.grid(
            _field(N_("Department"), "department_id", _select("department_id", [rx.foreach(S.departments, _option)],
                                                                     N_("Choose…"))),
            _field(N_("Position"), "position_id", _select("position_id", [rx.foreach(S.positions, _position_option)],
                                                                 N_("No position"))),
            _field(N_("Responsible recruiter"), "owner_id", _select("owner_id", [rx.foreach(S.recruiters, _option)],
                                                                      N_("Choose…"))),
            _field(N_("Employment type"), "employment_type", _select(
                "employment_type", [rx.el.option(t(label), value=key) for key, label in EMPLOYMENT_TYPES.items()])),
            _field(N_("Application deadline"), "deadline", _text("deadline", type="date"),
                   N_("Applications are taken until the end of this day.")),
            _field(N_("Start date"), "start_date", _text("start_date", type="date")),
            _field(N_("Number of positions"), "positions", _text("positions", type="number", min="1", max="999")),
            _field(N_("Place"), "place", _text("place", max_length=200), N_("Where the work is, e.g. the city.")),
            columns=rx.breakpoints(initial="1", sm="2"), spacing="4", width="100%",
        ),
        rx.vstack(rx.text(t("Other recruiters on the project"), **LABEL),
                  rx.flex(rx.foreach(S.recruiters, _recruiter), wrap="wrap", spacing="4", id="project-recruiters"),
                  error_for(S.errors, "recruiters"), spacing="1", width="100%"),
        rx.vstack(rx.text(t("Advertised in"), **LABEL),
                  rx.flex(*[rx.checkbox(name, checked=S.languages.contains(code),
                                        on_change=lambda v, code=code: S.toggle_language(code, v),
                                        id="language-" + code) for code, name in LANGUAGES.items()],
                          wrap="wrap", spacing="4"),
                  rx.text(t("The first language ticked is the advert's main language."), size="1",
                          color_scheme="gray"),
                  error_for(S.errors, "languages"), spacing="1", width="100%"),
        id="project-details",
    )


def _advert_fields(code: str) -> rx.Component:
    def part(name: str, label: str) -> rx.Component:
        key = f"advert_{code}_{name}"
        return rx.vstack(
            rx.el.label(t(label), html_for=f"advert-{code}-{name}", **LABEL),
            rx.text_area(value=S.adverts[code][name], on_change=lambda v: S.set_advert(code, name, v),
                         id=f"advert-{code}-{name}", lang=code, rows="5", width="100%", resize="vertical"),
            error_for(S.errors, key), spacing="1", width="100%")

    return rx.tabs.content(rx.vstack(
        rx.el.label(t("Headline"), html_for=f"advert-{code}-headline", **LABEL),
        rx.input(value=S.adverts[code]["headline"], on_change=lambda v: S.set_advert(code, "headline", v),
                 id=f"advert-{code}-headline", lang=code, width="100%", max_length=300),
        error_for(S.errors, f"advert_{code}_headline"),
        *[part(name, label) for name, label in ADVERT_PARTS],
        spacing="2", width="100%", padding_top="12px"), value=code)


def _advert() -> rx.Component:
    return _section(
        N_("Advert"),
        rx.text(t("Write plain text: a blank line starts a paragraph, **bold**, *italic*, lines starting with "
                  "\"- \" make a list, [text](https://link) a link."), size="2", color_scheme="gray"),
        rx.cond(S.languages.length() == 0, rx.text(t("Tick a language under Details to write its advert."),
                                                   color_scheme="gray", size="2")),
        rx.tabs.root(
            rx.tabs.list(*[rx.cond(S.languages.contains(code), rx.tabs.trigger(name, value=code,
                                                                               id="advert-tab-" + code))
                           for code, name in LANGUAGES.items()]),
            *[_advert_fields(code) for code in LANGUAGES],
            value=S.advert_tab, on_change=S.show_advert, width="100%"),
        id="project-advert",
    )


def _auto_reject() -> rx.Component:
    return _section(
        N_("Automatic rejection"),
        rx.text(t("Reject the applicants who do not meet a requirement automatically, with the email that names "
                  "the requirement. Off: you reject them yourself."), size="2", color_scheme="gray"),
        rx.hstack(
            rx.switch(checked=S.auto_reject_on, on_change=S.set_auto_reject, id="auto-reject-on"),
            rx.text(t("Reject knocked-out applicants after")),
            rx.input(value=S.values["auto_reject_after_days"],
                     on_change=lambda v: S.set_value("auto_reject_after_days", v), type="number", min="1",
                     max="90", width="80px", disabled=~S.auto_reject_on, id="project-auto-reject-after-days"),
            rx.text(t("days")),
            align="center", spacing="2", wrap="wrap"),
        error_for(S.errors, "auto_reject_after_days"),
        id="project-auto-reject",
    )


def _status() -> rx.Component:
    def action(change: str, label: str, shown, tone: str = "teal") -> rx.Component:
        return rx.cond(shown, rx.button(t(label), on_click=S.change_status(change), color_scheme=tone,
                                        variant="soft" if change != "publish" else "solid", id="status-" + change))

    return _section(
        N_("Status"),
        rx.hstack(
            project_status_badge(S.status),
            action("publish", N_("Publish"), S.status == "draft"),
            action("close", N_("Close"), S.status == "open", "gray"),
            action("reopen", N_("Reopen"), S.status == "closed"),
            rx.button(t("Delete"), on_click=S.ask_delete(True), color_scheme="red", variant="soft",
                      id="status-delete"),
            spacing="3", align="center", wrap="wrap"),
        rx.text(t("Publish, Close and Reopen save your changes first. A closed project takes no applications "
                  "but keeps its list."), size="1", color_scheme="gray"),
        rx.cond(S.confirming_delete, rx.callout(rx.hstack(
            rx.text(t("Delete this project? It disappears from every list.")),
            rx.button(t("Delete"), on_click=S.delete, color_scheme="red", size="1", id="confirm-delete"),
            rx.button(t("Cancel"), on_click=S.ask_delete(False), variant="soft", color_scheme="gray", size="1"),
            align="center", spacing="3", wrap="wrap"), icon="triangle-alert", color_scheme="red")),
        rx.cond(S.status_error != "", rx.callout(S.status_error, icon="circle-alert", color_scheme="red",
                                                 id="status-error")),
        id="project-status",
    )


def _history_line(row: HistoryRow) -> rx.Component:
    return rx.table.row(rx.table.cell(row.at, white_space="nowrap"), rx.table.cell(row.actor, white_space="nowrap"),
                        rx.table.cell(row.text), class_name="history-line")


def _history() -> rx.Component:
    return _section(N_("History"), rx.table.root(rx.table.body(rx.foreach(S.history, _history_line)), size="1",
                                                 variant="ghost", width="100%"), id="project-history")


def _save_bar(where: str) -> rx.Component:
    return rx.hstack(
        rx.button(rx.icon("save", size=14), t("Save"), on_click=S.save, id=f"project-save-{where}"),
        rx.cond(S.notice != "", rx.text(S.notice, size="2", id=f"project-notice-{where}",
                                        color_scheme=rx.cond(S.errors.length() > 0, "red", "green"))),
        align="center", spacing="3", wrap="wrap")


def _content() -> rx.Component:
    return rx.cond(
        S.not_found,
        rx.callout(t("This recruitment project does not exist or you may not edit it."), icon="circle-alert",
                   color_scheme="red", id="not-found"),
        rx.vstack(
            rx.vstack(
                rx.hstack(rx.link(t("Recruitment overview"), href="/", size="2"), rx.text("·", color_scheme="gray"),
                          rx.link(t("Application handling"), href="/projects/" + S.project_id.to_string(), size="2",
                                  id="to-applicants"), spacing="2"),
                rx.hstack(rx.heading(S.heading, size="7", id="page-title"), project_status_badge(S.status),
                          align="center", spacing="3"),
                rx.text(t("Edit recruitment project"), color_scheme="gray", size="2"),
                spacing="1"),
            _save_bar("top"),
            _details(), _advert(),
            _section(N_("Screening questions"), screening_questions(), id="project-questions"),
            _auto_reject(), _save_bar("bottom"), _status(), _history(),
            spacing="4", width="100%", max_width="960px"),
    )


@rx.page(route="/projects/[project_id]/edit", title="Edit recruitment project · Nordlys ATS",
         on_load=[AuthState.require_login, ProjectEditorState.load])
def project_editor_page() -> rx.Component:
    """One recruitment project's editor, for admins and recruiters."""
    return shell(_content(), active_route="/", on_locale_change=ProjectEditorState.relabel)
