"""Contract templates: self-defined variables, versions, the default template's precedence, the Contracts right."""

import pytest
from sqlmodel import select

from ats_app.contracts import template_library as library
from ats_app.contracts.variables import Variable, check_values, check_variable_definitions, variables_of
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.models import Contract, ContractTemplate, ContractTemplateVersion, Role
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

BODY = "Employment contract for {fullname}.\n\nProbation: {probation_months} months."
PROBATION = [{"key": "probation_months", "label": "Probation (months)", "type": "number"}]


@pytest.fixture
def admin(session):
    make_user(session, "admin@example.com", name="Rita Recruiter")
    return login_as(session)


def _save(session, user, template_id=None, *, body=BODY, variables=PROBATION, department_id=None, language="en",
          title="Permanent employment"):
    version = library.save_template(session, user, template_id, title=title, department_id=department_id,
                                    language=language, body_text=body, variables=variables)
    session.commit()
    return version


def test_variable_definitions_are_checked_and_named_by_row():
    rows = check_variable_definitions([
        {"key": " Probation_months ", "label": " Probation  (months) ", "type": "number"},
        {"key": "", "label": "", "type": "text"}])  # a blank row is dropped
    assert rows == [{"key": "probation_months", "label": "Probation (months)", "type": "number"}]
    bad = [([{"key": "pro bation", "label": "P"}], "variables.0.key"),
           ([{"key": "firstname", "label": "First"}], "variables.0.key"),  # already a tag
           ([{"key": "company", "label": "Company"}], "variables.0.key"),  # an EasyCruit alias
           ([{"key": "bonus", "label": "Bonus"}, {"key": "bonus", "label": "Again"}], "variables.1.key"),
           ([{"key": "bonus", "label": ""}], "variables.0.label"),
           ([{"key": "bonus", "label": "Bonus", "type": "colour"}], "variables.0.type")]
    for raw, field in bad:
        with pytest.raises(InvalidChoice) as refused:
            check_variable_definitions(raw)
        assert refused.value.field == field


def test_values_are_checked_against_their_types():
    variables = [Variable("months", "Probation (months)", "number"), Variable("ends", "Ends", "date"),
                 Variable("bonus", "Bonus", "money"), Variable("note", "Note", "text")]
    good = {"months": "6", "ends": "2027-02-28", "bonus": "10 000 NOK", "note": "  Remote  on Fridays ", "x": "y"}
    assert check_values(variables, good) == {"months": "6", "ends": "2027-02-28", "bonus": "10 000 NOK",
                                             "note": "Remote on Fridays"}
    for key, value in (("months", "six"), ("ends", "28.02.2027"), ("bonus", "lots"), ("note", "  ")):
        with pytest.raises(InvalidChoice) as refused:
            check_values(variables, {**good, key: value})
        assert refused.value.field == f"variable:{key}"
    with pytest.raises(InvalidChoice) as refused:
        check_values(variables, {k: v for k, v in good.items() if k != "bonus"})
    assert refused.value.field == "variable:bonus"


def test_editing_makes_a_new_version_and_leaves_the_old_one_untouched(session, admin):
    first = _save(session, admin)
    template_id = first.template_id
    assert first.version == 1 and variables_of(first) == [Variable("probation_months", "Probation (months)", "number")]
    same = _save(session, admin, template_id, title="Permanent employment (NO)")  # only the title: no new version
    assert same.id == first.id and session.get(ContractTemplate, template_id).title == "Permanent employment (NO)"
    second = _save(session, admin, template_id, body=BODY + "\n\nNotice: three months.")
    assert second.version == 2 and second.id != first.id
    session.expire_all()
    old = session.get(ContractTemplateVersion, first.id)
    assert "Notice" not in old.body_html and old.version == 1
    assert library.current_version(session, template_id).id == second.id
    history = library.versions_of(session, template_id)
    assert [(row.version, row.saved_by) for row in history] == [(2, "Rita Recruiter"), (1, "Rita Recruiter")]


def test_a_body_with_an_undefined_tag_is_refused_and_nothing_is_saved(session, admin):
    with pytest.raises(InvalidChoice) as refused:
        _save(session, admin, body="Bonus: {bonus}")
    assert refused.value.field == "body" and "{bonus}" in refused.value.params["tags"]
    session.rollback()
    assert session.exec(select(ContractTemplate)).all() == []
    assert _save(session, admin, body="Bonus: {bonus}", variables=[{"key": "bonus", "label": "Bonus"}]).version == 1


def test_the_right_is_needed_for_every_rule(session, admin):
    make_user(session, "rec@example.com", role=Role.RECRUITER)
    recruiter = login_as(session, "rec@example.com")
    version = _save(session, admin)
    with pytest.raises(NotAllowed):
        _save(session, recruiter)
    with pytest.raises(NotAllowed):
        library.templates_for(session, recruiter)
    with pytest.raises(NotAllowed):
        library.set_archived(session, recruiter, version.template_id, True)
    make_user(session, "c@example.com", role=Role.RECRUITER, can_manage_contracts=True)
    assert [row.title for row in library.templates_for(session, login_as(session, "c@example.com"))] == [
        "Permanent employment"]


def test_the_list_filters_and_archived_templates_are_hidden_unless_asked(session, admin):
    sales = make_department(session, "Sales")
    _save(session, admin, title="Organisation")
    sales_nb = _save(session, admin, title="Sales", department_id=sales.id, language="nb")
    library.set_archived(session, admin, sales_nb.template_id, True)
    session.commit()
    assert [r.title for r in library.templates_for(session, admin)] == ["Organisation"]
    rows = library.templates_for(session, admin, include_archived=True)
    assert [(r.title, r.department, r.language, r.archived) for r in rows] == [
        ("Organisation", "", "en", False), ("Sales", "Sales", "nb", True)]
    assert [r.title for r in library.templates_for(session, admin, department_id=library.ORGANISATION)] == [
        "Organisation"]
    assert library.templates_for(session, admin, language="nb") == []


def test_default_template_precedence(session, admin):
    engineering, sales = make_department(session, "Engineering"), make_department(session, "Sales")
    application = make_application(session, make_project(session, department=engineering))
    assert library.default_template_for(session, application.id, "nb") is None
    other = _save(session, admin, title="Sales", department_id=sales.id, language="nb")
    assert other.template_id and library.default_template_for(session, application.id, "nb") is None  # not Sales'
    organisation = _save(session, admin, title="Organisation", language="nb")
    assert library.default_template_for(session, application.id, "nb").id == organisation.template_id
    own = _save(session, admin, title="Engineering", department_id=engineering.id, language="nb")
    assert library.default_template_for(session, application.id, "nb").id == own.template_id
    assert library.default_template_for(session, application.id, "sv") is None  # never another language
    library.set_archived(session, admin, own.template_id, True)
    assert library.default_template_for(session, application.id, "nb").id == organisation.template_id


def test_a_version_a_contract_was_made_from_is_counted_and_kept(session, admin):
    first = _save(session, admin)
    application = make_application(session, make_project(session))
    session.add(Contract(application_id=application.id, template_version_id=first.id, file_key="0" * 32,
                         filename="contract.pdf", token_hash="h" * 64))
    session.commit()
    _save(session, admin, first.template_id, body="A new text for {fullname}.", variables=[])
    history = library.versions_of(session, first.template_id)
    assert [(row.version, row.contracts) for row in history] == [(2, 0), (1, 1)]
    assert session.get(ContractTemplateVersion, first.id).variables == PROBATION
