"""The further-progress engine: each action, each refused transition, rights, bulk results."""

from datetime import date

import pytest
from sqlmodel import select

from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.handling import further_progress as fp
from ats_app.handling import ranking, status_actions
from ats_app.handling.applicant_list import list_applicants, summary
from ats_app.handling.further_progress import CATALOGUE
from ats_app.models import Application, ApplicationEvent, Candidate, Employee, Position, Role
from ats_app.models import ApplicationStatus as S
from ats_app.models.base import utcnow
from tests.unit.factories import (
    login_as,
    make_application,
    make_department,
    make_project,
    make_user,
    offer_choices,
)

ALLOWED_FROM = {action.key: action.allowed_from for action in CATALOGUE}  # the statuses each may start from


_login = login_as


@pytest.fixture
def admin(session):
    make_user(session)
    return _login(session)


@pytest.fixture
def project(session, admin):
    return make_project(session, department=make_department(session))


def _events(session, application_id):
    return session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == application_id)
                        .order_by(ApplicationEvent.id)).all()


def _fresh(session, application_id):
    session.expire_all()
    return session.get(Application, application_id)


@pytest.mark.parametrize("action,status", [("withdraw", S.WITHDRAWN), ("save", S.SAVED), ("offer", S.OFFER)])
def test_status_actions_change_the_status_and_write_history(session, admin, project, action, status):
    app = make_application(session, project)
    result = fp.run(session, admin, action, [app.id], offer_choices() if action == "offer" else {})
    assert result.done == 1 and not result.skipped
    app = _fresh(session, app.id)
    assert app.status == status and app.previous_status == S.NEW
    event, *emails = [e for e in _events(session, app.id) if e.kind != "offer_sent"]  # offers: test_offers
    assert [e.kind for e in emails] == (["email_sent"] if action == "offer" else [])  # the job-offer email
    assert all(e.message_id for e in emails)
    assert event.kind == "status_changed" and event.actor_id == admin.id
    assert event.payload == {"from": "new", "to": status.value, "action": action}


@pytest.mark.parametrize("action", ["withdraw", "save", "offer", "hire", "transfer", "delete"])
def test_every_refused_transition_changes_nothing(session, admin, project, action):
    department = make_department(session, "Sales")
    position = Position(title="Seller", department_id=department.id)
    target = make_project(session, "Target")
    session.add(position)
    session.commit()
    choices = {"hire": {"position_id": position.id, "department_id": department.id},
               "transfer": {"target": target.id}, "offer": offer_choices()}.get(action, {})
    refused = [s for s in S if s not in ALLOWED_FROM[action]]
    for status in refused:
        app = make_application(session, project, status, first_name=f"x{status.value}")
        result = fp.run(session, admin, action, [app.id], choices)
        assert result.done == 0 and result.skipped[0].reason
        assert _fresh(session, app.id).status == status
        assert _events(session, app.id) == []
    deleted = make_application(session, project, S.NEW, first_name="deleted", deleted_at=utcnow())
    result = fp.run(session, admin, action, [deleted.id], choices)
    assert result.skipped[0].reason == "deleted"


def test_bulk_reports_done_and_skipped_with_reasons(session, admin, project):
    apps = [make_application(session, project, S.NEW, first_name=f"n{i}") for i in range(12)]
    hired = make_application(session, project, S.HIRED, first_name="Hanna", last_name="Hired")
    result = fp.run(session, admin, "withdraw", [a.id for a in apps] + [hired.id], {})
    assert result.done == 12
    assert [(o.name, o.reason) for o in result.skipped] == [("Hanna Hired", "already hired")]
    assert fp.summary_line(result, "en") == "12 done, 1 skipped: already hired"
    assert fp.summary_line(result, "nb").startswith("12 ")


def test_a_failing_applicant_is_rolled_back_alone(session, admin, project, monkeypatch):
    a, b = make_application(session, project, first_name="a"), make_application(session, project, first_name="b")
    real = status_actions.change_status

    def broken(session_, user, application, *args, **kwargs):
        real(session_, user, application, *args, **kwargs)
        if application.id == a.id:
            raise RuntimeError("disk full")

    monkeypatch.setattr(status_actions, "change_status", broken)
    result = fp.run(session, admin, "withdraw", [a.id, b.id], {})
    assert result.done == 1 and result.skipped[0].application_id == a.id
    assert _fresh(session, a.id).status == S.NEW and _events(session, a.id) == []
    assert _fresh(session, b.id).status == S.WITHDRAWN


