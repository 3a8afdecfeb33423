"""The screening-question editor's steps: new questions, another kind, more answers, another order."""

from ats_app.projects import question_drafts, screening


def test_a_new_question_is_a_mandatory_yes_no_with_a_fresh_id():
    first = question_drafts.blank_question([])
    assert first["id"] == "q1" and first["kind"] == "yes_no" and first["mandatory"] is True
    assert [c["id"] for c in first["choices"]] == ["yes", "no"]
    assert question_drafts.blank_question([first, {"id": "q7"}])["id"] == "q8"
    assert screening.to_json(screening.parse(first)) == first  # the stored shape, nothing more


def test_another_kind_keeps_what_fits_it():
    question = question_drafts.blank_question([], "one_choice")
    assert [c["id"] for c in question["choices"]] == ["c1", "c2"]
    question = question_drafts.with_choice(question)
    assert [c["id"] for c in question["choices"]] == ["c1", "c2", "c3"]
    assert [c["id"] for c in question_drafts.with_kind(question, "several_choices")["choices"]] == ["c1", "c2", "c3"]
    assert question_drafts.with_kind(question, "yes_no")["choices"][1]["id"] == "no"
    number = question_drafts.with_kind({**question, "minimum": "3"}, "number")
    assert number["choices"] == [] and number["minimum"] == "3"
    assert "minimum" not in question_drafts.with_kind(number, "short_text")
    assert question_drafts.with_kind(question, "essay") == question


def test_at_most_twenty_answers():
    question = question_drafts.blank_question([], "one_choice")
    for _ in range(30):
        question = question_drafts.with_choice(question)
    assert len(question["choices"]) == screening.MAX_CHOICES


def test_moving_a_question_up_and_down_stops_at_the_ends():
    questions = [{"id": "q1"}, {"id": "q2"}, {"id": "q3"}]
    assert [q["id"] for q in question_drafts.moved(questions, "q2", "up")] == ["q2", "q1", "q3"]
    assert [q["id"] for q in question_drafts.moved(questions, "q2", "down")] == ["q1", "q3", "q2"]
    assert question_drafts.moved(questions, "q1", "up") == questions
    assert question_drafts.moved(questions, "q3", "down") == questions
    assert question_drafts.moved(questions, "q9", "up") == questions
