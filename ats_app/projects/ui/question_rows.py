"""A screening question as the editor's state holds it (typed rows for rx.foreach), and back to the stored shape."""

from dataclasses import dataclass, field

from ats_app.core.i18n import LANGUAGES
from ats_app.projects import screening


@dataclass
class ChoiceRow:
    """One answer of a question in the editor."""

    id: str
    label: dict[str, str]
    knockout: bool


@dataclass
class QuestionRow:
    """One screening question in the editor: its text and requirement per language as typed."""

    id: str
    kind: str
    mandatory: bool
    text: dict[str, str]
    requirement: dict[str, str]
    minimum: str
    choices: list[ChoiceRow] = field(default_factory=list)
    first: bool = False
    last: bool = False



def row_of(q: dict, i: int, n: int) -> QuestionRow:
    """A stored question as the editor shows it (every language's field present, empty when unwritten)."""
    full = {code: "" for code in LANGUAGES}
    return QuestionRow(id=str(q["id"]), kind=q.get("kind", screening.YES_NO), mandatory=bool(q.get("mandatory")),
                       text={**full, **(q.get("text") or {})}, requirement={**full, **(q.get("requirement") or {})},
                       minimum=str(q.get("minimum") or ""),
                       choices=[ChoiceRow(str(c["id"]), {**full, **(c.get("label") or {})}, bool(c.get("knockout")))
                                for c in q.get("choices") or []], first=i == 0, last=i == n - 1)


def stored_of(q: QuestionRow) -> dict:
    """The editor's question in projects.screening's stored shape (unwritten languages left out)."""
    def written(texts: dict[str, str]) -> dict[str, str]:
        return {code: text for code, text in texts.items() if text.strip()}

    stored = {"id": q.id, "kind": q.kind, "mandatory": q.mandatory, "text": written(q.text),
              "requirement": written(q.requirement),
              "choices": [{"id": c.id, "label": written(c.label), "knockout": c.knockout} for c in q.choices]}
    if q.kind == screening.NUMBER and q.minimum.strip():
        stored["minimum"] = q.minimum.strip()
    return stored
