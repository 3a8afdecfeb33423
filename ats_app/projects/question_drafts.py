"""The screening-question editor's steps on questions in projects.screening's stored shape: a new question,
another kind, another answer, a new place in the list. Pure functions: the editor keeps the list, the project
stores it only when saved (checked by screening.check_questions)."""

from ats_app.projects import screening

DEFAULT_KIND = screening.YES_NO


def _next_id(prefix: str, taken: list[str]) -> str:
    numbers = [int(i[len(prefix):]) for i in taken if i.startswith(prefix) and i[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _yes_no() -> list[dict]:
    return [{"id": key, "label": {}, "knockout": False} for key in screening.YES_NO_LABELS]


def blank_question(questions: list[dict], kind: str = DEFAULT_KIND) -> dict:
    """A new mandatory question of kind, with an id no other question of the project has."""
    question = {"id": _next_id("q", [str(q.get("id")) for q in questions]), "kind": screening.YES_NO,
                "mandatory": True, "text": {}, "requirement": {}, "choices": _yes_no()}
    return with_kind(question, kind)


def with_kind(question: dict, kind: str) -> dict:
    """question as another kind: yes/no gets Yes and No, a choice kind keeps its own answers (two to start),
    text and number have none."""
    if kind not in screening.KINDS:
        return question
    changed = {**question, "kind": kind}
    choices = [c for c in question.get("choices") or [] if c.get("id") not in screening.YES_NO_LABELS]
    if kind == screening.YES_NO:
        changed["choices"] = _yes_no()
    elif kind in screening.CHOICE_KINDS:
        changed["choices"] = choices or [{"id": "c1", "label": {}, "knockout": False},
                                         {"id": "c2", "label": {}, "knockout": False}]
    else:
        changed["choices"] = []
    if kind != screening.NUMBER:
        changed.pop("minimum", None)
    return changed


def with_choice(question: dict) -> dict:
    """question with one more (empty) answer to choose from."""
    choices = list(question.get("choices") or [])
    if len(choices) >= screening.MAX_CHOICES:
        return question
    choices.append({"id": _next_id("c", [str(c.get("id")) for c in choices]), "label": {}, "knockout": False})
    return {**question, "choices": choices}


def moved(questions: list[dict], question_id: str, direction: str) -> list[dict]:
    """The list with one question a place up or down (unchanged at either end)."""
    ids = [q.get("id") for q in questions]
    if question_id not in ids or direction not in ("up", "down"):
        return questions
    at = ids.index(question_id)
    to = at - 1 if direction == "up" else at + 1
    if not 0 <= to < len(questions):
        return questions
    reordered = list(questions)
    reordered[at], reordered[to] = reordered[to], reordered[at]
    return reordered
