"""Knock-out screening: the list's Requirements column and filter, the 0007 migration's verdicts, who the
automatic rejection is due for (and each reason why not), its run (status, history, the email in the
candidate's language naming the requirement, idempotent, safe against a second worker), stop and resume,
and the worker's periodic-job hook."""

import importlib.util
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from ats_app.applications.stages import SCREENING
from ats_app.core.db import get_engine
from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.delivery import worker
from ats_app.demo import loader
from ats_app.handling.applicant_list import list_applicants, summary
from ats_app.handling.application_detail import history
from ats_app.mail.kinds import kind_for
from ats_app.mail.tag_values import requirement
from ats_app.models import (
    Application,
    ApplicationEvent,
    Candidate,
    Message,
    RecruitmentProject,
    RejectionReason,
    RejectionType,
)
from ats_app.models import ApplicationStatus as S
from ats_app.models.base import utcnow
from ats_app.organisation.reference_data import ensure_reference_data
from ats_app.projects import screening
from ats_app.rejection import automatic, undo
from ats_app.rejection.report import rejection_report
from tests.unit.conftest import DB_URL
from tests.unit.factories import login_as, make_application, make_project, make_user, put_on_project
from tests.unit.test_demo_data import _migrated

QUESTIONS = [
    {"id": "permit", "kind": "yes_no", "mandatory": True, "text": {"en": "Work permit?", "nb": "Arbeidstillatelse?"},
     "choices": [{"id": "yes", "knockout": False}, {"id": "no", "knockout": True}],
     "requirement": {"en": "the right to work in the EU/EEA", "nb": "arbeidstillatelse i EU/EØS",
                     "sv": "arbetstillstånd inom EU/EES"}},
    {"id": "licence", "kind": "yes_no", "text": {"en": "Driving licence?"},
     "choices": [{"id": "yes"}, {"id": "no", "knockout": True}],
     "requirement": {"en": "a category B driving licence", "nb": "førerkort klasse B"}},
    {"id": "years", "kind": "short_text", "text": {"en": "Years of experience?"}},
]
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)  # 13:00 in Oslo: the email leaves at once


@pytest.fixture
def admin(session):
    ensure_reference_data(session)
    session.commit()
    make_user(session, "admin@example.com")
    return login_as(session)


@pytest.fixture
def project(session):
    return make_project(session, screening_questions=QUESTIONS, auto_reject_after_days=3)


def _apply(session, project, first, answers=None, *, days_ago=5, status=S.NEW, language="nb", **fields):
    answers = {"permit": "yes", "licence": "yes"} if answers is None else answers
    application = make_application(session, project, status, first_name=first, screening_answers=answers,
                                   knocked_out=screening.knocked_out(screening.questions_of(project.screening_questions),
                                                                     answers),
                                   applied_at=NOW - timedelta(days=days_ago), **fields)
    candidate = session.get(Candidate, application.candidate_id)
    candidate.language = language
    session.add(candidate)
    session.commit()
    return application


# The list: column and filter --------------------------------------------------------------------------------

def test_the_list_filters_to_knocked_out_or_meeting_and_counts_under_the_filter(session, admin, project):
    _apply(session, project, "Meets")
    out = [_apply(session, project, f"Out{i}", {"permit": "no"}) for i in range(3)]
    _apply(session, project, "Gone", {"permit": "no"}, deleted_at=utcnow())
    plain = make_project(session, "No questions")
    make_application(session, plain, first_name="Unasked")

    def names(project_id=project.id, **kw):
        page = list_applicants(session, admin, project_id, sort="name", descending=False, **kw)
        return [r.name for r in page.rows], page.total

    assert names(requirements="knocked_out") == (["Out0 Nordmann", "Out1 Nordmann", "Out2 Nordmann"], 3)
    assert names(requirements="meets") == (["Meets Nordmann"], 1)
    assert names()[1] == 4
    assert names(requirements="knocked_out", offset=2, limit=2) == (["Out2 Nordmann"], 3)  # paging under it
    assert names(requirements="knocked_out", group="deleted") == (["Gone Nordmann"], 1)
    assert names(requirements="knocked_out", status="new", search="out1") == (["Out1 Nordmann"], 1)
    assert summary(session, admin, project.id)["all"] == 4  # the summary counts stay the project's
    assert names(plain.id, requirements="meets") == ([], 0)  # a project that asks nothing knocks nobody out
    rows = {r.name: r for r in list_applicants(session, admin, project.id).rows}
    assert rows["Meets Nordmann"].knocked_out is False and rows["Out0 Nordmann"].knocked_out is True
    assert list_applicants(session, admin, plain.id).rows[0].knocked_out is None  # the cell stays empty
    with pytest.raises(ValueError):
        names(requirements="maybe")
    assert {r.application_id for r in list_applicants(session, admin, project.id,
                                                      requirements="knocked_out").rows} == {a.id for a in out}


