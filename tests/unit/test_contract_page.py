"""The candidate's contract page (/contract/{token}) through the real routes: what it shows, the PDF download,
the acknowledgement with the right and the wrong name, twice, CSRF, an unknown link, a superseded contract, a
deleted application, the headers, and the recruiter's own download."""

import re

import pytest
from sqlalchemy import update
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.accounts import auth
from ats_app.contracts import acknowledging, issued
from ats_app.core import throttle
from ats_app.delivery import sealed_links
from ats_app.models import ApplicationEvent, ApplicationStatus, Contract, RecruitmentProject, Task, User
from ats_app.models.base import utcnow
from ats_app.web.routes import api
from tests.unit.contract_setup import contract_setup, send
from tests.unit.factories import make_user


@pytest.fixture(autouse=True)
def _fresh_counts(monkeypatch):
    monkeypatch.delenv("ATS_CONTRACT_RATE_LIMIT", raising=False)
    throttle.forget()
    yield
    throttle.forget()


@pytest.fixture
def sent(session):
    admin, application, template, _version, _offer = contract_setup(session)
    send(session, admin, [application.id], template.id)
    contract = session.exec(select(Contract)).one()
    return admin, application, template, contract, sealed_links.contract_token(contract)


def _client() -> TestClient:
    return TestClient(api, follow_redirects=False)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _acknowledge(client, token, name):
    page = client.get(f"/contract/{token}")
    return client.post(f"/contract/{token}", data={"csrf": _csrf(page.text), "name": name})


def test_the_page_shows_the_organisation_position_download_and_what_it_is_not(session, sent):
    _admin, _application, _template, contract, token = sent
    response = _client().get(f"/contract/{token}")
    assert response.status_code == 200
    html = response.text
    assert 'lang="nb"' in html and "Backend developer" in html and "Fast ansettelse" in html
    assert f'href="/contract/{token}/document.pdf"' in html
    assert "<script" not in html and 'name="viewport"' in html
    assert response.headers["cache-control"] == "no-store" and response.headers["referrer-policy"] == "no-referrer"
    english = _client().get(f"/contract/{token}?lang=en").text
    assert "not a qualified electronic signature" in english
    assert "I have received and accept this contract" in english


def test_the_pdf_downloads_privately(session, sent):
    *_rest, contract, token = sent
    response = _client().get(f"/contract/{token}/document.pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and response.headers["cache-control"] == "no-store"
    assert "Fast%20ansettelse" in response.headers["content-disposition"]


def test_the_right_name_in_any_case_and_spacing_acknowledges_once(session, sent):
    admin, application, _template, contract, token = sent
    client = _client()
    response = _acknowledge(client, token, "  kari   NORDMANN ")
    assert response.status_code == 303
    session.expire_all()
    stored = session.get(Contract, contract.id)
    assert stored.acknowledged_at is not None and stored.acknowledged_name == "kari NORDMANN"
    page = client.get(response.headers["location"]).text
    assert "kari NORDMANN" in page and 'name="name"' not in page
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "contract_acknowledged")).all()
    assert [e.payload for e in events] == [{"contract_id": contract.id}] and events[0].actor_id is None
    task = session.exec(select(Task)).one()
    assert (task.kind, task.assignee_id, task.application_id) == ("contract_acknowledged", admin.id, application.id)
    again = client.post(f"/contract/{token}", data={"csrf": client.cookies.get("ats_contract_csrf"),
                                                     "name": "Kari Nordmann"})
    assert again.status_code == 303  # back to the page as it is: acknowledged, nothing new
    session.expire_all()
    assert session.get(Contract, contract.id).acknowledged_name == "kari NORDMANN"
    assert len(session.exec(select(Task)).all()) == 1


@pytest.mark.parametrize("typed", ["", "Kari", "K. Nordmann", "Ola Nordmann"])
def test_a_wrong_name_comes_back_with_its_message_and_nothing_is_recorded(session, sent, typed):
    *_rest, contract, token = sent
    response = _acknowledge(_client(), token, typed)
    assert response.status_code == 400
    assert 'class="error"' in response.text and f'value="{typed}"' in response.text
    session.expire_all()
    assert session.get(Contract, contract.id).acknowledged_at is None
    assert session.exec(select(Task)).all() == []


def test_the_name_check_ignores_case_spacing_and_unicode_form():
    assert acknowledging.same_name("åse  ØDEGÅRD", "Åse Ødegård")
    assert acknowledging.same_name("A\u030ase Ødegård", "Åse Ødegård")  # å written as a + ring
    assert not acknowledging.same_name("Ase Odegard", "Åse Ødegård")
    assert not acknowledging.same_name("", "")


def test_a_form_without_the_csrf_token_changes_nothing(session, sent):
    *_rest, contract, token = sent
    client = _client()
    client.get(f"/contract/{token}")
    assert client.post(f"/contract/{token}", data={"name": "Kari Nordmann"}).status_code == 403
    session.expire_all()
    assert session.get(Contract, contract.id).acknowledged_at is None


