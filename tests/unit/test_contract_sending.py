"""Employment contract: the action's checks, what a sent contract leaves behind (row, version, file, the cover
email with the PDF attached and the sealed link, history), the PDF's content, the candidate's template per
language, supersession, the refusals, and Delete permanently."""

import io
import os
import time

import pytest
from pypdf import PdfReader
from sqlmodel import select

from ats_app.applications.further_progress_action import allowed
from ats_app.contracts import issued, previews, sending
from ats_app.contracts.ui.contract_state import ContractState
from ats_app.core import files, tokens
from ats_app.core.errors import ActionRefused, InvalidChoice
from ats_app.delivery import sealed_links, worker
from ats_app.delivery.email_providers import outgoing
from ats_app.employees.hiring import acknowledged_contracts
from ats_app.handling import further_progress as fp
from ats_app.handling.purge import purge_application
from ats_app.handling.status_actions import delete_application
from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress_state import FurtherProgressState
from ats_app.handling.ui.list_state import ApplicationListState
from ats_app.models import (
    ApplicationEvent,
    ApplicationStatus,
    Candidate,
    Contract,
    ContractTemplateVersion,
    Employee,
    Message,
    Position,
    RecruitmentProject,
    Role,
)
from ats_app.models.base import utcnow
from tests.unit.contract_setup import contract_form, contract_setup, make_offer, make_template, send
from tests.unit.factories import login_as, make_application, make_project, make_user
from tests.unit.state_helpers import call, state_of
from tests.unit.test_state_flows import _logged_in


@pytest.fixture
def setup(session):
    return contract_setup(session)


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_action_replaces_the_disabled_entry_in_its_place(session, setup):
    admin = setup[0]
    keys = [a.key for a in fp.CATALOGUE]
    assert keys.index("contract") == keys.index("hire") + 1 and keys.index("letter") == keys.index("contract") + 1
    assert fp.BY_KEY["contract"].runs and not fp.BY_KEY["contract"].hint
    assert ("contract", True) in [(a.key, ok) for a, ok in fp.offered(admin)]
    make_user(session, "rec@example.com", role=Role.RECRUITER)
    assert not allowed(login_as(session, "rec@example.com"), fp.BY_KEY["contract"])  # no can_make_offers


def test_sending_leaves_the_contract_its_file_the_email_with_the_pdf_and_a_history_line(session, setup):
    admin, application, template, version, offer = setup
    result = send(session, admin, [application.id], template.id)
    assert result.done == 1, fp.summary_line(result, "en")
    contract = session.exec(select(Contract)).one()
    assert (contract.application_id, contract.template_version_id, contract.offer_id) == (
        application.id, version.id, offer.id)
    assert contract.values == {"probation_months": "6"} and contract.language == "nb"
    assert contract.token_hash == tokens.token_hash(sealed_links.contract_token(contract))
    assert contract.filename == "Fast ansettelse - Kari Nordmann.pdf"
    assert files.read_bytes(contract.file_key).startswith(b"%PDF")
    message = session.exec(select(Message)).one()
    assert (message.contract_id, message.purpose, message.language) == (contract.id, "contract", "nb")
    assert message.attachments == [{"filename": contract.filename, "content_type": "application/pdf",
                                    "file_key": contract.file_key}]
    assert sealed_links.CONTRACT.format(id=contract.id) in message.body_html  # the token only as it leaves
    sent = outgoing(message, session).params
    assert sealed_links.contract_token(contract) in sent["html"]
    assert sent["attachments"][0]["filename"] == contract.filename
    event = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "contract_sent")).one()
    assert event.message_id == message.id
    assert event.payload == {"contract_id": contract.id, "template_id": template.id, "title": "Fast ansettelse",
                             "version": 1}


def test_the_sent_pdf_names_the_candidate_and_the_salary(session, setup):
    admin, application, template, _version, _offer = setup
    send(session, admin, [application.id], template.id)
    contract = session.exec(select(Contract)).one()
    message = session.exec(select(Message)).one()
    text = _pdf_text(files.read_bytes(message.attachments[0]["file_key"]))
    assert "Kari Nordmann" in text
    assert "52 000" in text and "NOK" in text
    assert "6 months" in text  # the self-defined value
    assert text == _pdf_text(files.read_bytes(contract.file_key))