def test_the_filtered_list_reads_the_knock_out_index_on_sqlite(session):
    if get_engine(DB_URL).dialect.name != "sqlite":
        pytest.skip("SQLite's query plan")

    def plan(sql: str) -> str:
        return " ".join(str(row[-1]) for row in session.exec(text("EXPLAIN QUERY PLAN " + sql)).all())

    where = "WHERE project_id = 1 AND deleted_at IS NULL AND knocked_out = 1"
    counted = plan(f"SELECT count(id) FROM application {where}")
    assert "COVERING INDEX ix_application_project_knocked" in counted
    paged = plan(f"SELECT id FROM application {where} ORDER BY applied_at DESC, id DESC LIMIT 50 OFFSET 1000")
    assert "COVERING INDEX ix_application_project_knocked" in paged and "TEMP B-TREE" not in paged
    due = plan("SELECT id FROM application WHERE project_id = 1 AND knocked_out = 1 AND deleted_at IS NULL "
               "AND applied_at <= '2026-12-01' AND status IN ('new') ORDER BY id")
    assert "ix_application_project_knocked" in due and "applied_at<?" in due.replace(" ", "")


# The migration's verdicts -----------------------------------------------------------------------------------

def test_the_0007_migration_computes_knocked_out_for_existing_applications(session, admin, project):
    fill = _migration().fill_knocked_out
    meets = _apply(session, project, "Meets")
    out = _apply(session, project, "Out", {"permit": "yes", "licence": "no"})
    unanswered = _apply(session, project, "Blank", {})
    old_shape = make_project(session, "Old shape", screening_questions=[
        {"id": "q1", "text": {"en": "Permit?"}, "knockout": "no"}])
    old = make_application(session, old_shape, first_name="Old", screening_answers={"q1": "no"})
    plain = make_project(session, "Nothing to knock out", screening_questions=[
        {"id": "q1", "kind": "short_text", "text": {"en": "Notice?"}}])
    unasked = make_application(session, plain, first_name="Unasked", screening_answers={"q1": "3 months"})
    session.exec(text("UPDATE application SET knocked_out = NULL"))
    session.commit()
    with get_engine(DB_URL).begin() as conn:
        assert fill(conn) == 4
    session.expire_all()
    verdicts = {a.id: session.get(Application, a.id).knocked_out for a in (meets, out, unanswered, old, unasked)}
    assert verdicts == {meets.id: False, out.id: True, unanswered.id: False, old.id: True, unasked.id: None}
    with get_engine(DB_URL).begin() as conn:
        assert fill(conn) == 0  # only unset verdicts are computed: a second run changes nothing


