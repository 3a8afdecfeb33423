"""Panel review rules: the sealed link and its scope, ratings 1–7 and comments, Done, the blind view, the due
date and revocation, candidates who leave the panel."""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from ats_app.core.errors import InvalidInput, ReviewClosed
from ats_app.models import ApplicationEvent, ApplicationStatus, Message, Rating
from ats_app.panel_review import panels, reviewing
from tests.unit.factories import make_application, make_panel, make_project, make_user


@pytest.fixture
def setup(session):
    project = make_project(session)
    first = make_application(session, project)
    second = make_application(session, project, first_name="Ola", last_name="Hansen")
    requester = make_user(session, "recruiter@example.com", name="Rita Recruiter")
    panel, reviewers = make_panel(session, project, [first, second], created_by=requester,
                                  notify_on_completion=True)
    return project, first, second, panel, reviewers


def test_a_token_finds_its_reviewer_and_nothing_else(session, setup):
    _, _, _, panel, [(anna, anna_token), (bo, bo_token)] = setup
    assert panels.reviewer_by_token(session, anna_token).id == anna.id
    assert panels.reviewer_by_token(session, bo_token).id == bo.id
    for wrong in ("", None, anna_token[:-1] + "x", "a" * 500):
        assert panels.reviewer_by_token(session, wrong) is None
    assert anna.token_hash != anna_token  # only the hash is stored


def test_ratings_are_checked_saved_and_changed(session, setup):
    _, first, _, _, [(anna, _), _] = setup
    for bad, field in ((0, "score"), (8, "score"), ("7.5", "score"), ("x", "score"), ("", "score")):
        with pytest.raises(InvalidInput) as refused:
            reviewing.save_rating(session, anna, first.id, bad, "")
        assert field in refused.value.errors
    with pytest.raises(InvalidInput) as refused:
        reviewing.save_rating(session, anna, first.id, 5, "x" * (reviewing.COMMENT_MAX + 1))
    assert "comment" in refused.value.errors
    assert session.exec(select(Rating)).all() == []
    reviewing.save_rating(session, anna, first.id, "5", "  Strong on SQL ")
    reviewing.save_rating(session, anna, first.id, 6, "Strong on SQL, good references")
    [rating] = session.exec(select(Rating)).all()
    assert (rating.score, rating.comment, rating.updated_at is not None) == (6, "Strong on SQL, good references", True)


def test_a_panel_without_rating_or_comments_takes_only_the_other(session, setup):
    _, first, _, panel, [(anna, _), _] = setup
    panel.allow_comments = False
    session.add(panel)
    rating = reviewing.save_rating(session, anna, first.id, 4, "ignored")
    assert (rating.score, rating.comment) == (4, None)
    panel.allow_comments, panel.allow_rating = True, False
    rating = reviewing.save_rating(session, anna, first.id, 7, "Only words")
    assert (rating.score, rating.comment) == (None, "Only words")


def test_others_are_hidden_until_the_reviewer_has_completed(session, setup):
    _, first, _, _, [(anna, _), (bo, _)] = setup
    reviewing.save_rating(session, bo, first.id, 2, "Not for us")
    reviewing.save_rating(session, anna, first.id, 6, "")
    assert reviewing.others(session, anna, first.id) is None  # blind
    assert reviewing.complete_review(session, anna) is True
    assert reviewing.others(session, anna, first.id) == [reviewing.OtherOpinion("Bo", 2, "Not for us")]
    assert reviewing.complete_review(session, anna) is False  # once


def test_completing_writes_history_and_tells_the_requester(session, setup):
    _, first, second, _, [(anna, _), _] = setup
    reviewing.complete_review(session, anna)
    session.commit()
    lines = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "panel_completed")).all()
    assert sorted(line.application_id for line in lines) == sorted([first.id, second.id])
    [notice] = session.exec(select(Message)).all()
    assert notice.recipient == "recruiter@example.com" and "Anna" in notice.subject


