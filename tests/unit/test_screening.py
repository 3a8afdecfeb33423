"""Screening questions: the stored shape, the editor's and the form's checks, and the knock-out rule."""

from decimal import Decimal

from ats_app.projects import screening as s

PERMIT = {"id": "q1", "kind": "yes_no", "mandatory": True, "text": {"en": "Do you have a work permit?"},
          "choices": [{"id": "yes"}, {"id": "no", "knockout": True}], "requirement": {"en": "A work permit"}}
YEARS = {"id": "q2", "kind": "number", "mandatory": False, "text": {"en": "Years of experience?"}, "minimum": "3",
         "requirement": {"en": "Three years' experience", "nb": "Tre års erfaring"}}
TOOLS = {"id": "q3", "kind": "several_choices", "text": {"en": "Tools?"}, "requirement": {"en": "Forklift"},
         "choices": [{"id": "a", "label": {"en": "Forklift"}}, {"id": "b", "label": {"en": "None"}, "knockout": True}]}
NOTE = {"id": "q4", "kind": "short_text", "text": {"en": "Anything else?"}}


def test_the_shape_before_kinds_reads_as_a_mandatory_yes_no_question():
    old = s.parse({"id": "q1", "text": {"en": "Permit?"}, "knockout": "no"})
    assert old.kind == s.YES_NO and old.mandatory and old.can_knock_out
    assert [c.id for c in old.choices if c.knockout] == ["no"]
    assert s.parse(s.to_json(old)) == old


def test_round_trip_keeps_every_kind():
    for raw in (PERMIT, YEARS, TOOLS, NOTE):
        q = s.parse(raw)
        assert s.parse(s.to_json(q)) == q
    assert s.parse(YEARS).minimum == Decimal("3")


def test_answers_are_checked_and_stored_by_question():
    qs = s.questions_of([PERMIT, YEARS, TOOLS, NOTE])
    answers, errors = s.check_answers(qs, {"q1": "", "q2": "two", "q3": ["a", "zz"], "q4": "x" * 1001})
    assert errors == {"q1": s.REQUIRED, "q2": s.NOT_A_NUMBER, "q3": s.NOT_A_CHOICE, "q4": s.TOO_LONG}
    assert answers == {}
    answers, errors = s.check_answers(qs, {"q1": "yes", "q2": "2,5", "q3": ["b", "a"], "q4": " "})
    assert errors == {} and answers == {"q1": "yes", "q2": "2,5", "q3": ["a", "b"]}


def test_knock_out_names_each_requirement_not_met_in_the_candidates_language():
    qs = s.questions_of([PERMIT, YEARS, TOOLS, NOTE])
    assert s.knocked_out(qs, {"q1": "yes", "q2": "4", "q3": ["a"]}) is False
    assert s.knocked_out(qs, {"q1": "yes", "q2": "2,5"}) is True
    assert s.requirements_not_met(qs, {"q1": "no", "q2": "1", "q3": ["a"]}, "nb") == ["A work permit",
                                                                                    "Tre års erfaring"]
    assert s.knocked_out(s.questions_of([NOTE]), {"q4": "hi"}) is None


def test_the_editor_refuses_what_cannot_be_asked():
    one = {"id": "q5", "kind": "one_choice", "text": {"en": "Shift?"}, "choices": [{"id": "a", "label": {"en": "Day"}}]}
    unworded = {**PERMIT, "id": "q6", "requirement": {}}
    untitled = {**NOTE, "id": "q7", "text": {"sv": "Annat?"}}
    errors = s.check_questions(s.questions_of([one, unworded, untitled, PERMIT]), ["en", "nb"])
    assert set(errors) == {"q5", "q6", "q7"}
    assert s.check_questions(s.questions_of([PERMIT, YEARS, TOOLS, NOTE]), ["en"]) == {}


def test_answers_read_in_words():
    qs = s.questions_of([PERMIT, TOOLS])
    assert s.answered(qs, {"q1": "yes", "q3": ["a", "b"]}, "en", str.upper) == [
        ("Do you have a work permit?", "YES"), ("Tools?", "Forklift, None")]
