"""State handlers called as plain Python: log in, load the overview, switch language, rights."""

from sqlmodel import select, update

from ats_app.accounts.ui.auth_state import AuthState
from ats_app.accounts.ui.session import session_hash
from ats_app.models import ApplicationStatus, Role, User, UserSession
from ats_app.models.base import utcnow
from ats_app.projects.ui.overview_state import OverviewState
from ats_app.ui.locale import LocaleState
from tests.unit.factories import make_application, make_department, make_project, make_user
from tests.unit.state_helpers import call, client, log_in, state_of


async def _logged_in(email="admin@example.com"):
    return await log_in(client(), email)


async def test_require_login_fills_the_shell_and_applies_the_users_language(session):
    make_user(session, name="Astrid Admin", language="sv")
    root = await _logged_in()
    auth = state_of(root, AuthState)
    await call(auth, "require_login")
    assert auth.logged_in and auth.user_name == "Astrid Admin"
    assert "can_edit_templates" in auth.user_rights
    assert state_of(root, LocaleState).locale == "sv"


async def test_overview_loads_rows_with_counts_and_local_dates(session):
    make_user(session, language="nb")
    project = make_project(session, department=make_department(session))
    make_application(session, project)
    make_application(session, project, ApplicationStatus.REJECTED, first_name="Ola")
    root = await _logged_in()
    overview = state_of(root, OverviewState)
    await call(overview, "load")
    assert len(overview.rows) == 1
    row = overview.rows[0]
    assert (row.title, row.total, row.new, row.processed) == ("Backend developer", 2, 1, 1)
    assert row.href == f"/projects/{project.id}"
    assert row.deadline == "15. des. 2026"  # Norwegian, from Babel
    await call(overview, "set_status_filter", "closed")
    assert overview.rows == [] and overview.total == 0
    await call(overview, "set_status_filter", "bogus")
    assert overview.status_filter == "all" and overview.total == 1


async def test_switching_language_is_remembered_on_the_user(session):
    user = make_user(session)
    root = await _logged_in()
    locale = state_of(root, LocaleState)
    await call(locale, "switch_language", "nb")
    assert locale.locale == "nb"
    session.refresh(user)
    assert user.language == "nb"
    await call(locale, "switch_language", "klingon")
    assert locale.locale == "nb"


async def test_anonymous_language_switch_changes_only_the_cookie(session):
    make_user(session)
    locale = state_of(client(), LocaleState)
    await call(locale, "switch_language", "fi")
    assert locale.locale == "fi"
    assert session.exec(select(User.language)).one() == "en"


async def test_log_out_revokes_the_session(session):
    make_user(session, role=Role.RECRUITER, email="r@example.com")
    root = await _logged_in("r@example.com")
    assert await call(state_of(root, OverviewState), "load") is None
    token_hash = session_hash(root)
    session.exec(update(UserSession).where(UserSession.token_hash == token_hash).values(revoked_at=utcnow()))
    session.commit()
    result = await call(state_of(root, OverviewState), "load")  # the same handshake, now without a session
    assert "/login" in str(result)


async def test_overview_pages_forward_and_back(session):
    make_user(session)
    for i in range(27):
        make_project(session, f"Project {i:02}")
    overview = state_of(await _logged_in(), OverviewState)
    await call(overview, "load")
    assert len(overview.rows) == 25 and overview.has_next and overview.range_label == "1–25 of 27"
    await call(overview, "next_page")
    assert overview.page == 1 and len(overview.rows) == 2 and not overview.has_next
    await call(overview, "next_page")  # nothing beyond the last page
    assert overview.page == 1 and overview.range_label == "26–27 of 27"
    await call(overview, "previous_page")
    assert overview.page == 0 and len(overview.rows) == 25
    await call(overview, "previous_page")
    assert overview.page == 0
