"""The panels' results where recruiters decide (panel_review.results): the list's Rating column (average and
count, unrated last, the sort), Application and CV's Collaborative rating section (what each user sees, the blind
rule inside the app, rights) and rating inside the app."""

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from ats_app.core.errors import ActionRefused, InvalidInput, ReviewClosed
from ats_app.core.i18n import format_average
from ats_app.handling.applicant_list import list_applicants
from ats_app.handling.application_detail import application_detail
from ats_app.models import ApplicationStatus, Rating, Role
from ats_app.models.base import utcnow
from ats_app.panel_review import panels, results, reviewing
from tests.unit.factories import login_as, make_application, make_department, make_panel, make_project, make_user


@pytest.fixture
def world(session):
    """A project of Engineering with four applicants, an admin, and Ingrid (a recruiter) who will review."""
    engineering = make_department(session)
    make_user(session)
    ingrid = make_user(session, "ingrid@example.com", name="Ingrid Solheim")
    project = make_project(session, department=engineering)
    apps = [make_application(session, project, first_name=name, last_name="Test")
            for name in ("Anna", "Bo", "Cai", "Dag")]
    return project, apps, ingrid, engineering


def _rate(session, reviewer, application, score, comment=None):
    session.add(Rating(reviewer_id=reviewer.id, application_id=application.id, score=score, comment=comment))
    session.commit()


def _internal(session, panel, user):
    reviewer, _ = panels.new_reviewer(session, panel, email=user.email, name=user.name, language="en", user_id=user.id)
    session.commit()
    return reviewer


def _rows(session, user, project, **kw):
    return {r.name.split()[0]: r for r in list_applicants(session, user, project.id, **kw).rows}


def test_the_list_shows_the_average_of_scored_ratings_with_their_count(session, world):
    project, (anna, bo, *_), _, _ = world
    _, reviewers = make_panel(session, project, [anna, bo], reviewers=("a@x.example", "b@x.example", "c@x.example",
                                                                     "d@x.example"))
    for (reviewer, _), score in zip(reviewers, (5, 6, 6, None)):
        _rate(session, reviewer, anna, score, "only a comment" if score is None else None)
    _rate(session, reviewers[3][0], bo, None, "no score given")
    rows = _rows(session, login_as(session), project)
    assert (rows["Anna"].rating, rows["Anna"].rating_count) == (5.7, 3)  # the comment-only rating is not counted
    assert (rows["Bo"].rating, rows["Bo"].rating_count) == (None, 0)
    assert format_average(5.7, 3, "en") == "5.7 (3)" and format_average(5.7, 3, "nb") == "5,7 (3)"
    assert format_average(None, 0, "en") == ""


def test_sorting_by_rating_puts_the_unrated_last_and_breaks_ties_by_count(session, world):
    project, (anna, bo, cai, dag), _, _ = world
    extra = make_application(session, project, first_name="Eli", last_name="Test")
    _, reviewers = make_panel(session, project, [anna, bo, cai], reviewers=("a@x.example", "b@x.example"))
    (first, _), (second, _) = reviewers
    _rate(session, first, anna, 6)  # 6 of two (applied first: the id alone would put Anna after Bo)
    _rate(session, second, anna, 6)
    _rate(session, first, bo, 6)  # 6 of one
    _rate(session, first, cai, 4)
    _rate(session, second, cai, None, "no score")
    admin = login_as(session)

    def order(descending):
        page = list_applicants(session, admin, project.id, sort="rating", descending=descending)
        return [r.name.split()[0] for r in page.rows]

    assert order(True) == ["Anna", "Bo", "Cai", "Eli", "Dag"]  # unrated by id, newest first
    assert order(False) == ["Cai", "Bo", "Anna", "Dag", "Eli"]  # unrated still last
    assert extra.id > dag.id


