"""Creating and editing recruitment projects: the checks per field, what is stored, and who may do it."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from ats_app.core.errors import InvalidInput, NotAllowed, ProjectNotFound
from ats_app.models import Position, ProjectAdvert, ProjectEvent, ProjectRecruiter, RecruitmentProject, Role
from ats_app.projects import editing
from ats_app.projects.editing import ProjectForm
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

DEADLINE = (date.today() + timedelta(days=20)).isoformat()
YES_NO = {"id": "q1", "kind": "yes_no", "mandatory": True, "text": {"en": "Do you have a work permit?"},
          "choices": [{"id": "yes", "label": {}, "knockout": False}, {"id": "no", "label": {}, "knockout": True}],
          "requirement": {"en": "A work permit for the EU/EEA"}}


@pytest.fixture
def people(session):
    make_user(session)
    make_user(session, "recruiter@example.com", role=Role.RECRUITER, name="Lars")
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER)
    make_user(session, "gone@example.com", role=Role.RECRUITER, active=False)
    return {e: login_as(session, f"{e}@example.com") for e in ("admin", "recruiter", "manager")}


@pytest.fixture
def department(session):
    return make_department(session)


def _form(department, **fields) -> ProjectForm:
    return ProjectForm(**{"title": "Backend developer", "department_id": str(department.id), "deadline": DEADLINE,
                          "languages": ["en"], **fields})


def test_a_recruiter_creates_a_draft_with_a_history_line(session, people, department):
    project = editing.create_project(session, people["recruiter"], _form(department, place="Oslo"))
    session.commit()
    assert project.status == "draft" and project.owner_id == people["recruiter"].id
    assert project.place == "Oslo" and project.positions == 1 and project.employment_type == "FULL_TIME"
    events = session.exec(select(ProjectEvent).where(ProjectEvent.project_id == project.id)).all()
    assert [e.kind for e in events] == ["created"] and events[0].actor_id == people["recruiter"].id


def test_a_recruiter_who_names_someone_else_responsible_still_sees_the_project(session, people, department):
    admin_id = str(people["admin"].id)
    project = editing.create_project(session, people["recruiter"], _form(department, owner_id=admin_id))
    session.commit()
    assert project.owner_id == people["admin"].id
    assert editing.recruiter_ids(session, project.id) == [people["recruiter"].id]
    assert editing.editable_project(session, people["recruiter"], project.id).id == project.id
    by_admin = editing.create_project(session, people["admin"], _form(department, owner_id=str(people["recruiter"].id)))
    session.commit()
    assert editing.recruiter_ids(session, by_admin.id) == []  # an admin sees every project anyway


def test_a_hiring_manager_may_not_create_or_edit(session, people, department):
    with pytest.raises(NotAllowed):
        editing.create_project(session, people["manager"], _form(department))
    project = make_project(session, department=department)
    with pytest.raises(NotAllowed):
        editing.update_project(session, people["manager"], project.id, _form(department))
    assert editing.may_edit(people["admin"]) and not editing.may_edit(people["manager"])


@pytest.mark.parametrize("fields, name", [
    ({"title": "  "}, "title"), ({"title": "x" * 301}, "title"), ({"title": "two\nlines"}, "title"),
    ({"department_id": ""}, "department_id"), ({"department_id": "9999"}, "department_id"),
    ({"position_id": "9999"}, "position_id"), ({"deadline": "15.12.2026"}, "deadline"),
    ({"start_date": "soon"}, "start_date"), ({"positions": "0"}, "positions"), ({"positions": "two"}, "positions"),
    ({"positions": "1000"}, "positions"), ({"place": "p" * 201}, "place"), ({"employment_type": "SEASONAL"},
                                                                           "employment_type"),
    ({"languages": []}, "languages"), ({"languages": ["de"]}, "languages"),
    ({"auto_reject_after_days": "0"}, "auto_reject_after_days"),
    ({"auto_reject_after_days": "91"}, "auto_reject_after_days"),
    ({"auto_reject_after_days": "3.5"}, "auto_reject_after_days"),
    ({"adverts": {"en": {"headline": "h" * 301}}}, "advert_en_headline"),
    ({"adverts": {"en": {"job": "j" * 20_001}}}, "advert_en_job"),
])
def test_bad_input_is_refused_by_field_and_nothing_is_written(session, people, department, fields, name):
    with pytest.raises(InvalidInput) as refused:
        editing.create_project(session, people["admin"], _form(department, **fields))
    assert name in refused.value.errors
    session.rollback()
    assert session.exec(select(RecruitmentProject)).all() == []


def test_the_start_date_is_not_before_the_deadline(session, people, department):
    day = date.today() + timedelta(days=20)
    with pytest.raises(InvalidInput) as refused:
        editing.create_project(session, people["admin"], _form(department, start_date=(day - timedelta(days=1))
                                                               .isoformat()))
    assert set(refused.value.errors) == {"start_date"}
    project = editing.create_project(session, people["admin"], _form(department, start_date=day.isoformat()))
    assert project.start_date == day


def test_the_responsible_and_other_recruiters_are_active_admins_or_recruiters(session, people, department):
    gone = session.exec(select(editing.User).where(editing.User.email == "gone@example.com")).one()
    for fields, name in (({"owner_id": str(people["manager"].id)}, "owner_id"),
                         ({"owner_id": str(gone.id)}, "owner_id"),
                         ({"recruiter_ids": [str(people["manager"].id)]}, "recruiters")):
        with pytest.raises(InvalidInput) as refused:
            editing.create_project(session, people["admin"], _form(department, **fields))
        assert name in refused.value.errors
    project = editing.create_project(session, people["admin"], _form(
        department, owner_id=str(people["recruiter"].id),
        recruiter_ids=[str(people["admin"].id), str(people["recruiter"].id)]))
    assert project.owner_id == people["recruiter"].id
    assert editing.recruiter_ids(session, project.id) == [people["admin"].id]  # the owner is not listed twice
    choices = editing.editor_choices(session)
    assert {name for _, name in choices.recruiters} == {"Admin", "Lars"}


def test_a_position_belongs_to_the_projects_department(session, people, department):
    other = make_department(session, "Sales")
    seller = Position(title="Key account manager", department_id=other.id)
    session.add(seller)
    session.commit()
    with pytest.raises(InvalidInput) as refused:
        editing.create_project(session, people["admin"], _form(department, position_id=str(seller.id)))
    assert "position_id" in refused.value.errors
    project = editing.create_project(session, people["admin"], _form(other, position_id=str(seller.id)))
    assert project.position_id == seller.id


def test_the_advert_is_stored_as_clean_html_and_read_back_as_typed(session, people, department):
    typed = {"headline": "Join us", "introduction": "We build **good** software.\n\n- Oslo\n- Remote",
             "job": "You write <script>alert(1)</script> code.", "offer": "", "contact": "[Kari](mailto:k@example.com)"}
    project = editing.create_project(session, people["admin"], _form(department, languages=["en", "nb"],
                                                                     adverts={"en": typed, "de": typed}))
    adverts = session.exec(select(ProjectAdvert).where(ProjectAdvert.project_id == project.id)).all()
    assert [a.language for a in adverts] == ["en"]  # an empty language and one not advertised are not stored
    advert = adverts[0]
    assert advert.introduction == "<p>We build <strong>good</strong> software.</p><ul><li>Oslo</li><li>Remote</li></ul>"
    assert "<script>" not in advert.job and advert.offer == ""
    assert 'href="mailto:k@example.com"' in advert.contact
    form = editing.project_form(session, people["admin"], project.id)
    assert form.adverts["en"]["introduction"] == typed["introduction"]
    assert form.adverts["en"]["contact"] == typed["contact"]


def test_screening_questions_are_checked_and_stored_in_their_shape(session, people, department):
    bad = {**YES_NO, "requirement": {}}
    with pytest.raises(InvalidInput) as refused:
        editing.create_project(session, people["admin"], _form(department, questions=[bad]))
    assert set(refused.value.errors) == {"question-q1"}
    project = editing.create_project(session, people["admin"], _form(department, questions=[YES_NO],
                                                                     auto_reject_after_days="7"))
    assert project.screening_questions == [YES_NO] and project.auto_reject_after_days == 7
    assert editing.project_form(session, people["admin"], project.id).questions == [YES_NO]


def test_an_edit_records_which_fields_changed_and_the_old_and_new_values(session, people, department):
    project = editing.create_project(session, people["admin"], _form(department))
    session.commit()
    form = editing.project_form(session, people["admin"], project.id)
    assert editing.update_project(session, people["admin"], project.id, form) == []  # unchanged: no line
    form.title, form.positions, form.languages = "Senior backend developer", "2", ["en", "nb"]
    form.adverts = {"nb": {"headline": "Bli med oss"}}
    form.auto_reject_after_days = "5"
    changed = editing.update_project(session, people["admin"], project.id, form)
    session.commit()
    assert changed == ["title", "positions", "auto_reject_after_days", "languages", "advert_nb"]
    event = session.exec(select(ProjectEvent).where(ProjectEvent.kind == "edited")).one()
    assert event.payload["changes"] == {"title": ["Backend developer", "Senior backend developer"],
                                        "positions": [1, 2], "auto_reject_after_days": [None, 5]}
    assert project.updated_at is not None


def test_removing_a_language_keeps_its_advert_for_when_it_comes_back(session, people, department):
    project = editing.create_project(session, people["admin"], _form(
        department, languages=["en", "nb"], adverts={"en": {"headline": "Join"}, "nb": {"headline": "Bli med"}}))
    form = editing.project_form(session, people["admin"], project.id)
    form.languages = ["nb"]
    assert editing.update_project(session, people["admin"], project.id, form) == ["languages"]
    assert sorted(a.language for a in session.exec(select(ProjectAdvert))) == ["en", "nb"]  # a mis-click loses nothing
    assert list(editing.project_form(session, people["admin"], project.id).adverts) == ["nb"]  # the editor shows nb
    form.languages = ["nb", "en"]
    editing.update_project(session, people["admin"], project.id, form)
    assert editing.project_form(session, people["admin"], project.id).adverts["en"]["headline"] == "Join"


def test_recruiters_change_is_recorded(session, people, department):
    project = editing.create_project(session, people["admin"], _form(department))
    form = editing.project_form(session, people["admin"], project.id)
    form.recruiter_ids = [str(people["recruiter"].id)]
    assert editing.update_project(session, people["admin"], project.id, form) == ["recruiters"]
    assert len(session.exec(select(ProjectRecruiter)).all()) == 1


def test_a_responsible_hiring_manager_may_stay_on_an_old_project(session, people, department):
    project = make_project(session, department=department, owner_id=people["manager"].id)
    form = editing.project_form(session, people["admin"], project.id)
    form.title = "Renamed"
    assert editing.update_project(session, people["admin"], project.id, form) == ["title"]


def test_a_deleted_or_unknown_project_is_not_found(session, people, department):
    project = make_project(session, department=department)
    project.deleted_at = editing.utcnow()
    session.add(project)
    session.commit()
    for project_id in (project.id, 9999):
        with pytest.raises(ProjectNotFound):
            editing.project_form(session, people["admin"], project_id)


def test_a_new_question_never_takes_the_id_of_one_whose_answers_are_kept(session, people, department):
    """A removed question's answers stay on the applications; a new question numbered like it gets another id,
    and every verdict is decided again from the questions asked now."""
    project = editing.create_project(session, people["admin"], _form(department, questions=[YES_NO]))
    application = make_application(session, project)
    application.screening_answers, application.knocked_out = {"q1": "no"}, True
    session.add(application)
    session.commit()
    driving = {**YES_NO, "text": {"en": "Do you drive?"}, "requirement": {"en": "A driving licence"}}
    form = editing.project_form(session, people["admin"], project.id)
    form.questions = []
    editing.update_project(session, people["admin"], project.id, form)
    session.commit()
    session.refresh(application)
    assert application.knocked_out is None  # nothing asked can rule anyone out any more
    form.questions = [driving]
    editing.update_project(session, people["admin"], project.id, form)
    session.commit()
    session.refresh(project)
    session.refresh(application)
    assert [q["id"] for q in project.screening_questions] == ["q2"]  # not q1: its "no" is someone else's answer
    assert application.knocked_out is False


def test_a_deactivated_department_is_offered_no_more_but_a_project_keeps_its_own(session, people, department):
    project = editing.create_project(session, people["admin"], _form(department))
    department.active = False
    session.add(department)
    session.commit()
    assert department.id not in {i for i, _ in editing.editor_choices(session).departments}
    with pytest.raises(InvalidInput) as refused:  # a new project cannot go there
        editing.create_project(session, people["admin"], _form(department, title="Another"))
    assert "department_id" in refused.value.errors
    assert department.id in {i for i, _ in editing.editor_choices(session, project).departments}
    editing.update_project(session, people["admin"], project.id,
                           _form(department, title="Renamed", owner_id=str(project.owner_id)))  # it stays
    assert session.get(RecruitmentProject, project.id).title == "Renamed"
