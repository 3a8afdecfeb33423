"""Screening questions: the shape a project keeps them in, the editor's checks, the application form's checks,
and the knock-out rule ("does not meet the requirement") that the list's filter and the automatic rejection use.

A project stores its questions as JSON (RecruitmentProject.screening_questions), one dict per question:

    {"id": "q1", "kind": "yes_no" | "one_choice" | "several_choices" | "short_text" | "number",
     "mandatory": true, "text": {"en": "...", "nb": "..."},
     "choices": [{"id": "c1", "label": {"en": "..."}, "knockout": false}, ...],   # choice kinds only
     "minimum": 3,                                                             # number: below it knocks out
     "requirement": {"en": "A valid work permit"}}                             # what a knocked-out candidate is told

Answers are stored on the application (Application.screening_answers) by question id: a choice id for yes/no
and one choice, a list of choice ids for several choices, the text, or the number as text. Projects made before
kinds existed keep {"knockout": "no"} on a yes/no question; they are read as the same thing.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ats_app.core.i18n import N_

YES_NO, ONE_CHOICE, SEVERAL, TEXT, NUMBER = "yes_no", "one_choice", "several_choices", "short_text", "number"
KINDS: dict[str, str] = {
    YES_NO: N_("Yes or no"),
    ONE_CHOICE: N_("One choice"),
    SEVERAL: N_("Several choices"),
    TEXT: N_("Short text"),
    NUMBER: N_("Number"),
}
CHOICE_KINDS = (YES_NO, ONE_CHOICE, SEVERAL)
YES_NO_LABELS = {"yes": N_("Yes"), "no": N_("No")}
MAX_QUESTIONS = 30
MAX_CHOICES = 20
MAX_TEXT_ANSWER = 1000

MEETS, KNOCKED_OUT = "meets", "knocked_out"  # the applicant list's filter values
REQUIRED = N_("Please answer this question.")
NOT_A_CHOICE = N_("Please choose one of the answers shown.")
NOT_A_NUMBER = N_("Please write a number, for example 3 or 2.5.")
TOO_LONG = N_("Please keep the answer under 1,000 characters.")


@dataclass(frozen=True)
class Choice:
    """One answer a candidate may pick; a knock-out choice means the requirement is not met."""

    id: str
    label: dict[str, str]
    knockout: bool = False


@dataclass(frozen=True)
class Question:
    """One screening question of a project, in every language it is written in."""

    id: str
    kind: str
    text: dict[str, str]
    mandatory: bool = False
    choices: tuple[Choice, ...] = ()
    minimum: Decimal | None = None
    requirement: dict[str, str] = field(default_factory=dict)

    @property
    def can_knock_out(self) -> bool:
        return any(c.knockout for c in self.choices) or (self.kind == NUMBER and self.minimum is not None)


def in_language(texts: Mapping[str, str], language: str, fallback: str = "") -> str:
    """The text in language, else English, else the first one written, else fallback."""
    return texts.get(language) or texts.get("en") or next((v for v in texts.values() if v), fallback)


def _yes_no_choices(raw: dict) -> tuple[Choice, ...]:
    given = {c.get("id"): c for c in raw.get("choices") or [] if isinstance(c, dict)}
    old = str(raw.get("knockout") or "").lower()  # the shape before kinds: the answer that knocks out
    return tuple(Choice(key, {}, bool(given.get(key, {}).get("knockout")) or old == key) for key in YES_NO_LABELS)


def parse(raw: dict) -> Question:
    """A stored question as a Question (unknown kinds are read as short text, so nothing is lost)."""
    kind = raw.get("kind") or YES_NO
    kind = kind if kind in KINDS else TEXT
    if kind == YES_NO:
        choices = _yes_no_choices(raw)
    elif kind in CHOICE_KINDS:
        choices = tuple(Choice(str(c.get("id")), dict(c.get("label") or {}), bool(c.get("knockout")))
                        for c in raw.get("choices") or [] if isinstance(c, dict) and c.get("id"))
    else:
        choices = ()
    minimum = None
    if kind == NUMBER and raw.get("minimum") not in (None, ""):
        minimum = _number(str(raw["minimum"]))
    return Question(id=str(raw.get("id")), kind=kind, text=dict(raw.get("text") or {}),
                    mandatory=bool(raw.get("mandatory", "kind" not in raw)), choices=choices, minimum=minimum,
                    requirement=dict(raw.get("requirement") or {}))


def questions_of(stored: list[dict] | None) -> list[Question]:
    """A project's questions, in their order."""
    return [parse(raw) for raw in stored or [] if isinstance(raw, dict) and raw.get("id")]


def to_json(question: Question) -> dict:
    """The stored shape of a question (the inverse of parse)."""
    stored: dict = {"id": question.id, "kind": question.kind, "mandatory": question.mandatory, "text": question.text,
                    "requirement": question.requirement}
    if question.kind in CHOICE_KINDS:
        stored["choices"] = [{"id": c.id, "label": c.label, "knockout": c.knockout} for c in question.choices]
    if question.kind == NUMBER and question.minimum is not None:
        stored["minimum"] = str(question.minimum)
    return stored


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def choice_label(question: Question, choice: Choice, language: str) -> str:
    """What a choice says in language (yes/no are the product's own words, translated by the caller's gettext)."""
    return YES_NO_LABELS[choice.id] if question.kind == YES_NO else in_language(choice.label, language, choice.id)