def test_a_sent_contract_keeps_its_version_and_a_newer_one_supersedes_it(session, setup):
    admin, application, template, version, _offer = setup
    send(session, admin, [application.id], template.id)
    session.add(ContractTemplateVersion(template_id=template.id, version=2, body_html="<p>{fullname}: v2 {salary}</p>",
                                        variables=[]))
    session.commit()
    send(session, admin, [application.id], template.id)
    first, second = session.exec(select(Contract).order_by(Contract.id)).all()
    assert first.template_version_id == version.id and second.template_version_id != version.id
    assert second.values == {}  # the new version asks for no probation
    assert issued.is_superseded(session, first) and not issued.is_superseded(session, second)
    lines = issued.contracts_of_application(session, admin, application.id)
    assert [(line.version, line.superseded) for line in lines] == [(2, False), (1, True)]


@pytest.mark.parametrize(("change", "field"), [
    ({"probation": "six"}, "variable:probation_months"),
    ({"probation": ""}, "variable:probation_months"),
    ({"body": "Hei {firstname}, her er kontrakten."}, "body:nb"),
    ({"body": "Hei {nosuchtag}\n\n{contractlink}"}, "body:nb"),
])
def test_bad_input_is_refused_on_its_field_and_nothing_changes(session, setup, change, field):
    admin, application, template, _version, _offer = setup
    stored = set(files.files_dir().rglob("*"))
    with pytest.raises(InvalidChoice) as refused:
        fp.prepare(session, admin, "contract", contract_form([application.id], template.id, **change))
    assert refused.value.field == field
    assert session.exec(select(Contract)).all() == [] and session.exec(select(Message)).all() == []
    assert set(files.files_dir().rglob("*")) == stored


def test_a_template_for_each_candidate_language_is_required(session, setup):
    admin, application, template, _version, _offer = setup
    form = contract_form([application.id], template.id)
    form["templates"] = {"en": template.id}  # Kari reads Norwegian
    with pytest.raises(InvalidChoice) as refused:
        fp.prepare(session, admin, "contract", form)
    assert refused.value.field == "template:nb"


def test_a_run_mixing_languages_gives_each_candidate_their_languages_template_and_email(session, setup):
    admin, application, template, _version, _offer = setup
    english = make_template(session, department_id=None, language="en",  # Emma's project has no department
                            title="Permanent employment")[0]
    other = make_application(session, make_project(session, "Designer"), first_name="Emma", last_name="Smith")
    candidate = session.get(Candidate, other.candidate_id)
    candidate.language = "en"
    session.add(candidate)
    session.commit()
    make_offer(session, other)  # the templates use the offer's terms
    assert sending.starting_templates(session, [application.id, other.id]) == {"nb": template.id, "en": english.id}
    form = contract_form([application.id, other.id], template.id)
    form["templates"]["en"] = english.id
    form["drafts"].append({"language": "en", "subject": "Your contract", "body": "Hi {firstname}\n\n{contractlink}"})
    result = fp.run(session, admin, "contract", [application.id, other.id], form)
    assert result.done == 2
    by_application = {c.application_id: c for c in session.exec(select(Contract)).all()}
    assert by_application[other.id].filename == "Permanent employment - Emma Smith.pdf"
    assert by_application[other.id].language == "en"
    subjects = {m.application_id: m.subject for m in session.exec(select(Message)).all()}
    assert subjects[other.id] == "Your contract"


def test_an_application_the_user_may_not_see_or_in_the_wrong_status_is_skipped_alone(session, setup):
    admin, application, template, _version, _offer = setup
    hidden_project = make_project(session, "Hidden")
    hidden = make_application(session, hidden_project, first_name="Per", last_name="Berg")
    rejected = make_application(session, make_project(session, "Rejected one"), ApplicationStatus.REJECTED,
                                first_name="Ola", last_name="Hansen")
    hidden_project.deleted_at = hidden_project.created_at
    session.add(hidden_project)
    session.commit()
    result = send(session, admin, [application.id, hidden.id, rejected.id], template.id)
    assert result.done == 1
    assert sorted(fp.reason(o, "en") for o in result.skipped) == ["already rejected", "not found"]
    assert [c.application_id for c in session.exec(select(Contract)).all()] == [application.id]