def test_ratings_of_deleted_and_other_applications_are_not_counted(session, world):
    project, (anna, bo, *_), _, _ = world
    gone = make_application(session, project, first_name="Gone", last_name="Test")
    elsewhere = make_project(session, "Another project")
    same_person_elsewhere = make_application(session, elsewhere, first_name="Anna", last_name="Elsewhere")
    _, [(here, _)] = make_panel(session, project, [anna, gone], reviewers=("a@x.example",))
    _, [(there, _)] = make_panel(session, elsewhere, [same_person_elsewhere], reviewers=("b@x.example",))
    _rate(session, here, anna, 7)
    _rate(session, here, gone, 1)
    _rate(session, there, same_person_elsewhere, 2)
    gone.deleted_at = utcnow()
    session.add(gone)
    session.commit()
    admin = login_as(session)
    rows = _rows(session, admin, project)
    assert set(rows) == {"Anna", "Bo", "Cai", "Dag"}
    assert (rows["Anna"].rating, rows["Anna"].rating_count) == (7.0, 1)
    by_rating = list_applicants(session, admin, project.id, sort="rating").rows
    assert [r.name for r in by_rating][0] == "Anna Test" and by_rating[0].rating_count == 1
    deleted = _rows(session, admin, project, group="deleted")
    assert (deleted["Gone"].rating, deleted["Gone"].rating_count) == (1.0, 1)  # its own ratings, on its own line


def test_a_pending_reviewer_sees_only_their_own_rating_until_they_have_completed(session, world):
    project, (anna, *_), ingrid, _ = world
    panel, [(outside, _)] = make_panel(session, project, [anna], reviewers=("eva@partner.example",))
    mine = _internal(session, panel, ingrid)
    _rate(session, outside, anna, 2, "Weak on SQL")
    as_ingrid = login_as(session, "ingrid@example.com")
    assert _rows(session, as_ingrid, project)["Anna"].rating is None
    seen = results.ratings_of_application(session, as_ingrid, anna.id)
    assert seen.lines == [] and [(h.panel_id, h.hidden) for h in seen.hidden] == [(panel.id, 1)]
    assert (seen.average, seen.count) == (None, 0)
    assert application_detail(session, as_ingrid, anna.id).rating is None

    reviewing.save_rating(session, mine, anna.id, 6, "Good")
    session.commit()
    seen = results.ratings_of_application(session, as_ingrid, anna.id)
    assert [(line.reviewer, line.score, line.mine) for line in seen.lines] == [("Ingrid Solheim", 6, True)]
    assert (seen.average, seen.count) == (6.0, 1)
    assert (_rows(session, as_ingrid, project)["Anna"].rating_count, seen.hidden[0].hidden) == (1, 1)

    reviewing.complete_review(session, mine)
    session.commit()
    seen = results.ratings_of_application(session, as_ingrid, anna.id)
    assert [(line.reviewer, line.internal, line.score, line.comment) for line in seen.lines] == [
        ("eva@partner.example", False, 2, "Weak on SQL"), ("Ingrid Solheim", True, 6, "Good")]
    assert seen.hidden == [] and (seen.average, seen.count) == (4.0, 2)
    assert _rows(session, as_ingrid, project)["Anna"].rating_count == 2


def test_the_blind_rule_holds_only_on_the_panels_the_user_is_pending_on(session, world):
    project, (anna, *_), ingrid, _ = world
    old, [(old_outside, _)] = make_panel(session, project, [anna], reviewers=("old@partner.example",))
    _rate(session, old_outside, anna, 5, "From the first round")
    pending, [(new_outside, _)] = make_panel(session, project, [anna], reviewers=("new@partner.example",))
    _internal(session, pending, ingrid)
    _rate(session, new_outside, anna, 3, "Hidden for now")
    seen = results.ratings_of_application(session, login_as(session, "ingrid@example.com"), anna.id)
    assert [(line.reviewer, line.comment, line.panel_id) for line in seen.lines] == [
        ("old@partner.example", "From the first round", old.id)]
    assert [h.panel_id for h in seen.hidden] == [pending.id]

    admin = results.ratings_of_application(session, login_as(session), anna.id)  # not a reviewer: sees everything
    assert [line.score for line in admin.lines] == [5, 3] and admin.hidden == [] and admin.mine is None
    assert admin.lines[0].due_date == old.due_date and admin.lines[0].sent_at == old.created_at

    after_due = utcnow() + timedelta(days=30)  # the panel no longer takes ratings: nothing is held back
    seen = results.ratings_of_application(session, login_as(session, "ingrid@example.com"), anna.id, now=after_due)
    assert [line.score for line in seen.lines] == [5, 3] and seen.mine is None


