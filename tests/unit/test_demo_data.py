"""Demo data: the reference rows, the default demo and the bulk (`applications=N`) mode, on a real
migrated SQLite file."""

import os
import re
import time
from pathlib import Path

os.environ["ATS_FAST_HASHING"] = "1"  # before passwords builds its hasher

import phonenumbers
import pytest
from sqlalchemy import func, inspect
from sqlmodel import Session, col, select

from ats_app.accounts import auth
from ats_app.accounts.access import visible_projects
from ats_app.core.db import get_engine, upgrade_to_head
from ats_app.core.files import read_bytes
from ats_app.core.passwords import verify_password
from ats_app.demo import loader
from ats_app.demo import people as demo_people
from ats_app.demo.cv_pdf import render_cv_pdf
from ats_app.demo.loader import DemoDataError, load_demo_data
from ats_app.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Candidate,
    Employee,
    Interview,
    Message,
    Offer,
    PanelReview,
    RecruitmentProject,
    RejectionReason,
    RejectionType,
    Reviewer,
    Role,
    Setting,
    Task,
    User,
)
from ats_app.offers import section
from ats_app.organisation.reference_data import ensure_reference_data
from ats_app.panel_review import panels, tracking
from tests.targets import scratch_database
from tests.unit.factories import login_as

LANGUAGES = {"en", "nb", "sv", "da", "fi", "nl"}


