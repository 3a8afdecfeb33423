"""The Application handling list (handling.applicant_list): summary, filters, search, sort, pages."""

from datetime import datetime, timedelta, timezone

import pytest

from ats_app.accounts import auth
from ats_app.core.errors import ProjectNotFound
from ats_app.handling.applicant_list import PAGE_SIZE, SORT_KEYS, list_applicants, summary
from ats_app.models import ApplicationStatus as S
from ats_app.models import PanelReview, Rating, RejectionType, Reviewer, Role
from ats_app.models.base import utcnow
from tests.unit.factories import make_application, make_department, make_project, make_user

START = datetime(2026, 11, 1, 9, tzinfo=timezone.utc)


def _login(session, email="admin@example.com"):
    return auth.user_for_token(session, auth.log_in(session, email, "demo"))


@pytest.fixture
def project(session):
    make_user(session)
    return make_project(session, department=make_department(session))


def _apply(session, project, status, first, last, *, day, **fields):
    return make_application(session, project, status, first_name=first, last_name=last,
                            applied_at=START + timedelta(days=day), **fields)


def test_summary_counts_each_group_and_deleted_apart(session, project):
    for status in (S.NEW, S.TRANSFERRED, S.INVITED, S.OFFER, S.REJECTED, S.WITHDRAWN, S.HIRED, S.SAVED):
        make_application(session, project, status, first_name=status.value)
    make_application(session, project, S.NEW, first_name="gone", deleted_at=utcnow())
    other = make_project(session, "Another")
    make_application(session, other, S.NEW, first_name="elsewhere")
    assert summary(session, _login(session), project.id) == {
        "all": 8, "new": 2, "in_process": 2, "processed": 3, "saved": 1, "deleted": 1}


def test_groups_status_ranking_and_search_filter_the_rows(session, project):
    _apply(session, project, S.NEW, "Kari", "Nordmann", day=1, ranking=1)
    _apply(session, project, S.INVITED, "Sven", "Svensson", day=2, ranking=3)
    _apply(session, project, S.OFFER, "Anna", "de Vries", day=3)
    _apply(session, project, S.NEW, "Deleted", "Person", day=4, deleted_at=utcnow())
    user = _login(session)

    def names(**kw):
        return [r.name for r in list_applicants(session, user, project.id, sort="name", descending=False, **kw).rows]

    assert names() == ["Anna de Vries", "Kari Nordmann", "Sven Svensson"]
    assert names(group="in_process") == ["Anna de Vries", "Sven Svensson"]
    assert names(group="in_process", status="offer") == ["Anna de Vries"]
    assert names(group="deleted") == ["Deleted Person"]
    assert names(ranking=3) == ["Sven Svensson"]
    assert names(ranking=0) == ["Anna de Vries"]
    assert names(search="KARI NORD") == ["Kari Nordmann"]
    assert names(search="svensson@example") == ["Sven Svensson"]
    assert names(search="nobody") == []
    with pytest.raises(ValueError):
        names(group="bogus")


def test_every_column_sorts_both_ways_with_a_stable_tie_break(session, project):
    for i, (first, status, lang) in enumerate([("Bo", S.NEW, "sv"), ("Ada", S.REJECTED, "en"), ("Eva", S.HIRED, "nl"),
                                               ("Cai", S.NEW, "da"), ("Dan", S.SAVED, "fi")]):
        _apply(session, project, status, first, "Test", day=i, ranking=(i % 3) + 1, cover_letter=lang)
    user = _login(session)
    for key in SORT_KEYS:
        up = list_applicants(session, user, project.id, sort=key, descending=False).rows
        down = list_applicants(session, user, project.id, sort=key, descending=True).rows
        assert [r.application_id for r in up] == [r.application_id for r in reversed(down)], key
        assert len(up) == 5
    applied = list_applicants(session, user, project.id, sort="applied").rows
    assert [r.name for r in applied][0] == "Dan Test"  # newest first by default
    with pytest.raises(ValueError):
        list_applicants(session, user, project.id, sort="password_hash")


def test_pages_of_fifty_never_overlap(session, project):
    for i in range(PAGE_SIZE + 7):
        _apply(session, project, S.NEW, f"P{i:03}", "Same", day=0)  # equal applied_at: the tie-break decides
    user = _login(session)
    first = list_applicants(session, user, project.id)
    second = list_applicants(session, user, project.id, offset=PAGE_SIZE)
    assert first.total == second.total == PAGE_SIZE + 7
    assert len(first.rows) == PAGE_SIZE and len(second.rows) == 7
    assert not {r.application_id for r in first.rows} & {r.application_id for r in second.rows}


def test_rows_show_rejection_stage_and_average_panel_rating(session, project):
    stage = RejectionType(code="after_first_interview", template_kind="rejection.after_first_interview")
    session.add(stage)
    session.commit()
    rejected = _apply(session, project, S.REJECTED, "Ola", "Nordmann", day=1, rejection_type_id=stage.id)
    review = PanelReview(project_id=project.id)
    session.add(review)
    session.flush()
    for i, score in enumerate((5, 6, 6)):
        reviewer = Reviewer(panel_review_id=review.id, email=f"r{i}@example.com", token_hash=f"{i:064}")
        session.add(reviewer)
        session.flush()
        session.add(Rating(reviewer_id=reviewer.id, application_id=rejected.id, score=score))
    _apply(session, project, S.NEW, "Kari", "Nordmann", day=2)
    session.commit()
    rows = {r.name: r for r in list_applicants(session, _login(session), project.id).rows}
    assert rows["Ola Nordmann"].rejection_stage == "after_first_interview"
    assert rows["Ola Nordmann"].rating == 5.7
    assert rows["Kari Nordmann"].rating is None and rows["Kari Nordmann"].rejection_stage is None


def test_a_project_the_user_may_not_see_is_not_found(session, project):
    sales = make_department(session, "Sales")
    make_user(session, "m@example.com", role=Role.HIRING_MANAGER, department_id=sales.id)
    make_application(session, project)
    manager = _login(session, "m@example.com")
    with pytest.raises(ProjectNotFound):
        list_applicants(session, manager, project.id)
    with pytest.raises(ProjectNotFound):
        summary(session, manager, project.id)
    with pytest.raises(ProjectNotFound):
        summary(session, _login(session), 999_999)