def _migration():
    path = Path(__file__).resolve().parents[2] / "alembic" / "versions" / "0008_screening.py"
    spec = importlib.util.spec_from_file_location("migration_0008_screening", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Who is due -------------------------------------------------------------------------------------------------

def test_who_is_due_and_each_reason_someone_is_not(session, admin, project):
    due = _apply(session, project, "Due", {"permit": "no"}, days_ago=4)
    _apply(session, project, "Meets", days_ago=10)
    _apply(session, project, "Recent", {"permit": "no"}, days_ago=2)  # 3 days have not passed
    _apply(session, project, "Invited", {"permit": "no"}, status=S.INVITED)  # a recruiter handled them
    _apply(session, project, "Saved", {"permit": "no"}, status=S.SAVED)
    _apply(session, project, "Restored", {"permit": "no"}, status=S.RESTORED)
    _apply(session, project, "Deleted", {"permit": "no"}, deleted_at=utcnow())
    _apply(session, project, "Stopped", {"permit": "no"}, auto_reject_stopped_at=utcnow())
    moved = _apply(session, project, "Moved", {"permit": "no"})
    moved.moved_to_id = due.id
    session.add(moved)
    off = make_project(session, "Off", screening_questions=QUESTIONS)  # auto_reject_after_days None: off
    _apply(session, off, "Off", {"permit": "no"}, days_ago=30)
    gone = make_project(session, "Deleted project", screening_questions=QUESTIONS, auto_reject_after_days=1,
                        deleted_at=utcnow())
    _apply(session, gone, "Gone", {"permit": "no"}, days_ago=30)
    session.commit()
    assert automatic.due(session, NOW) == [due.id]
    assert automatic.scheduled(project, due) == due.applied_at.replace(tzinfo=timezone.utc) + timedelta(days=3)
    assert automatic.scheduled(off, due) is None


# The run ----------------------------------------------------------------------------------------------------

def test_the_run_rejects_with_the_wizards_path_and_emails_the_requirement_in_their_language(session, admin,
                                                                                         project):
    project.owner_id = make_user(session, "ingrid@example.com", role="recruiter", name="Ingrid Solheim").id
    session.add(project)
    session.commit()
    nb = _apply(session, project, "Kari", {"permit": "no", "licence": "no"}, language="nb")
    en = _apply(session, project, "Emma", {"permit": "no"}, language="en")
    stopped = _apply(session, project, "Stopped", {"permit": "no"}, auto_reject_stopped_at=utcnow())
    meets = _apply(session, project, "Meets")
    assert automatic.reject_due(get_engine(DB_URL), NOW) == 2
    session.expire_all()
    screening_type = session.exec(select(RejectionType).where(RejectionType.code == SCREENING)).one()
    for application in (nb, en):
        row = session.get(Application, application.id)
        assert row.status == S.REJECTED and row.rejection_type_id == screening_type.id
        reason = session.get(RejectionReason, row.rejection_reason_id)
        assert reason.code == "requirement_not_met"
        [change] = session.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == row.id,
                                                               ApplicationEvent.kind == "status_changed")).all()
        assert change.actor_id is None and change.payload["automatic"] is True
        assert change.payload["rejection_type"] == SCREENING and change.payload["after_days"] == 3
    assert session.get(Application, stopped.id).status == S.NEW
    assert session.get(Application, meets.id).status == S.NEW
    messages = {m.application_id: m for m in session.exec(select(Message)).all()}
    assert set(messages) == {nb.id, en.id}
    assert messages[nb.id].language == "nb" and messages[nb.id].purpose == "rejection"
    assert messages[nb.id].kind == "rejection.after_screening" and messages[nb.id].scheduled_at <= utcnow()
    assert "Ingrid Solheim" in messages[nb.id].body_text  # signed by the project's responsible recruiter
    assert "arbeidstillatelse i EU/EØS og førerkort klasse B" in messages[nb.id].body_text
    assert "Søknaden din går derfor ikke videre" in messages[nb.id].body_text
    assert "the right to work in the EU/EEA" in messages[en.id].body_text
    [line] = [h for h in history(session, nb.id, "en", admin) if "rejected automatically" in h.text]
    assert line.actor == "System" and "after screening questions" in line.text
    assert "rejected automatically 3 days after applying" in line.text
    report = rejection_report(session, admin, project.id)  # the rejection reasons report counts them as the wizard's
    assert [(t.code, t.count) for t in report.by_type] == [(SCREENING, 2)]
    assert [(t.code, t.count) for t in report.by_reason] == [("requirement_not_met", 2)]
    # Idempotent: a second run (or a second worker) finds nobody.
    assert automatic.reject_due(get_engine(DB_URL), NOW) == 0
    assert len(session.exec(select(Message)).all()) == 2


def test_at_night_the_email_waits_for_nine_in_the_morning(session, admin, project):
    night = datetime(2026, 12, 2, 22, 30, tzinfo=timezone.utc)  # 23:30 in Oslo
    application = _apply(session, project, "Kari", {"permit": "no"})
    assert automatic.reject_due(get_engine(DB_URL), night) == 1
    session.expire_all()
    [message] = session.exec(select(Message)).all()
    assert message.application_id == application.id
    assert message.scheduled_at.replace(tzinfo=timezone.utc) == datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc)


def test_a_second_worker_never_rejects_the_same_applicant_twice(session, admin, project):
    for i in range(6):
        _apply(session, project, f"Out{i}", {"permit": "no"})
    engine = get_engine(DB_URL)
    counts: list[int] = []
    threads = [threading.Thread(target=lambda: counts.append(automatic.reject_due(engine, NOW))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 6
    assert len(session.exec(select(Message)).all()) == 6
    assert len(session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "status_changed")).all()) == 6