def test_rights_are_checked_on_the_server(session, project):
    make_user(session, "r@example.com", role=Role.RECRUITER, can_delete=False, can_transfer=False,
              can_make_offers=False)
    make_user(session, "m@example.com", role=Role.HIRING_MANAGER)
    recruiter, manager = _login(session, "r@example.com"), _login(session, "m@example.com")
    app = make_application(session, project)
    for action in ("delete", "transfer", "offer", "hire"):
        with pytest.raises(NotAllowed):
            fp.run(session, recruiter, action, [app.id], {})
    with pytest.raises(NotAllowed):
        fp.run(session, manager, "withdraw", [app.id], {})
    assert _fresh(session, app.id).status == S.NEW
    offered = {a.key for a, _ in fp.offered(recruiter)}
    assert "delete" not in offered and "transfer" not in offered and "withdraw" in offered
    assert fp.offered(manager) == []


def test_delete_then_restore(session, admin, project):
    app = make_application(session, project, S.INVITED)
    fp.run(session, admin, "delete", [app.id], {})
    assert summary(session, admin, project.id)["deleted"] == 1
    assert list_applicants(session, admin, project.id).total == 0
    assert fp.run(session, admin, "restore", [app.id], {}).done == 1
    app = _fresh(session, app.id)
    assert app.status == S.RESTORED and app.deleted_at is None
    assert [e.kind for e in _events(session, app.id)] == ["deleted", "status_changed"]


def test_restore_is_refused_when_the_project_was_deleted(session, admin, project):
    app = make_application(session, project, deleted_at=utcnow())
    project.deleted_at = utcnow()
    session.add(project)
    session.commit()
    result = fp.run(session, admin, "restore", [app.id], {})
    assert result.skipped[0].reason == "its project was deleted"


def test_transfer_copy_keeps_the_source_and_carries_only_the_candidate(session, admin, project):
    target = make_project(session, "Target")
    app = make_application(session, project, S.INVITED, cover_letter="Dear", screening_answers={"q1": "yes"},
                           ranking=1)
    assert fp.run(session, admin, "transfer", [app.id], {"target": str(target.id), "copy": True}).done == 1
    assert _fresh(session, app.id).status == S.INVITED and _fresh(session, app.id).deleted_at is None
    [new] = session.exec(select(Application).where(Application.project_id == target.id)).all()
    assert new.status == S.TRANSFERRED and new.candidate_id == app.candidate_id
    assert new.cover_letter is None and new.screening_answers == {} and new.ranking is None
    assert new.search_text == "kari nordmann kari.nordmann@example.com"


def test_transfer_move_takes_the_application_off_the_source(session, admin, project):
    target = make_project(session, "Target")
    app = make_application(session, project)
    fp.run(session, admin, "transfer", [app.id], {"target": target.id})
    assert list_applicants(session, admin, project.id).total == 0
    assert summary(session, admin, project.id)["deleted"] == 0  # moved is not deleted
    assert list_applicants(session, admin, target.id).rows[0].status == "transferred"


def test_transfer_refuses_a_candidate_already_in_the_target(session, admin, project):
    target = make_project(session, "Target")
    app = make_application(session, project)
    session.add(Application(candidate_id=app.candidate_id, project_id=target.id, status=S.INVITED))
    session.commit()
    result = fp.run(session, admin, "transfer", [app.id], {"target": target.id})
    assert result.skipped[0].reason == "already has an application in {project}"
    assert "already has an application in Target" in fp.summary_line(result, "en")
    assert session.exec(select(Application).where(Application.project_id == target.id)).all().__len__() == 1


@pytest.mark.parametrize("choices,field",
                         [({}, "target"), ({"target": "abc"}, "target"), ({"target": 99999}, "target")])
def test_transfer_without_a_valid_target_is_bad_input(session, admin, project, choices, field):
    app = make_application(session, project)
    with pytest.raises(InvalidChoice) as refused:
        fp.run(session, admin, "transfer", [app.id], choices)
    assert refused.value.field == field
    assert _fresh(session, app.id).status == S.NEW