def test_a_preview_makes_the_pdf_without_a_contract(session, setup):
    admin, application, template, _version, _offer = setup
    pdf = sending.preview_pdf(session, admin, contract_form([application.id], template.id))
    assert "Kari Nordmann" in _pdf_text(pdf)
    assert session.exec(select(Contract)).all() == [] and session.exec(select(Message)).all() == []


def _delete_for_good(session, admin, application):
    delete_application(session, admin, application.id)
    session.commit()
    purge_application(session, admin, application.id)
    session.commit()


def test_delete_permanently_removes_the_contract_and_its_pdf(session, setup):
    admin, application, template, _version, _offer = setup
    send(session, admin, [application.id], template.id)
    contract = session.exec(select(Contract)).one()
    key = contract.file_key
    _delete_for_good(session, admin, application)
    assert session.exec(select(Contract)).all() == []
    with pytest.raises(FileNotFoundError):
        files.read_bytes(key)


def test_a_contract_linked_to_an_employee_stays_with_the_employee(session, setup):
    admin, application, template, _version, _offer = setup
    send(session, admin, [application.id], template.id)
    contract = session.exec(select(Contract)).one()
    employee = Employee(first_name="Kari", last_name="Nordmann")
    session.add(employee)
    session.flush()
    contract.employee_id = employee.id
    session.add(contract)
    session.commit()
    _delete_for_good(session, admin, application)
    session.expire_all()
    kept = session.get(Contract, contract.id)
    assert kept is not None and kept.application_id is None and kept.offer_id is None
    assert files.read_bytes(kept.file_key).startswith(b"%PDF")


async def _open_the_form(application):
    """(root state, Further progress) with Employment contract executed for application on its list."""
    root = await _logged_in()
    listing = state_of(root, ApplicationListState)
    listing.project_id, listing.ticked = application.project_id, [application.id]
    progress = state_of(root, FurtherProgressState)
    progress.offered = progress.enabled = ["contract"]
    progress._page = ApplicationListState.get_full_name()
    await call(progress, "choose_action", "contract")
    await call(progress, "execute")
    return root, progress


async def test_the_form_through_the_state_default_template_values_preview_and_send(session, setup):
    _admin, application, template, _version, _offer = setup
    root, progress = await _open_the_form(application)
    form, compose_state = state_of(root, ContractState), state_of(root, ComposeState)
    assert progress.dialog == "contract"
    assert [(r.language, r.template_id) for r in form.per_language] == [("nb", str(template.id))]  # the department's
    assert [v.key for v in form.variables] == ["probation_months"]
    assert compose_state.language == "nb" and "{contractlink}" in compose_state.shown_body
    await call(form, "set_value", "probation_months", "six")
    assert await call(form, "send_contracts") is None
    assert set(progress.errors) == {"variable:probation_months"} and progress.dialog == "contract"
    assert compose_state.language == "nb"  # the email stays on its tab
    await call(form, "set_value", "probation_months", "6")
    assert progress.errors == {}
    await call(form, "make_preview")
    assert form.preview_href.startswith("/files/contract-preview/") and session.exec(select(Contract)).all() == []
    first_preview = form._preview_key
    await call(form, "make_preview")  # a new preview replaces the file of the last one
    with pytest.raises(FileNotFoundError):
        files.read_bytes(first_preview)
    started = await call(form, "send_contracts")
    assert started is not None and progress.running and progress.dialog == ""
    assert form.progress_line == "0 of 1 contracts made"


@pytest.mark.parametrize("offer_state", ["none", "declined", "expired", "past its validity"])
def test_a_contract_using_the_offers_terms_is_refused_without_an_offer_that_stands(session, setup, offer_state):
    admin, application, template, _version, offer = setup
    if offer_state == "none":
        session.delete(offer)
    elif offer_state == "declined":
        offer.answer, offer.answered_at = "declined", utcnow()
    elif offer_state == "expired":
        offer.expired_at = utcnow()
    else:
        offer.valid_until = utcnow().date().replace(year=2020)
    session.add_all([o for o in [offer] if offer_state != "none"])
    session.commit()
    other = make_application(session, make_project(session, "Designer"), first_name="Emma", last_name="Smith")
    make_offer(session, other)
    result = send(session, admin, [application.id, other.id], template.id)
    assert result.done == 1  # the rest of the run goes on
    reason = fp.reason(result.skipped[0], "en")
    assert reason == ("send an offer with terms first: the contract uses its terms" if offer_state == "none" else
                      "the offer was declined or has expired: send a new offer first, the contract uses its terms")
    assert [c.application_id for c in session.exec(select(Contract)).all()] == [other.id]
    with pytest.raises(ActionRefused):
        sending.preview_pdf(session, admin, contract_form([application.id], template.id))