def test_undoing_an_automatic_rejection_stops_it_from_coming_back(session, admin, project):
    application = _apply(session, project, "Kari", {"permit": "no"})
    automatic.reject_due(get_engine(DB_URL), NOW)
    session.expire_all()
    undo.undo_rejection(session, admin, application.id)
    session.commit()
    assert session.get(Application, application.id).status == S.NEW
    assert automatic.reject_due(get_engine(DB_URL), NOW) == 0


def test_the_screening_rejection_offers_the_requirement_tag_joined_as_the_language_joins(session):
    assert "requirement" in kind_for("rejection.after_screening").tags
    assert "requirement" not in kind_for("rejection.after_first_interview").tags
    questions = screening.questions_of(QUESTIONS)
    both = {"permit": "no", "licence": "no"}
    assert requirement(questions, both, "en") == "the right to work in the EU/EEA and a category B driving licence"
    assert requirement(questions, both, "nb") == "arbeidstillatelse i EU/EØS og førerkort klasse B"
    assert requirement(questions, {"permit": "no"}, "fi") == "the right to work in the EU/EEA"  # English fallback
    assert requirement(questions, {}, "en") == "the requirements stated in the advert"


# Stop and resume --------------------------------------------------------------------------------------------

def test_stop_needs_the_right_writes_history_and_is_refused_when_nothing_is_scheduled(session, admin, project):
    scheduled = _apply(session, project, "Kari", {"permit": "no"}, days_ago=1)
    meets = _apply(session, project, "Meets")
    plan = automatic.schedule_of(session, admin, scheduled.id)
    assert plan.at is not None and not plan.stopped and plan.may_change
    put_on_project(session, project, make_user(session, "r@example.com", role="recruiter", can_reject=False))
    recruiter = login_as(session, "r@example.com")
    with pytest.raises(NotAllowed):
        automatic.stop(session, recruiter, scheduled.id)
    assert not automatic.schedule_of(session, recruiter, scheduled.id).may_change
    with pytest.raises(ActionRefused):
        automatic.stop(session, admin, meets.id)
    with pytest.raises(ActionRefused):
        automatic.resume(session, admin, scheduled.id)  # not stopped
    automatic.stop(session, admin, scheduled.id)
    session.commit()
    plan = automatic.schedule_of(session, admin, scheduled.id)
    assert plan.at is None and plan.stopped
    with pytest.raises(ActionRefused):
        automatic.stop(session, admin, scheduled.id)  # already stopped: nothing scheduled
    assert "Automatic rejection stopped" in [line.text for line in history(session, scheduled.id, "en", admin)]
    assert automatic.reject_due(get_engine(DB_URL), NOW + timedelta(days=5)) == 0
    automatic.resume(session, admin, scheduled.id)
    session.commit()
    assert automatic.schedule_of(session, admin, scheduled.id).at is not None
    assert automatic.reject_due(get_engine(DB_URL), NOW + timedelta(days=5)) == 1


# The worker's periodic-job hook -----------------------------------------------------------------------------

def test_periodic_jobs_run_on_the_workers_turn_at_most_every_n_seconds_and_failures_are_contained():
    calls: list[str] = []
    worker.register_periodic("test_fast", 3600, lambda engine: calls.append("fast"))
    worker.register_periodic("test_broken", 3600, lambda engine: 1 / 0)
    try:
        assert {"test_fast", "test_broken"} <= set(worker.run_periodic())
        assert "test_fast" not in worker.run_periodic()  # not again within the hour
        assert "test_fast" in worker.run_periodic(force=True)
        assert calls == ["fast", "fast"]
        worker.register_periodic("test_fast", 3600, lambda engine: calls.append("replaced"))
        worker.run_periodic()  # registering again replaces the job and its turn
        assert calls[-1] == "replaced"
    finally:
        worker.unregister_periodic("test_fast")
        worker.unregister_periodic("test_broken")


# The demo data ----------------------------------------------------------------------------------------------

def test_the_demo_sets_knocked_out_as_the_screening_rule_decides_on_both_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("ATS_FILES_DIR", str(tmp_path / "files"))
    url = _migrated(tmp_path / "ats.db", monkeypatch)
    loader.load_demo_data(url, applications=60)
    monkeypatch.setattr(loader, "BIG", 100)  # the bulk path: forked generator, indexes dropped and rebuilt
    loader.load_demo_data(url, applications=300, force=True)
    with Session(get_engine(url)) as session:
        rows = session.exec(select(Application, RecruitmentProject)
                            .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)).all()
        assert len(rows) == 360
        for application, project in rows:
            questions = screening.questions_of(project.screening_questions)
            assert application.knocked_out == screening.knocked_out(questions, application.screening_answers)
            if application.knocked_out:  # the demo knocks out only those it rejected after screening
                assert application.status == S.REJECTED
                assert requirement(questions, application.screening_answers, "en") != \
                    "the requirements stated in the advert"
        assert any(a.knocked_out for a, _ in rows) and any(a.knocked_out is False for a, _ in rows)