def test_transfer_to_the_cv_database_saves(session, admin, project):
    app = make_application(session, project, S.REJECTED)
    fp.run(session, admin, "transfer", [app.id], {"target": "cv_database"})
    assert _fresh(session, app.id).status == S.SAVED


def test_hire_makes_an_employee_and_finds_other_live_applications(session, admin, project):
    department = make_department(session, "Sales")
    position = Position(title="Seller", department_id=department.id)
    session.add(position)
    session.commit()
    app = make_application(session, project, S.OFFER)
    elsewhere = make_project(session, "Elsewhere")
    other = Application(candidate_id=app.candidate_id, project_id=elsewhere.id, status=S.INVITED)
    session.add(other)
    session.commit()
    with pytest.raises(InvalidChoice) as missing:
        fp.run(session, admin, "hire", [app.id], {"department_id": department.id})
    assert missing.value.field == "position"
    result = fp.run(session, admin, "hire", [app.id], {"position_id": position.id, "department_id": department.id,
                                                       "start_date": "2027-01-04"})
    assert result.done == 1
    [employee] = session.exec(select(Employee)).all()
    assert (employee.first_name, employee.position_id, employee.start_date, employee.hired_from_project_id) == \
        ("Kari", position.id, date(2027, 1, 4), project.id)
    assert result.others_to_withdraw == [(other.id, "Elsewhere", "Kari Nordmann")]


def test_ranking_is_validated_and_recorded(session, admin, project):
    app = make_application(session, project)
    ranking.set_ranking(session, admin, app.id, 2)
    session.commit()
    with pytest.raises(InvalidChoice):
        ranking.set_ranking(session, admin, app.id, 7)
    assert _fresh(session, app.id).ranking == 2
    assert _events(session, app.id)[0].payload == {"from": None, "to": 2}


def test_delete_permanently_needs_the_typed_word_and_forgets_the_person(session, admin, project):
    app = make_application(session, project, deleted_at=utcnow())
    candidate_id = app.candidate_id
    with pytest.raises(InvalidChoice):
        fp.run(session, admin, "purge", [app.id], {"confirmation": "yes"})
    assert fp.run(session, admin, "purge", [app.id], {"confirmation": " delete "}).done == 1
    session.expire_all()
    assert session.get(Application, app.id) is None and session.get(Candidate, candidate_id) is None
    [line] = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "purged")).all()
    assert line.application_id is None and line.project_id == project.id and line.payload == {"status": "new"}


def test_delete_permanently_keeps_a_candidate_another_application_needs(session, admin, project):
    app = make_application(session, project, deleted_at=utcnow())
    session.add(Application(candidate_id=app.candidate_id, project_id=make_project(session, "B").id))
    session.commit()
    fp.run(session, admin, "purge", [app.id], {"confirmation": "DELETE"})
    session.expire_all()
    assert session.get(Candidate, app.candidate_id) is not None


def test_delete_permanently_only_deleted_applications(session, admin, project):
    app = make_application(session, project)
    assert fp.run(session, admin, "purge", [app.id], {"confirmation": "DELETE"}).skipped[0].reason == "not deleted"


def test_restore_is_refused_when_the_candidate_applied_again_meanwhile(session, admin, project):
    app = make_application(session, project, deleted_at=utcnow())
    session.add(Application(candidate_id=app.candidate_id, project_id=project.id, status=S.NEW))
    session.commit()
    assert fp.run(session, admin, "restore", [app.id], {}).skipped[0].reason == \
        "already has an application in {project}"


def test_unranked_applicants_sort_last_either_way(session, admin, project):
    make_application(session, project, first_name="ranked", ranking=2)
    make_application(session, project, first_name="unranked")
    for descending in (True, False):
        rows = list_applicants(session, admin, project.id, sort="ranking", descending=descending).rows
        assert [r.ranking for r in rows] == [2, None]


def test_searches_take_any_character(session, admin, project):
    from ats_app.employees.register import list_employees
    from ats_app.handling import cv_database
    from ats_app.projects import overview
    for text in ("50%", "a_b", "back\\", "'; drop"):
        assert list_applicants(session, admin, project.id, search=text).total == 0
        assert cv_database.list_saved(session, admin, search=text)[1] == 0
        assert list_employees(session, admin, search=text)[1] == 0
        assert overview.list_projects(session, admin, search=text).total == 0