def check_questions(questions: list[Question], languages: list[str]) -> dict[str, str]:
    """The editor's checks, by question id (and "questions" for the whole list): each question is written in
    at least one of the project's languages, has a known kind, enough distinct choices, and a requirement's
    wording when an answer can knock out."""
    errors: dict[str, str] = {}
    if len(questions) > MAX_QUESTIONS:
        errors["questions"] = N_("A project can ask at most 30 screening questions.")
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            errors[q.id] = N_("Two questions have the same id.")
        seen.add(q.id)
        if q.kind not in KINDS:
            errors[q.id] = N_("Choose the kind of question.")
        elif not any(q.text.get(lang, "").strip() for lang in languages):
            errors[q.id] = N_("Write the question in at least one of the project's languages.")
        elif q.kind in (ONE_CHOICE, SEVERAL) and len(q.choices) < 2:
            errors[q.id] = N_("Give at least two answers to choose from.")
        elif q.kind in (ONE_CHOICE, SEVERAL) and len(q.choices) > MAX_CHOICES:
            errors[q.id] = N_("A question can offer at most 20 answers.")
        elif q.kind in (ONE_CHOICE, SEVERAL) and any(
                not any(c.label.get(lang, "").strip() for lang in languages) for c in q.choices):
            errors[q.id] = N_("Every answer needs its wording in at least one of the project's languages.")
        elif q.kind == ONE_CHOICE and q.choices and all(c.knockout for c in q.choices):
            errors[q.id] = N_("At least one answer must meet the requirement.")
        elif q.can_knock_out and not any(q.requirement.get(lang, "").strip() for lang in languages):
            errors[q.id] = N_("Write the requirement the candidate may be told, in at least one language.")
    return errors


def check_answers(questions: list[Question], given: Mapping[str, str | list[str]]) -> tuple[dict, dict[str, str]]:
    """The application form's answers as stored answers, and the messages by question id for what is wrong
    (a mandatory question unanswered, a choice that is not offered, a number that is not one)."""
    answers: dict = {}
    errors: dict[str, str] = {}
    for q in questions:
        value = given.get(q.id)
        ids = {c.id for c in q.choices}
        if q.kind == SEVERAL:
            picked = [v for v in (value if isinstance(value, list) else [value] if value else [])]
            if any(v not in ids for v in picked):
                errors[q.id] = NOT_A_CHOICE
            elif picked:
                answers[q.id] = [c.id for c in q.choices if c.id in picked]
            elif q.mandatory:
                errors[q.id] = REQUIRED
            continue
        text = (value[0] if isinstance(value, list) and value else value if isinstance(value, str) else "").strip()
        if not text:
            if q.mandatory:
                errors[q.id] = REQUIRED
        elif q.kind in CHOICE_KINDS and text not in ids:
            errors[q.id] = NOT_A_CHOICE
        elif q.kind == NUMBER and _number(text) is None:
            errors[q.id] = NOT_A_NUMBER
        elif len(text) > MAX_TEXT_ANSWER:
            errors[q.id] = TOO_LONG
        else:
            answers[q.id] = text
    return answers, errors


def _knocks_out(q: Question, answer) -> bool:
    if answer is None:
        return False
    if q.kind == NUMBER:
        number = _number(str(answer))
        return q.minimum is not None and number is not None and number < q.minimum
    picked = answer if isinstance(answer, list) else [str(answer)]
    knockouts = {c.id for c in q.choices if c.knockout}
    return any(str(p).lower() in knockouts for p in picked)


def unmet(questions: list[Question], answers: Mapping) -> list[Question]:
    """The questions whose answer rules the candidate out."""
    return [q for q in questions if _knocks_out(q, answers.get(q.id))]


def knocked_out(questions: list[Question], answers: Mapping) -> bool | None:
    """True when an answer rules the candidate out, False when none does, None when nothing asked can."""
    if not any(q.can_knock_out for q in questions):
        return None
    return bool(unmet(questions, answers))


def requirements_not_met(questions: list[Question], answers: Mapping, language: str) -> list[str]:
    """The wording of each requirement not met, in language (the rejection email's {requirement} tag)."""
    return [in_language(q.requirement, language, in_language(q.text, language, q.id))
            for q in unmet(questions, answers)]


def answer_text(question: Question, answer, language: str, translate) -> str:
    """An answer as a recruiter or a reviewer reads it (translate: the reader's gettext for Yes and No)."""
    if question.kind in CHOICE_KINDS:
        by_id = {c.id: c for c in question.choices}
        picked = answer if isinstance(answer, list) else [str(answer)]
        words = []
        for p in picked:
            choice = by_id.get(str(p).lower()) or by_id.get(str(p))
            label = choice_label(question, choice, language) if choice else str(p)
            words.append(translate(label) if question.kind == YES_NO and choice else label)
        return ", ".join(words)
    return str(answer)


def answered(questions: list[Question], answers: Mapping, language: str, translate) -> list[tuple[str, str]]:
    """(question in language, answer in words) for each answered question, in the project's order."""
    return [(in_language(q.text, language, q.id), answer_text(q, answers[q.id], language, translate))
            for q in questions if answers.get(q.id) not in (None, "", [])]