# Through the State, as the browser calls it -----------------------------------------------------------------

async def test_the_list_state_filters_and_shows_the_cell_and_the_page_stops_it(session, admin, project):
    from ats_app.handling.ui.application_state import ApplicationState
    from ats_app.handling.ui.list_state import ApplicationListState
    from tests.unit.state_helpers import call, state_of
    from tests.unit.test_state_flows import _logged_in

    out = _apply(session, project, "Out", {"permit": "no"}, days_ago=1)
    _apply(session, project, "Meets", days_ago=1)
    root = await _logged_in()
    listing = state_of(root, ApplicationListState)
    listing.project_id, listing.ticked = project.id, [out.id]
    await call(listing, "set_requirements_filter", "knocked_out")
    assert [r.name for r in listing.rows] == ["Out Nordmann"] and listing.total == 1 and listing.ticked == []
    [row] = listing.rows
    assert row.requirements == "knocked_out" and row.auto_reject_on  # the day, in the user's format
    await call(listing, "set_requirements_filter", "meets")
    assert [(r.name, r.requirements, r.auto_reject_on) for r in listing.rows] == [("Meets Nordmann", "meets", "")]
    await call(listing, "set_requirements_filter", "bogus")
    assert listing.requirements_filter == "" and listing.total == 2

    page = state_of(root, ApplicationState)
    page.application_id = out.id
    refused = await call(page, "resume_automatic_rejection")  # not stopped: refused (and the page read)
    assert "the automatic rejection is not stopped" in str(refused)
    assert page.auto_reject_on.startswith("Will be rejected automatically on ") and page.may_stop_auto_reject
    await call(page, "stop_automatic_rejection")
    assert page.auto_reject_on == "" and page.auto_reject_stopped
    refused = await call(page, "stop_automatic_rejection")  # nothing scheduled any more: refused, said so
    assert "no automatic rejection is scheduled" in str(refused)
    await call(page, "resume_automatic_rejection")
    assert page.auto_reject_on and not page.auto_reject_stopped


def test_the_app_and_the_worker_command_register_the_automatic_rejection(session, admin, project, monkeypatch):
    import ats_app.ats_app  # noqa: F401  (the app module registers its jobs when it is imported)
    from ats_app import cli

    assert automatic.JOB_NAME in worker._periodic
    monkeypatch.delenv("RESEND_API_KEY", raising=False)
    application = _apply(session, project, "Kari", {"permit": "no"}, days_ago=30)
    assert cli.main(["worker", "--once"]) == 0  # runs the jobs once, then delivers (held: no provider)
    session.expire_all()
    assert session.get(Application, application.id).status == S.REJECTED
    [message] = session.exec(select(Message)).all()
    # Delivered at once (held: no provider) between 08:00 and 20:00 organisation time, else kept until 09:00.
    leaves_now = message.scheduled_at.astimezone(timezone.utc) <= datetime.now(timezone.utc)
    assert message.status == ("held" if leaves_now else "queued")


def test_the_wizards_preview_names_the_requirement(session, admin, project):
    from ats_app.mail.compose import Draft, preview

    application = _apply(session, project, "Kari", {"permit": "no"}, language="en")
    _, html = preview(session, admin, [application.id], Draft("en", "Hi", "Not met: {requirement}"),
                      "rejection.after_screening", {"message": ""})
    assert "Not met: the right to work in the EU/EEA" in html


def test_turning_it_off_during_a_run_stops_the_applicants_not_yet_claimed(session, admin, project):
    for i in range(2):
        _apply(session, project, f"Out{i}", {"permit": "no"})
    engine = get_engine(DB_URL)
    with Session(engine) as listing:
        snapshot = listing.get(RecruitmentProject, project.id)
        listing.expunge(snapshot)
    stored = session.get(RecruitmentProject, project.id)
    stored.auto_reject_after_days = None  # the recruiter turns it off after the run listed who is due
    session.add(stored)
    session.commit()
    [first, _] = session.exec(select(Application.id).order_by(Application.id)).all()
    with Session(engine) as claiming:
        assert automatic._claim(claiming, snapshot, first, NOW) is False