def test_an_unknown_link_is_a_friendly_404(session, sent):
    client = _client()
    for path in ("/contract/not-a-token", "/contract/not-a-token/document.pdf", "/contract/x/y/z"):
        response = client.get(path)
        assert response.status_code == 404 and "<h1>" in response.text, path


def test_a_superseded_contract_says_so_and_takes_no_acknowledgement(session, sent):
    admin, application, template, contract, token = sent
    send(session, admin, [application.id], template.id)
    page = _client().get(f"/contract/{token}?lang=en")
    assert page.status_code == 200 and "A newer contract has been sent to you" in page.text
    assert 'name="name"' not in page.text
    response = _client().post(f"/contract/{token}", data={"csrf": "x" * 40, "name": "Kari Nordmann"},
                              cookies={"ats_contract_csrf": "x" * 40})
    assert response.status_code == 409
    session.expire_all()
    assert session.get(Contract, contract.id).acknowledged_at is None


@pytest.mark.parametrize("change", [{"deleted_at": utcnow()}, {"status": ApplicationStatus.WITHDRAWN},
                                    {"status": ApplicationStatus.REJECTED}])
def test_the_link_of_a_deleted_withdrawn_or_rejected_application_is_gone(session, sent, change):
    _admin, application, _template, _contract, token = sent
    for name, value in change.items():
        setattr(application, name, value)
    session.add(application)
    session.commit()
    assert _client().get(f"/contract/{token}").status_code == 410
    assert _client().get(f"/contract/{token}/document.pdf").status_code == 410


def test_too_many_forms_from_one_address_are_refused(session, sent, monkeypatch):
    *_rest, contract, token = sent
    monkeypatch.setenv("ATS_CONTRACT_RATE_LIMIT", "2 per minute")
    client = _client()
    assert _acknowledge(client, token, "Kari").status_code == 400
    assert _acknowledge(client, token, "Kari").status_code == 400
    assert _acknowledge(client, token, "Kari Nordmann").status_code == 429
    session.expire_all()
    assert session.get(Contract, contract.id).acknowledged_at is None


def test_the_recruiter_downloads_a_sent_contract_when_logged_in(session, sent):
    _admin, _application, _template, contract, _token = sent
    assert _client().get(f"/files/contracts/{contract.id}").status_code == 401
    client = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "admin@example.com", "demo")})
    response = client.get(f"/files/contracts/{contract.id}")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "no-store" in response.headers["cache-control"]
    assert client.get(f"/files/contracts/{contract.id + 99}").status_code == 404


def test_an_id_too_big_for_the_database_is_not_found_on_every_id_route(session, sent):
    big = "9" * 20
    client = TestClient(api, raise_server_exceptions=False,
                        cookies={auth.SESSION_COOKIE: auth.log_in(session, "admin@example.com", "demo")})
    for path in (f"/files/contracts/{big}", f"/files/cv/{big}", f"/files/cover-letter/{big}",
                 f"/employees/{big}/contracts/1", f"/employees/1/contracts/{big}"):
        assert client.get(path).status_code == 404, path


def test_a_second_submit_that_read_the_contract_before_the_first_wrote_changes_nothing(session, sent):
    _admin, _application, _template, contract, _token = sent
    stale = session.get(Contract, contract.id)  # read while unacknowledged, as a second request would have
    session.execute(update(Contract).where(Contract.id == contract.id)  # the first request wins meanwhile
                    .values(acknowledged_at=utcnow(), acknowledged_name="Kari Nordmann")
                    .execution_options(synchronize_session=False))
    assert stale.acknowledged_at is None
    assert acknowledging.acknowledge(session, stale, "Kari Nordmann") is False
    session.commit()
    assert session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "contract_acknowledged")).all() == []
    assert session.exec(select(Task)).all() == []
    assert stale.acknowledged_at is not None  # what the loser shows: the acknowledged page


def test_the_task_goes_to_the_projects_owner_when_the_sender_has_left(session, sent):
    admin, application, _template, contract, token = sent
    owner = make_user(session, "owner@example.com", name="Olav Owner")
    project = session.get(RecruitmentProject, application.project_id)
    project.owner_id = owner.id
    sender = session.get(User, admin.id)
    sender.active = False
    session.add_all([project, sender])
    session.commit()
    assert _acknowledge(_client(), token, "Kari Nordmann").status_code == 303
    assert session.exec(select(Task)).one().assignee_id == owner.id


@pytest.mark.parametrize("status", [ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN])
def test_a_contract_of_a_rejected_or_withdrawn_application_says_it_can_no_longer_be_acknowledged(session, sent,
                                                                                                  status):
    admin, application, _template, _contract, token = sent
    assert [line.closed for line in issued.contracts_of_application(session, admin, application.id)] == [False]
    application.status = status
    session.add(application)
    session.commit()
    assert [line.closed for line in issued.contracts_of_application(session, admin, application.id)] == [True]
    assert _client().get(f"/contract/{token}").status_code == 410