def test_after_the_due_date_nothing_changes_and_the_link_closes_after_the_grace(session, setup):
    _, first, _, panel, [(anna, _), _] = setup
    after_due = panels.due_end(session, panel.due_date) + timedelta(minutes=1)
    assert panels.link_works(session, anna, after_due)
    with pytest.raises(ReviewClosed):
        reviewing.save_rating(session, anna, first.id, 5, "", now=after_due)
    with pytest.raises(ReviewClosed):
        reviewing.complete_review(session, anna, now=after_due)
    assert not panels.link_works(session, anna, after_due + panels.GRACE)


def test_revoked_links_and_removed_candidates(session, setup):
    _, first, second, panel, [(anna, _), (bo, _)] = setup
    first.status = ApplicationStatus.REJECTED
    second.deleted_at = datetime.now(timezone.utc)
    session.add_all([first, second])
    session.commit()
    assert panels.candidates(session, panel.id) == []
    with pytest.raises(ReviewClosed):
        reviewing.save_rating(session, anna, first.id, 5, "")
    bo.revoked_at = datetime.now(timezone.utc)
    assert not panels.link_works(session, bo) and panels.link_works(session, anna)
    panel.revoked_at = datetime.now(timezone.utc)
    assert not panels.link_works(session, anna)


def test_a_rating_for_a_candidate_of_another_panel_is_refused(session, setup):
    project, _, _, _, [(anna, _), _] = setup
    other = make_application(session, project, first_name="Per", last_name="Berg")
    make_panel(session, project, [other], reviewers=("carl@partner.example",))
    with pytest.raises(ReviewClosed):
        reviewing.save_rating(session, anna, other.id, 5, "")


def test_due_end_is_the_end_of_the_day_in_the_organisation(session):
    end = panels.due_end(session, date(2026, 12, 10))
    assert end == datetime(2026, 12, 10, 23, 0, tzinfo=timezone.utc)  # midnight in Oslo


def test_the_material_shares_what_was_chosen_and_anonymises_on_request(session, setup):
    from ats_app.panel_review.material import Sharing, candidate_material
    _, first, _, _, _ = setup
    candidate = first  # the factory's candidate
    from ats_app.models import Candidate
    person = session.get(Candidate, candidate.candidate_id)
    person.cv_text, person.city, person.cv_file_key, person.cv_filename = (
        "Kari Nordmann, kari.nordmann@example.com\n\nTen years of Python.", "Bergen", "k", "kari.pdf")
    first.cover_letter = "Dear team,\n\nI am Kari Nordmann."
    session.add_all([person, first])
    session.commit()
    full = candidate_material(session, Sharing(), first.id, "en")
    assert (full.name, full.city, full.cv_file, full.cv_pdf) == ("Kari Nordmann", "Bergen", "kari.pdf", False)
    hidden = candidate_material(session, Sharing(share_cv=False, share_cover_letter=False), first.id, "en")
    assert (hidden.cv_text, hidden.cv_file, hidden.cover_letter) == ([], "", [])
    anonymous = candidate_material(session, Sharing(anonymise=True), first.id, "en")
    shown = " ".join([anonymous.name, *anonymous.cv_text, *anonymous.cover_letter])
    assert anonymous.name == f"K-{person.id}" and anonymous.cv_file == "" and anonymous.cv_pdf
    assert "Kari" not in shown and "kari.nordmann@example.com" not in shown and "Ten years of Python." in shown


def test_each_rating_given_or_changed_is_a_history_line_without_the_score(session, setup):
    from ats_app.handling.application_detail import describe
    _, first, _, _, [(anna, _), _] = setup
    reviewing.save_rating(session, anna, first.id, 5, "Good")
    reviewing.save_rating(session, anna, first.id, 5, "Good")  # unchanged: no line
    reviewing.save_rating(session, anna, first.id, 6, "Better than I thought")
    session.commit()
    lines = session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == first.id)
                         .order_by(ApplicationEvent.id)).all()
    assert [line.kind for line in lines] == ["panel_rated", "panel_rating_changed"]
    assert all("score" not in line.payload and "6" not in str(line.payload) for line in lines)
    assert describe("panel_rated", lines[0].payload, "en", {}) == "Anna rated the candidate (review panel)"
