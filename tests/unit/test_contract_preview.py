"""The Contracts page's preview for a real applicant, its signed PDF link, and the default templates."""

import pytest
from starlette.testclient import TestClient

from ats_app.accounts import auth
from ats_app.contracts import preview
from ats_app.contracts import template_library as library
from ats_app.contracts.defaults import TEXTS, ensure_default_templates
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES
from ats_app.mail.markup import html_to_markdown
from ats_app.models import Role
from ats_app.web.routes import api
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

ARGS = {"title": "Contract", "language": "en", "body_text": "Dear {fullname}: {bonus}.",
        "variables": [{"key": "bonus", "label": "Bonus", "type": "money"}], "values": {"bonus": "5 000 NOK"}}


@pytest.fixture
def admin(session):
    make_user(session, "admin@example.com", name="Rita Recruiter")
    return login_as(session)


def test_every_language_gets_one_default_template_whose_tags_all_resolve(session, admin):
    ensure_default_templates(session)
    ensure_default_templates(session)  # again: nothing is added twice
    session.commit()
    rows = library.templates_for(session, admin)
    assert sorted(r.language for r in rows) == sorted(LANGUAGES) and all(r.department_id is None for r in rows)
    for row in rows:
        version = library.current_version(session, row.id)
        library.check_body(html_to_markdown(version.body_html), version.variables)  # no unknown tag
        assert "{salary}" in version.body_html and "{probation_months}" in version.body_html
    assert set(TEXTS) == set(LANGUAGES)


def test_the_preview_renders_the_unsaved_text_for_an_applicant_the_user_may_see(session, admin):
    application = make_application(session, make_project(session), first_name="Ingrid", last_name="Haugen")
    page = preview.preview_html(session, admin, application.id, **ARGS)
    assert "Dear Ingrid Haugen: 5 000 NOK." in page and "<h1>Contract</h1>" in page
    with pytest.raises(InvalidChoice) as refused:
        preview.preview_html(session, admin, application.id, **{**ARGS, "values": {}})
    assert refused.value.field == "variable:bonus"
    with pytest.raises(InvalidChoice) as refused:
        preview.preview_html(session, admin, application.id, **{**ARGS, "variables": []})
    assert refused.value.field == "body"


def test_a_hidden_applicant_is_neither_offered_nor_previewed(session, admin):
    sales, engineering = make_department(session, "Sales"), make_department(session, "Engineering")
    hidden = make_application(session, make_project(session, "Seller", department=sales), first_name="Hidden")
    seen = make_application(session, make_project(session, "Dev", department=engineering), first_name="Seen")
    make_user(session, "m@example.com", role=Role.HIRING_MANAGER, department_id=engineering.id,
              can_manage_contracts=True)
    manager = login_as(session, "m@example.com")
    assert [a.application_id for a in preview.preview_applicants(session, manager)] == [seen.id]
    assert [a.name for a in preview.preview_applicants(session, admin, "hidd")] == ["Hidden Nordmann"]
    with pytest.raises(InvalidChoice) as refused:
        preview.preview_html(session, manager, hidden.id, **ARGS)
    assert refused.value.field == "application"
    make_user(session, "r@example.com", role=Role.RECRUITER)
    with pytest.raises(NotAllowed):
        preview.preview_applicants(session, login_as(session, "r@example.com"))


def test_the_preview_pdf_is_served_only_to_its_maker(session, admin):
    application = make_application(session, make_project(session), first_name="Ingrid", last_name="Haugen")
    link = preview.preview_pdf_link(session, admin, application.id, **ARGS)
    session.commit()
    assert TestClient(api).get(link).status_code == 401
    maker = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "admin@example.com", "demo")})
    response = maker.get(link)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "no-store" in response.headers["cache-control"]
    assert maker.get(link.split("?")[0]).status_code == 404  # unsigned
    make_user(session, "other@example.com", role=Role.ADMIN)
    other = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "other@example.com", "demo")})
    assert other.get(link).status_code == 404
    key = link.split("/files/contract-preview/")[1].split("?")[0]
    newer = preview.preview_pdf_link(session, admin, application.id, previous_key=key, **ARGS)
    assert newer != link and maker.get(link).status_code == 404  # the previous preview is gone