def test_only_users_who_may_see_the_application_read_its_ratings(session, world):
    project, (anna, *_), _, engineering = world
    sales = make_department(session, "Sales")
    make_user(session, "sales.manager@example.com", role=Role.HIRING_MANAGER, department_id=sales.id)
    make_user(session, "eng.manager@example.com", role=Role.HIRING_MANAGER, department_id=engineering.id)
    _, [(outside, _)] = make_panel(session, project, [anna], reviewers=("eva@partner.example",))
    _rate(session, outside, anna, 4, "Internal remark")
    with pytest.raises(ActionRefused):
        results.ratings_of_application(session, login_as(session, "sales.manager@example.com"), anna.id)
    with pytest.raises(ActionRefused):
        results.ratings_of_application(session, login_as(session), 999_999)
    seen = results.ratings_of_application(session, login_as(session, "eng.manager@example.com"), anna.id)
    assert [(line.score, line.comment) for line in seen.lines] == [(4, "Internal remark")]


def test_an_internal_reviewer_rates_inside_the_app(session, world):
    project, (anna, bo, *_), ingrid, _ = world
    panel, _ = make_panel(session, project, [anna], reviewers=("eva@partner.example",), allow_comments=False)
    mine = _internal(session, panel, ingrid)
    as_ingrid = login_as(session, "ingrid@example.com")
    form = results.my_rating(session, as_ingrid, anna.id)
    assert (form.reviewer_id, form.allow_rating, form.allow_comments, form.score) == (mine.id, True, False, None)
    assert results.my_rating(session, as_ingrid, bo.id) is None  # Bo is not on the panel
    assert results.my_rating(session, login_as(session), anna.id) is None  # the admin is no reviewer

    with pytest.raises(InvalidInput) as refused:
        results.save_my_rating(session, as_ingrid, anna.id, mine.id, "9", "")
    assert set(refused.value.errors) == {"score"}
    assert session.exec(select(Rating)).all() == []
    results.save_my_rating(session, as_ingrid, anna.id, mine.id, "6", "comments are off on this panel")
    session.commit()
    [rating] = session.exec(select(Rating)).all()
    assert (rating.reviewer_id, rating.score, rating.comment) == (mine.id, 6, None)
    assert results.my_rating(session, as_ingrid, anna.id).score == 6

    with pytest.raises(ReviewClosed):  # someone else's reviewer row, or a candidate not on the panel
        results.save_my_rating(session, login_as(session), anna.id, mine.id, "7", "")
    with pytest.raises(ReviewClosed):
        results.save_my_rating(session, as_ingrid, bo.id, mine.id, "7", "")
    with pytest.raises(ReviewClosed):
        results.save_my_rating(session, as_ingrid, anna.id, mine.id, "7", "", now=utcnow() + timedelta(days=30))
    anna.status = ApplicationStatus.REJECTED  # a removed candidate leaves the panel
    session.add(anna)
    session.commit()
    with pytest.raises(ReviewClosed):
        results.save_my_rating(session, as_ingrid, anna.id, mine.id, "7", "")
    assert session.exec(select(Rating.score)).all() == [6]


def test_a_hiring_manager_who_is_a_reviewer_rates_and_one_of_another_department_cannot(session, world):
    project, (anna, *_), _, engineering = world
    manager = make_user(session, "eng.manager@example.com", role=Role.HIRING_MANAGER, department_id=engineering.id)
    sales = make_department(session, "Sales")
    stranger = make_user(session, "sales.manager@example.com", role=Role.HIRING_MANAGER, department_id=sales.id)
    panel, _ = make_panel(session, project, [anna], reviewers=(), due_date=date.today() + timedelta(days=3))
    mine, theirs = _internal(session, panel, manager), _internal(session, panel, stranger)
    results.save_my_rating(session, login_as(session, "eng.manager@example.com"), anna.id, mine.id, "7", "Hire")
    session.commit()
    with pytest.raises(ActionRefused):
        results.save_my_rating(session, login_as(session, "sales.manager@example.com"), anna.id, theirs.id, "1", "")
    assert session.exec(select(Rating.reviewer_id, Rating.score)).all() == [(mine.id, 7)]


def test_the_candidate_portal_never_reads_ratings_or_panels():
    portal = Path(__file__).resolve().parents[2] / "ats_app" / "portal"
    names = set()
    for source in portal.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Name | ast.alias | ast.Attribute):
                names.add(getattr(node, "id", None) or getattr(node, "name", None) or getattr(node, "attr", None))
            if isinstance(node, ast.ImportFrom):
                names.add(node.module)
    assert not names & {"Rating", "Reviewer", "PanelReview", "ats_app.panel_review", "panel_review"}
    assert "ImportFrom" in {type(n).__name__ for s in portal.rglob("*.py") for n in ast.walk(ast.parse(s.read_text()))}