def _migrated(path: Path, monkeypatch) -> str:
    """A fresh database (SQLite file at path, or PostgreSQL on that pass) upgraded by the project's migrations."""
    url = scratch_database(path.parent.name.replace("-", "_")[-40:] or "demo", path.parent)
    monkeypatch.setenv("REFLEX_DB_URL", url)
    upgrade_to_head()
    return url


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty migrated database and a private files folder for one test."""
    monkeypatch.setenv("ATS_FILES_DIR", str(tmp_path / "files"))
    return _migrated(tmp_path / "ats.db", monkeypatch)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One default demo database shared by the read-only tests."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ATS_FILES_DIR", str(folder / "files"))
        url = _migrated(folder / "ats.db", monkeypatch)
        summary = load_demo_data(url)
        with Session(get_engine(url)) as session:
            yield session, summary


def _count(session: Session, model, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


def test_default_demo_has_300_to_500_applications_in_every_status(demo):
    session, summary = demo
    total = _count(session, Application)
    assert 300 <= total <= 500 and summary["applications"] == total
    counts = dict(session.exec(select(Application.status, func.count()).group_by(Application.status)).all())
    assert set(counts) == {status.value for status in ApplicationStatus}
    assert max(counts, key=counts.get) == "new"
    assert _count(session, Application, Application.deleted_at.is_not(None)) > 0


def test_rejected_applications_name_their_stage_and_a_reason_in_the_candidates_language(demo):
    session, _ = demo
    rows = session.exec(select(Application, Candidate, RejectionReason)
                        .join(Candidate, Candidate.id == Application.candidate_id)
                        .join(RejectionReason, RejectionReason.id == Application.rejection_reason_id, isouter=True)
                        .where(Application.status == ApplicationStatus.REJECTED)).all()
    assert rows
    for application, candidate, reason in rows:
        assert application.rejection_type_id is not None
        assert reason is not None and reason.language == candidate.language


def test_demo_users_have_their_roles_rights_and_the_password(demo):
    session, _ = demo
    users = {u.email: u for u in session.exec(select(User))}
    admin, recruiter, manager = users["admin@example.com"], users["recruiter@example.com"], users["manager@example.com"]
    assert admin.role == Role.ADMIN and recruiter.role == Role.RECRUITER and manager.role == Role.HIRING_MANAGER
    rights = ("can_send_sms", "can_reject", "can_make_offers", "can_transfer", "can_delete", "can_see_deleted",
              "can_edit_templates")
    assert all(getattr(admin, r) for r in rights) and all(getattr(recruiter, r) for r in rights)
    assert not manager.can_send_sms and not manager.can_delete and not manager.can_edit_templates
    assert manager.department_id is not None
    assert sum(u.role == Role.RECRUITER for u in users.values()) >= 3
    assert len({u.password_hash for u in users.values()}) == 1  # hashed once
    assert all(verify_password(u.password_hash, "demo") for u in users.values())
    assert not verify_password(admin.password_hash, "wrong")


def test_every_demo_user_sees_projects_and_the_main_recruiter_sees_them_all(demo):
    session, _ = demo
    every = _count(session, RecruitmentProject)
    for user in session.exec(select(User)):
        current = auth.CurrentUser(id=user.id, email=user.email, name=user.name, role=Role(user.role).value,
                                   language=user.language, time_zone=user.time_zone, department_id=user.department_id,
                                   rights=frozenset(r for r in auth.RIGHTS if getattr(user, r)))
        seen = _count(session, RecruitmentProject, visible_projects(current, include_deleted=True))
        assert seen > 0, user.email
        if user.email in ("admin@example.com", "recruiter@example.com"):
            assert seen == every, user.email
        if user.role == Role.HIRING_MANAGER:
            assert user.department_id is not None and seen < every


def test_candidates_have_valid_mobiles_example_emails_and_their_own_language(demo):
    session, _ = demo
    country_of = {"nb": "NO", "sv": "SE", "da": "DK", "fi": "FI", "nl": "NL", "en": "GB"}
    candidates = session.exec(select(Candidate)).all()
    assert {c.language for c in candidates} == LANGUAGES
    for c in candidates:
        assert c.country == country_of[c.language]
        assert re.fullmatch(r"[a-z0-9.]+@example\.(com|org|net)", c.email), c.email
        assert c.consent_at is not None and c.consent_at.tzinfo is not None
        assert c.cv_text and c.first_name in c.cv_text
        if c.mobile:
            number = phonenumbers.parse(c.mobile)
            assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == c.mobile
            assert phonenumbers.is_valid_number_for_region(number, c.country), c.mobile
            assert phonenumbers.number_type(number) in (phonenumbers.PhoneNumberType.MOBILE,
                                                        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    assert sum(c.mobile is not None for c in candidates) > 0.9 * len(candidates)
    multi = session.exec(select(Application.candidate_id).group_by(Application.candidate_id)
                         .having(func.count() > 1)).all()
    assert multi  # some candidates applied to two or three projects


def test_stored_cvs_are_readable_pdfs(demo):
    session, summary = demo
    stored = session.exec(select(Candidate).where(Candidate.cv_file_key.is_not(None))).all()
    assert stored and len(stored) == summary["cv_files"]
    for candidate in stored:
        data = read_bytes(candidate.cv_file_key)
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert candidate.cv_filename.endswith(".pdf")


def test_history_interviews_messages_and_employees_tell_the_same_story(demo):
    session, _ = demo
    applications = session.exec(select(Application)).all()
    events = session.exec(select(ApplicationEvent)).all()
    applied = {e.application_id for e in events if e.kind == "applied"}
    assert applied == {a.id for a in applications}
    changed = {e.application_id: e.payload for e in events if e.kind == "status_changed"}
    for application in applications:
        if application.status != ApplicationStatus.NEW:
            assert changed[application.id]["to"] == application.status
    interviews = session.exec(select(Interview)).all()
    assert interviews and all(i.starts_at.tzinfo is not None for i in interviews)
    messages = session.exec(select(Message)).all()
    assert {m.purpose for m in messages} >= {"application_received", "interview_invitation", "rejection"}
    assert all(m.status == "held" for m in messages)
    assert len({m.idempotency_key for m in messages}) == len(messages)
    hired = _count(session, Application, Application.status == ApplicationStatus.HIRED)
    assert _count(session, Employee, col(Employee.application_id).is_not(None)) == hired > 0
    employees = session.exec(select(Employee)).all()  # a few across departments, one has left
    assert len({e.department_id for e in employees}) >= 3 and sum(e.end_date is not None for e in employees) == 1
    assert all(e.position_title for e in employees)


def test_projects_mix_statuses_and_ask_screening_questions_in_their_languages(demo):
    session, _ = demo
    projects = session.exec(select(RecruitmentProject)).all()
    assert {p.status for p in projects} == {"open", "closed", "draft"}
    for project in projects:
        assert 2 <= len(project.screening_questions) <= 4
        for question in project.screening_questions:
            assert set(question["text"]) == set(project.languages)


def test_rejection_reasons_exist_in_all_six_languages(demo):
    session, _ = demo
    reasons = session.exec(select(RejectionReason)).all()
    codes = {r.code for r in reasons}
    assert {"requirement_not_met", "better_matched_candidates", "position_withdrawn", "position_filled_internally",
            "candidate_declined", "insufficient_language_skills", "other"} <= codes
    for code in codes:
        assert {r.language for r in reasons if r.code == code} == LANGUAGES


def test_ensure_reference_data_is_idempotent_and_keeps_edits(fresh):
    with Session(get_engine(fresh)) as session:
        ensure_reference_data(session)
        session.commit()
        before = [_count(session, m) for m in (RejectionType, RejectionReason, Setting)]
        session.get(Setting, "company_name").value = "Fjordlys AS"
        session.commit()
        ensure_reference_data(session)
        session.commit()
        assert [_count(session, m) for m in (RejectionType, RejectionReason, Setting)] == before
        assert session.get(Setting, "company_name").value == "Fjordlys AS"
        assert session.get(Setting, "time_zone").value == "Europe/Oslo"
        types = {t.code: t for t in session.exec(select(RejectionType))}
        assert types["after_screening"].template_kind == "rejection.after_screening"
        assert types["after_screening"].default_delay_days == 3
        assert types["after_first_interview"].default_delay_days == 0


def test_refuses_a_database_with_users_unless_forced(fresh):
    load_demo_data(fresh, applications=20)
    with pytest.raises(DemoDataError):
        load_demo_data(fresh)
    summary = load_demo_data(fresh, applications=30, force=True)
    assert summary["users"] == 0 and summary["users_skipped"] == 6
    with Session(get_engine(fresh)) as session:
        assert _count(session, Application) == 50
        assert _count(session, User, User.email == "admin@example.com") == 1


def test_exact_counts_for_small_and_bulk_runs(fresh, monkeypatch):
    assert load_demo_data(fresh, applications=50)["applications"] == 50
    monkeypatch.setattr(loader, "BIG", 1000)  # take the bulk path: forked generator, indexes rebuilt
    summary = load_demo_data(fresh, applications=2000, force=True)
    assert summary["applications"] == 2000 and summary["candidates"] < 2000
    engine = get_engine(fresh)
    with Session(engine) as session:
        assert _count(session, Application) == 2050
        assert _count(session, ApplicationEvent, ApplicationEvent.kind == "applied") == 2050
        dangling = select(func.count()).select_from(Application).join(
            Candidate, Candidate.id == Application.candidate_id, isouter=True).where(Candidate.id.is_(None))
        assert session.exec(dangling).one() == 0
    names = {ix["name"] for ix in inspect(engine).get_indexes("application")}
    assert {"ix_application_project_status_applied", "ix_application_project_live_applied",
            "ix_application_project_name", "ix_application_project_search"} <= names


@pytest.mark.parametrize("big", [False, True])
def test_a_failed_run_leaves_no_rows_and_no_cv_files(fresh, tmp_path, monkeypatch, big):
    real_person, made = demo_people.person, []

    def failing_person(*args, **kwargs):
        made.append(1)
        if len(made) > 700:
            raise RuntimeError("disk full")
        return real_person(*args, **kwargs)

    monkeypatch.setattr(demo_people, "person", failing_person)
    monkeypatch.setattr(loader, "CHUNK", 300)  # some chunks are written before the failure
    if big:
        monkeypatch.setattr(loader, "BIG", 100)
    with pytest.raises((DemoDataError, RuntimeError), match="disk full"):
        load_demo_data(fresh, applications=1500)
    with Session(get_engine(fresh)) as session:
        assert _count(session, User) == _count(session, Candidate) == _count(session, Application) == 0
    assert not [p for p in (tmp_path / "files").rglob("*") if p.is_file()]


def test_cv_pdf_is_a_valid_one_page_pdf_with_nordic_letters_and_fast():
    cv = {"name": "Åse Ødegård (Sæther) \\ Ärlig", "headline": "Systemutvikler", "language": "nb",
          "contact": ["ase@example.com", "+47 412 34 567"], "profile": "Sterk på Python. " * 60,
          "experience": [{"title": "Utvikler", "org": "Bølgen Data AS", "period": "2019 – i dag", "text": "Ja."}],
          "education": [{"title": "Master", "org": "NTNU", "period": "2019"}], "skills": ["Python", "Größe é ü"]}
    data = render_cv_pdf(cv)
    assert data.startswith(b"%PDF-1.4") and b"/Count 1" in data and b"/WinAnsiEncoding" in data
    xref = int(data.rsplit(b"startxref\n", 1)[1].split()[0])
    assert data[xref:xref + 4] == b"xref"
    offsets = [int(line[:10]) for line in data[xref:].split(b"\n")[3:10]]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj" % number)
    started = time.perf_counter()
    for _ in range(200):
        render_cv_pdf(cv)
    assert (time.perf_counter() - started) / 200 < 0.003


def test_the_demo_has_a_panel_in_progress_and_one_past_its_due_date(demo):
    session, summary = demo
    assert summary["panel_reviews"] == 2
    for email in ("recruiter@example.com", "manager@example.com", "ingrid.solheim@example.com"):
        assert session.exec(select(User).where(User.email == email)).one().can_send_to_panel, email
    admin = login_as(session, "admin@example.com")
    rows = {p.state: p for review in session.exec(select(PanelReview))
            for p in tracking.project_panels(session, admin, review.project_id)}
    assert set(rows) == {"open", "past_due"}
    current = rows["open"]
    assert (current.completed, current.expected, current.candidates) == (1, 3, 5)
    assert [(r.name, r.internal) for r in current.reviewers] == [
        ("Nina Sandvik", True), ("Ingrid Solheim", True), ("Lars Berg", False)]
    assert [r.rated for r in current.reviewers] == [5, 2, 0]
    lars = session.exec(select(Reviewer).where(Reviewer.email == "lars.berg@partner.example")).first()
    assert lars.language == "sv" and panels.link_works(session, lars)
    sent = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "panel_sent")).all()
    done = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "panel_completed")).all()
    assert len(sent) == 10 and len(done) == 5 + 2 * 5


def test_the_demo_has_an_accepted_offer_and_one_waiting(demo):
    session, summary = demo
    assert summary["offers"] == 2
    admin = login_as(session, "admin@example.com")
    offers = session.exec(select(Offer).order_by(Offer.id)).all()
    shown = [section.offer_section(session, admin, offer.application_id) for offer in offers]
    assert [s.status for s in shown] == ["accepted", "waiting"]
    for offer, found in zip(offers, shown):
        assert offer.valid_until >= offer.created_at.date() and offer.start_date > offer.valid_until
        assert any(value.startswith(f"{offer.salary} NOK") for _label, value in found.terms)
        assert "Pension" in found.terms_html
    assert all(session.get(Application, o.application_id).status == "offer" for o in offers)
    task = session.exec(select(Task).where(Task.kind == "offer_accepted")).one()
    assert task.application_id == offers[0].application_id
