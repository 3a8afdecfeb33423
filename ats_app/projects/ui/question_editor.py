"""The Screening questions section of the project editor: add, remove and reorder questions; each one's kind,
whether it is mandatory, its wording per advertised language, its answers with a knock-out tick each, a minimum
for numbers, and the requirement's wording the candidate may be told."""

import reflex as rx

from ats_app.core.i18n import LANGUAGES
from ats_app.projects import screening
from ats_app.projects.ui.editor_state import ProjectEditorState
from ats_app.projects.ui.question_rows import ChoiceRow, QuestionRow
from ats_app.ui.forms import LABEL, NATIVE_SELECT
from ats_app.ui.translate import t, t_choice

S = ProjectEditorState


def _in_languages(builder) -> rx.Component:
    """One field per advertised language, each marked with its language."""
    return rx.vstack(*[rx.cond(S.languages.contains(code), builder(code, name)) for code, name in LANGUAGES.items()],
                     spacing="1", width="100%")


def _language_input(value, on_change, code: str, name: str, id_, placeholder) -> rx.Component:
    return rx.hstack(rx.badge(code.upper(), variant="soft", color_scheme="gray", title=name, min_width="32px"),
                     rx.input(value=value, on_change=on_change, lang=code, id=id_, placeholder=placeholder,
                              width="100%"),
                     align="center", spacing="2", width="100%")


def _choice(q: QuestionRow, c: ChoiceRow) -> rx.Component:
    label = rx.cond(
        q.kind == screening.YES_NO,
        rx.text(t_choice(c.id, screening.YES_NO_LABELS), weight="medium", min_width="60px"),
        _in_languages(lambda code, name: _language_input(
            c.label[code], lambda v: S.set_choice_label(q.id, c.id, code, v), code, name,
            "choice-" + q.id + "-" + c.id + "-" + code, t("Answer"))))
    return rx.hstack(
        rx.box(label, flex="1"),
        rx.checkbox(t("Does not meet the requirement"), checked=c.knockout,
                    on_change=lambda v: S.set_knockout(q.id, c.id, v), id="knockout-" + q.id + "-" + c.id,
                    color_scheme="red", white_space="nowrap"),
        rx.cond(q.kind != screening.YES_NO,
                rx.icon_button(rx.icon("x", size=14), size="1", variant="soft", color_scheme="gray",
                               on_click=S.remove_choice(q.id, c.id), aria_label=t("Remove answer"),
                               title=t("Remove answer"))),
        align="center", spacing="3", width="100%", class_name="choice-row",
    )


def _kind_option(key: str, label: str) -> rx.Component:
    return rx.el.option(t(label), value=key)


def _question(q: QuestionRow) -> rx.Component:
    error = "question-" + q.id
    return rx.card(rx.vstack(
        rx.hstack(
            rx.el.select(*[_kind_option(k, v) for k, v in screening.KINDS.items()], value=q.kind,
                         on_change=lambda v: S.set_question_kind(q.id, v), aria_label=t("Kind of question"),
                         id="kind-" + q.id, **NATIVE_SELECT),
            rx.checkbox(t("Mandatory"), checked=q.mandatory, on_change=lambda v: S.set_question_mandatory(q.id, v),
                        id="mandatory-" + q.id),
            rx.spacer(),
            rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft", color_scheme="gray",
                           disabled=q.first, on_click=S.move_question(q.id, "up"), aria_label=t("Move up"),
                           title=t("Move up")),
            rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft", color_scheme="gray",
                           disabled=q.last, on_click=S.move_question(q.id, "down"), aria_label=t("Move down"),
                           title=t("Move down")),
            rx.button(rx.icon("trash-2", size=14), t("Remove question"), size="1", variant="soft", color_scheme="red",
                      on_click=S.remove_question(q.id), id="remove-" + q.id),
            align="center", spacing="3", width="100%", wrap="wrap",
        ),
        rx.text(t("Question"), **LABEL),
        _in_languages(lambda code, name: _language_input(
            q.text[code], lambda v: S.set_question_text(q.id, "text", code, v), code, name,
            "question-" + q.id + "-" + code, t("The question, as the candidate reads it"))),
        rx.cond(q.choices.length() > 0, rx.vstack(
            rx.text(t("Answers"), **LABEL),
            rx.foreach(q.choices, lambda c: _choice(q, c)),
            rx.cond(q.kind != screening.YES_NO,
                    rx.button(rx.icon("plus", size=14), t("Add answer"), size="1", variant="soft",
                              on_click=S.add_choice(q.id), id="add-choice-" + q.id)),
            spacing="2", width="100%")),
        rx.cond(q.kind == screening.NUMBER, rx.vstack(
            rx.el.label(t("Lowest acceptable number (below it does not meet the requirement)"),
                        html_for="minimum-" + q.id, **LABEL),
            rx.input(value=q.minimum, on_change=lambda v: S.set_minimum(q.id, v), id="minimum-" + q.id,
                     width="120px", input_mode="decimal"),
            spacing="1")),
        rx.text(t("Requirement (what a candidate who does not meet it may be told)"), **LABEL),
        _in_languages(lambda code, name: _language_input(
            q.requirement[code], lambda v: S.set_question_text(q.id, "requirement", code, v), code, name,
            "requirement-" + q.id + "-" + code, t("For example: A valid work permit for the EU/EEA"))),
        rx.cond(S.errors.contains(error), rx.text(S.errors[error], color_scheme="red", size="2",
                                                  class_name="field-error", id="error-" + error)),
        spacing="2", width="100%"), width="100%", class_name="question-card", id="question-card-" + q.id)


def screening_questions() -> rx.Component:
    """The section: every question in order, and Add question."""
    return rx.vstack(
        rx.text(t("Ask what decides early. Tick the answers that do not meet the requirement: those candidates "
                  "are marked as knocked out in the list."), size="2", color_scheme="gray"),
        rx.foreach(S.questions, _question),
        rx.cond(S.errors.contains("questions"), rx.text(S.errors["questions"], color_scheme="red", size="2",
                                                        class_name="field-error", id="error-questions")),
        rx.button(rx.icon("plus", size=14), t("Add question"), variant="soft", on_click=S.add_question,
                  id="add-question"),
        spacing="3", width="100%",
    )
