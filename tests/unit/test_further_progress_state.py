"""Execute through the State, as a browser calls it: small runs at once, long runs in the background."""

from sqlmodel import select

from ats_app.handling.ui.compose_state import ComposeState
from ats_app.handling.ui.further_progress_state import CHUNK, FurtherProgressState
from ats_app.handling.ui.list_state import ApplicationListState
from ats_app.models import Application
from ats_app.models import ApplicationStatus as S
from tests.unit.factories import make_application, make_department, make_project, make_user
from tests.unit.state_helpers import call, client, log_in, state_of
from tests.unit.test_state_flows import _logged_in


async def _ready(session, n: int):
    make_user(session)
    project = make_project(session, department=make_department(session))
    ids = [make_application(session, project, first_name=f"p{i}").id for i in range(n)]
    root = await _logged_in()
    listing = state_of(root, ApplicationListState)
    listing.project_id, listing.ticked = project.id, ids
    progress = state_of(root, FurtherProgressState)
    progress.offered = progress.enabled = ["withdraw", "transfer"]
    progress._page = ApplicationListState.get_full_name()  # the page the list sits on (its load handler says so)
    return root, listing, progress, ids


async def test_a_small_run_is_done_at_once_and_reported(session):
    _, listing, progress, ids = await _ready(session, 3)
    await call(progress, "choose_action", "withdraw")
    await call(progress, "execute")
    assert progress.result_line == "3 done" and not progress.running
    assert listing.ticked == [] and {r.status for r in listing.rows} == {"withdrawn"}


async def test_a_long_run_goes_to_the_background_with_progress(session):
    _, listing, progress, ids = await _ready(session, CHUNK + 11)
    await call(progress, "choose_action", "withdraw")
    handed_over = await call(progress, "execute")
    assert progress.running and "run_in_background" in str(handed_over)
    await call(progress, "run_in_background")
    assert not progress.running and progress.progress == 100
    assert progress.result_line == f"{CHUNK + 11} done"
    session.expire_all()
    assert {a.status for a in session.exec(select(Application))} == {S.WITHDRAWN}


async def test_a_form_error_is_shown_next_to_the_field_and_changes_nothing(session):
    _, listing, progress, ids = await _ready(session, 2)
    await call(progress, "choose_action", "transfer")
    await call(progress, "execute")
    assert progress.dialog == "transfer"
    await call(progress, "confirm")
    assert progress.errors == {"target": "Choose the project to transfer to."}
    assert progress.dialog == "transfer"
    session.expire_all()
    assert {a.status for a in session.exec(select(Application))} == {S.NEW}


async def test_background_run_without_a_job_does_nothing(session):
    _, listing, progress, ids = await _ready(session, 2)
    await call(progress, "run_in_background")
    assert progress.result_line == ""


async def test_a_form_opens_with_nothing_of_an_applicant_the_user_may_not_see(session):
    """Send email's form would show the candidate's address and a preview: for a hidden applicant it stays shut."""
    make_user(session)
    recruiter = make_user(session, "rita@example.com", role="recruiter")
    hidden = make_project(session, "Hidden", department=make_department(session))
    mine = make_project(session, "Mine", owner_id=recruiter.id)
    secret = make_application(session, hidden, first_name="Zebulon", last_name="Quist").id
    own = make_application(session, mine, first_name="Kari").id
    root = await log_in(client(), "rita@example.com")
    listing = state_of(root, ApplicationListState)
    listing.project_id, listing.ticked = mine.id, [own, secret]
    progress = state_of(root, FurtherProgressState)
    progress.offered = progress.enabled = ["send_email"]
    progress._page = ApplicationListState.get_full_name()
    await call(progress, "choose_action", "send_email")
    await call(progress, "execute")
    compose = state_of(root, ComposeState)
    assert progress.dialog == "" and compose.recipient == "" and compose.drafts == []
    assert "zebulon" not in str(root.dict()).lower()
    listing.ticked = [own]
    await call(progress, "choose_action", "send_email")
    await call(progress, "execute")
    assert progress.dialog == "send_email" and compose.recipient == "kari.nordmann@example.com"