def test_a_contract_without_the_offers_terms_needs_no_offer(session, setup):
    admin, application, _template, _version, offer = setup
    session.delete(offer)
    session.commit()
    plain = make_template(session, department_id=None, title="Vikar", body="<p>{fullname}: {probation_months}</p>")[0]
    assert "Kari Nordmann" in _pdf_text(sending.preview_pdf(session, admin, contract_form([application.id], plain.id)))
    assert send(session, admin, [application.id], plain.id).done == 1


def _hire(session, admin, application):
    position = Position(title="Developer")
    session.add(position)
    session.commit()
    department_id = session.get(RecruitmentProject, application.project_id).department_id
    result = fp.run(session, admin, "hire", [application.id],
                    {"position_id": position.id, "department_id": department_id, "start_date": "2027-02-01"})
    assert result.done == 1, fp.summary_line(result, "en")
    return session.exec(select(Employee)).one()


def test_a_contract_sent_after_hire_is_the_employees_and_outlives_delete_permanently(session, setup):
    admin, application, template, _version, offer = setup
    offer.answer, offer.answered_at = "accepted", utcnow()
    session.add(offer)
    session.commit()
    employee = _hire(session, admin, application)
    assert send(session, admin, [application.id], template.id).done == 1
    contract = session.exec(select(Contract)).one()
    assert contract.employee_id == employee.id
    _delete_for_good(session, admin, application)
    session.expire_all()
    assert session.get(Contract, contract.id) is not None


def test_hire_links_only_the_acknowledged_contract_that_stands(session, setup):
    admin, application, template, _version, offer = setup
    offer.answer, offer.answered_at = "accepted", utcnow()
    session.add(offer)
    session.commit()
    send(session, admin, [application.id], template.id)
    send(session, admin, [application.id], template.id)
    older, newer = session.exec(select(Contract).order_by(Contract.id)).all()
    older.acknowledged_at, older.acknowledged_name = utcnow(), "Kari Nordmann"  # then superseded by newer
    session.add(older)
    session.commit()
    employee = _hire(session, admin, application)
    session.refresh(older)
    session.refresh(newer)
    assert (older.employee_id, newer.employee_id) == (None, None)
    newer.acknowledged_at, newer.acknowledged_name = utcnow(), "Kari Nordmann"
    session.add(newer)
    session.commit()
    assert [c.id for c in acknowledged_contracts(session, application.id)] == [newer.id]
    assert employee.application_id == application.id


async def test_cancelling_the_form_removes_its_preview_file(session, setup):
    _admin, application, _template, _version, _offer = setup
    root, progress = await _open_the_form(application)
    form = state_of(root, ContractState)
    await call(form, "set_value", "probation_months", "6")
    await call(form, "make_preview")
    key = form._preview_key
    assert files.read_bytes(key).startswith(b"%PDF")
    await call(progress, "close_dialog")
    assert progress.dialog == "" and form.preview_href == "" and form._preview_key == ""
    with pytest.raises(FileNotFoundError):
        files.read_bytes(key)


def test_preview_files_left_behind_are_swept_after_a_day_and_nothing_else(session, setup):
    admin, application, template, _version, _offer = setup
    old_key, _link = previews.make_preview(session, admin, contract_form([application.id], template.id))
    new_key, _link = previews.make_preview(session, admin, contract_form([application.id], template.id))
    send(session, admin, [application.id], template.id)
    contract = session.exec(select(Contract)).one()
    day_ago = time.time() - previews.KEEP_FOR - 60
    for path in files.files_dir().rglob("*"):  # even the sent contract's file is old: it is no preview
        if path.is_file() and new_key not in path.name:
            os.utime(path, (day_ago, day_ago))
    assert previews.sweep_previews() >= 1  # other tests may have left previews in the shared folder too
    with pytest.raises(FileNotFoundError):
        files.read_bytes(old_key)
    assert files.read_bytes(new_key) and files.read_bytes(contract.file_key)
    import ats_app.ats_app  # noqa: F401  (the app module registers its jobs when it is imported)
    assert worker._periodic[previews.JOB_NAME].job is previews.sweep_previews
