"""A project's status (publish, close, reopen), deleting it, and its history read back in words."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from ats_app.core.errors import NotAllowed, ProjectNotFound, ProjectRefused
from ats_app.models import ProjectAdvert, ProjectEvent, ProjectStatus, Role
from ats_app.projects import editing, history, publishing
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

TODAY = date(2026, 12, 2)


@pytest.fixture
def admin(session):
    make_user(session, name="Kari Bergstrøm")
    return login_as(session)


@pytest.fixture
def draft(session):
    project = make_project(session, department=make_department(session), status=ProjectStatus.DRAFT,
                           deadline=TODAY + timedelta(days=10))
    session.add(ProjectAdvert(project_id=project.id, language="en", headline="Join us"))
    session.commit()
    return project


def test_publish_opens_a_draft_and_remembers_when(session, admin, draft):
    publishing.publish(session, admin, draft.id, TODAY)
    assert draft.status == ProjectStatus.OPEN and draft.published_at is not None
    first = draft.published_at
    publishing.close(session, admin, draft.id)
    assert draft.status == ProjectStatus.CLOSED and draft.closed_at is not None
    publishing.reopen(session, admin, draft.id, TODAY)
    assert draft.status == ProjectStatus.OPEN and draft.closed_at is None and draft.published_at == first
    kinds = [e.kind for e in session.exec(select(ProjectEvent).order_by(ProjectEvent.id))]
    assert kinds == ["published", "closed", "reopened"]


def test_publish_needs_a_headline_in_a_project_language_and_a_future_deadline(session, admin, draft):
    advert = session.exec(select(ProjectAdvert)).one()
    advert.language = "sv"  # not one of the project's languages (nb, en)
    session.add(advert)
    draft.deadline = TODAY - timedelta(days=1)
    with pytest.raises(ProjectRefused) as refused:
        publishing.publish(session, admin, draft.id, TODAY)
    assert refused.value.reasons == [publishing.NO_ADVERT, publishing.DEADLINE_PASSED]
    assert draft.status == ProjectStatus.DRAFT
    advert.language, advert.headline = "nb", "  "
    draft.deadline = None
    assert publishing.publish_problems(session, draft, TODAY) == [publishing.NO_ADVERT, publishing.NO_DEADLINE]
    advert.headline, draft.deadline = "Bli med oss", TODAY  # the deadline day itself still counts
    assert publishing.publish_problems(session, draft, TODAY) == []
    publishing.publish(session, admin, draft.id, TODAY)


def test_each_status_change_starts_from_its_own_status(session, admin, draft):
    with pytest.raises(ProjectRefused, match="Only an open"):
        publishing.close(session, admin, draft.id)
    with pytest.raises(ProjectRefused, match="Only a closed"):
        publishing.reopen(session, admin, draft.id, TODAY)
    publishing.publish(session, admin, draft.id, TODAY)
    with pytest.raises(ProjectRefused, match="Only a draft"):
        publishing.publish(session, admin, draft.id, TODAY)


def test_reopen_needs_a_deadline_that_has_not_passed(session, admin, draft):
    publishing.publish(session, admin, draft.id, TODAY)
    publishing.close(session, admin, draft.id)
    with pytest.raises(ProjectRefused) as refused:
        publishing.reopen(session, admin, draft.id, TODAY + timedelta(days=11))
    assert refused.value.reason == publishing.REOPEN_DEADLINE_PASSED
    assert draft.status == ProjectStatus.CLOSED


def test_a_project_with_applications_is_not_deleted(session, admin, draft):
    make_application(session, draft)
    with pytest.raises(ProjectRefused) as refused:
        publishing.delete(session, admin, draft.id)
    assert refused.value.reason == publishing.HAS_APPLICATIONS and refused.value.params == {"count": 1}
    assert draft.deleted_at is None


def test_a_project_without_applications_is_soft_deleted_and_gone(session, admin, draft):
    publishing.delete(session, admin, draft.id)
    session.commit()
    assert draft.deleted_at is not None
    with pytest.raises(ProjectNotFound):
        publishing.publish(session, admin, draft.id, TODAY)


def test_hiring_managers_change_no_status(session, admin, draft):
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER, department_id=draft.department_id)
    manager = login_as(session, "manager@example.com")
    for change in (publishing.publish, publishing.close, publishing.reopen, publishing.delete):
        with pytest.raises(NotAllowed):
            change(session, manager, draft.id)


def test_the_history_reads_as_lines_with_actor_and_old_and_new_values(session, admin, draft):
    form = editing.project_form(session, admin, draft.id)
    form.title, form.deadline, form.employment_type, form.auto_reject_after_days = (
        "Backend developer II", "2026-12-20", "PART_TIME", "7")
    form.adverts = {"en": {"headline": "Join us", "job": "Write code."}}
    form.owner_id = str(admin.id)
    editing.update_project(session, admin, draft.id, form)
    publishing.publish(session, admin, draft.id, TODAY)
    session.commit()
    lines = history.project_history(session, draft.id, "en")
    assert [line.actor for line in lines] == ["Kari Bergstrøm", "Kari Bergstrøm"]
    assert lines[0].text == "Published: the project is open for applications"
    assert lines[1].text == ("Changed: Title (Backend developer → Backend developer II), Responsible recruiter "
                             "(– → Kari Bergstrøm), Deadline (12 Dec 2026 → 20 Dec 2026), Employment type "
                             "(Full time → Part time), Automatic rejection (off → after 7 days), Advert (English)")
    norwegian = history.project_history(session, draft.id, "nb")
    assert norwegian[0].text != lines[0].text  # translated


def test_a_history_line_by_nobody_is_the_systems(session, draft):
    history.record(session, None, draft, history.CLOSED)
    session.commit()
    assert history.project_history(session, draft.id, "en")[0].actor == "System"


def test_a_project_takes_applications_while_open_and_before_its_deadline(session, admin, draft):
    assert not publishing.takes_applications(draft, TODAY)
    publishing.publish(session, admin, draft.id, TODAY)
    assert publishing.takes_applications(draft, TODAY) and publishing.takes_applications(draft, draft.deadline)
    assert not publishing.takes_applications(draft, draft.deadline + timedelta(days=1))
    publishing.close(session, admin, draft.id)
    assert not publishing.takes_applications(draft, TODAY)


def test_the_adverts_shown_are_those_in_the_projects_languages_with_a_headline(session, draft):
    session.add_all([ProjectAdvert(project_id=draft.id, language="nb", headline="Bli med oss"),
                     ProjectAdvert(project_id=draft.id, language="sv", headline="Not advertised in Swedish"),
                     ProjectAdvert(project_id=draft.id, language="fi", headline="")])
    session.commit()
    assert list(publishing.shown_adverts(session, draft)) == ["nb", "en"]  # the project's order: nb first
