"""The Contracts page's state: list, editor with variable rows, errors next to fields, versions, preview."""

import pytest

from ats_app.contracts import previews
from ats_app.contracts.defaults import ensure_default_templates
from ats_app.contracts.ui.contracts_state import ContractsState
from ats_app.core import files
from ats_app.models import Role
from tests.unit.factories import make_application, make_project, make_user
from tests.unit.state_helpers import call, client, log_in, state_of


async def _state(email: str) -> ContractsState:
    root = client()
    await log_in(root, email)
    state = state_of(root, ContractsState)
    await call(state, "load")
    return state


async def test_an_admin_writes_a_template_with_a_variable_saves_twice_and_previews_it(session):
    make_user(session, "admin@example.com", name="Rita Recruiter", language="nb")
    ensure_default_templates(session)
    session.commit()
    make_application(session, make_project(session), first_name="Ingrid", last_name="Haugen")
    state = await _state("admin@example.com")
    assert [group.department for group in state.groups] == ["Hele virksomheten"]
    assert len(state.groups[0].templates) == 6
    await call(state, "new_template")
    assert state.editing and state.language == "nb" and state.current_version == 0
    await call(state, "edit", "title", "Sommervikar")
    await call(state, "edit", "body", "Avtale for {fullname}: {weeks} uker.")
    await call(state, "save")
    assert "{weeks}" in state.errors["body"] and "Ukjent tagg" in state.errors["body"]  # in the user's language
    await call(state, "add_variable")
    await call(state, "edit_variable", 0, "key", "firstname")
    await call(state, "save")
    assert "variables.0.key" in state.errors
    await call(state, "edit_variable", 0, "key", "weeks")
    await call(state, "edit_variable", 0, "label", "Antall uker")
    await call(state, "edit_variable", 0, "type", "number")
    await call(state, "save")
    assert state.errors == {} and state.current_version == 1 and state.notice == "Lagret som versjon 1."
    assert "{weeks}" in state.tags
    await call(state, "edit", "body", "Avtale for {fullname}: {weeks} uker sommerjobb.")
    await call(state, "save")
    assert state.current_version == 2 and [v.version for v in state.history] == [2, 1]

    await call(state, "open_preview")
    assert state.applicant and [s.value for s in state.samples] == ["6"]
    assert "Avtale for Ingrid Haugen: 6 uker sommerjobb." in state.preview_html
    await call(state, "set_sample", "weeks", "åtte")
    await call(state, "render_preview")
    assert "variable:weeks" in state.errors and state.preview_html == ""
    await call(state, "set_sample", "weeks", "8")
    await call(state, "render_preview")
    await call(state, "make_pdf")
    assert state.pdf_link.startswith("/files/contract-preview/") and "&sig=" in state.pdf_link

    await call(state, "toggle_archived")
    assert state.archived
    await call(state, "close_editor")
    assert all(t.title != "Sommervikar" for g in state.groups for t in g.templates)
    await call(state, "set_filter", "archived", True)
    assert any(t.title == "Sommervikar" and t.archived for g in state.groups for t in g.templates)


async def test_a_recruiter_without_the_right_changes_nothing(session):
    make_user(session, "recruiter@example.com", role=Role.RECRUITER)
    state = await _state("recruiter@example.com")
    await call(state, "new_template")
    await call(state, "edit", "title", "Mine")
    await call(state, "edit", "body", "Text")
    await call(state, "save")
    assert state.groups == [] and state.current_version == 0 and not state.editing


@pytest.mark.parametrize("leaving", ["render_preview", "close_preview", "close_editor", "new_template", "load"])
async def test_every_way_out_of_a_preview_pdf_removes_its_file(session, leaving):
    make_user(session, "admin@example.com", name="Rita Recruiter")
    ensure_default_templates(session)
    session.commit()
    make_application(session, make_project(session), first_name="Ingrid", last_name="Haugen")
    state = await _state("admin@example.com")
    await call(state, "open_template", state.groups[0].templates[0].id)
    await call(state, "open_preview")
    await call(state, "make_pdf")
    key = previews.key_of_link(state.pdf_link)
    assert files.read_bytes(key).startswith(b"%PDF")
    await call(state, leaving)
    assert state.pdf_link == ""
    with pytest.raises(FileNotFoundError):
        files.read_bytes(key)
