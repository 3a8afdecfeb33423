"""Receiving an application: one transaction, the same email is the same candidate, consent, knock-out,
the files stored only when everything is right, the "application received" email queued at once."""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from ats_app.core import files
from ats_app.core.db import session_scope
from ats_app.core.errors import AlreadyApplied, InvalidInput, NotAllowed, NotTakingApplications
from ats_app.intake import applying
from ats_app.intake.uploads import Upload
from ats_app.models import Application, ApplicationEvent, Candidate, Message, PrivacyText, ProjectStatus, Role
from ats_app.organisation import privacy_texts
from tests.unit import intake_files as f
from tests.unit.factories import login_as, make_project, make_user, put_on_project

NOW = datetime.now(timezone.utc)
SOON = date.today() + timedelta(days=30)
QUESTIONS = [{"id": "permit", "kind": "yes_no", "mandatory": True, "text": {"en": "Work permit?"},
              "choices": [{"id": "yes"}, {"id": "no", "knockout": True}], "requirement": {"en": "A work permit"}}]


def _form(**changes) -> applying.ApplicationForm:
    form = {"first_name": " Kari ", "last_name": "Nordmann", "email": " Kari.Nordmann@Example.com ",
            "mobile": "912 34 567", "address": "Storgata 1", "postal_code": "0155", "city": "Oslo",
            "cover_letter": "I would like to work with you.", "answers": {}, "consent": True, "language": "nb"}
    form.update(changes)
    return form  # type: ignore[return-value]


def _cv(data: bytes | None = None, name: str = "cv.pdf") -> dict:
    return {"cv": Upload(name, data if data is not None else f.pdf())}


def _stored_files() -> list:
    return [p for p in files.files_dir().rglob("*") if p.is_file() and not p.name.startswith(".")]


def _apply(project_id, form=None, files_sent=None, **options):
    with session_scope() as s:
        return applying.receive_application(s, project_id, form or _form(), _cv() if files_sent is None else files_sent,
                                            now=NOW, **options)


@pytest.fixture
def project(session):
    return make_project(session, "Backend developer", deadline=SOON, screening_questions=QUESTIONS)


def test_an_application_is_stored_as_new_with_candidate_files_consent_history_and_email(session, project):
    before = len(_stored_files())
    application = _apply(project.id, _form(answers={"permit": "yes"}))
    session.expire_all()
    stored = session.get(Application, application.id)
    candidate = session.get(Candidate, stored.candidate_id)
    assert stored.status == "new" and stored.source == "careers_site" and stored.knocked_out is False
    assert stored.screening_answers == {"permit": "yes"} and stored.cover_letter == "I would like to work with you."
    assert (candidate.first_name, candidate.email, candidate.mobile) == ("Kari", "kari.nordmann@example.com",
                                                                         "+4791234567")
    assert candidate.language == "nb" and "eight years of Python" in candidate.cv_text
    assert files.read_bytes(candidate.cv_file_key) == f.pdf() and len(_stored_files()) == before + 1
    privacy = session.get(PrivacyText, stored.privacy_text_id)
    assert privacy.language == "nb" and stored.consented_at is not None
    kinds = [e.kind for e in session.exec(select(ApplicationEvent).where(
        ApplicationEvent.application_id == stored.id))]
    assert kinds == ["applied", "email_sent"]
    [message] = session.exec(select(Message)).all()
    assert message.kind == "application_received" and message.language == "nb"
    assert message.recipient == "kari.nordmann@example.com" and "Backend developer" in message.body_html


def test_a_knock_out_answer_is_stored(session, project):
    application = _apply(project.id, _form(answers={"permit": "no"}))
    assert session.get(Application, application.id).knocked_out is True


def test_the_same_email_is_the_same_candidate_and_details_are_kept_without_the_tick(session, project):
    other = make_project(session, "Data engineer", deadline=SOON)
    first = _apply(project.id, _form(answers={"permit": "yes"}))
    cv_on_record = session.get(Candidate, first.candidate_id).cv_file_key
    before = len(_stored_files())
    second = _apply(other.id, _form(email="KARI.nordmann@example.com", first_name="Karianne", mobile="",
                                    language="en"), files_sent=_cv(f.pdf("Someone Else", "Not Kari's CV")))
    assert first.candidate_id == second.candidate_id
    candidate = session.get(Candidate, first.candidate_id)
    session.refresh(candidate)
    assert (candidate.first_name, candidate.mobile, candidate.language) == ("Kari", "+4791234567", "nb")
    # Whoever knows the address cannot replace the CV recruiters read; the unneeded file is not kept either.
    assert candidate.cv_file_key == cv_on_record and "Someone Else" not in candidate.cv_text
    assert len(_stored_files()) == before
    assert session.get(Application, second.id).sort_name == "nordmann kari"


def test_the_tick_updates_the_contact_details(session, project):
    other = make_project(session, "Data engineer", deadline=SOON)
    first = _apply(project.id, _form(answers={"permit": "yes"}))
    _apply(other.id, _form(first_name="Karianne", mobile="+46 70 123 45 67", update_contact=True, language="sv"))
    candidate = session.get(Candidate, first.candidate_id)
    session.refresh(candidate)
    assert (candidate.first_name, candidate.mobile, candidate.language) == ("Karianne", "+46701234567", "sv")
    session.expire_all()
    assert session.get(Application, first.id).sort_name == "nordmann karianne"  # the list finds the new name


def test_a_second_live_application_to_the_same_project_is_not_stored_and_not_told(session, project):
    _apply(project.id, _form(answers={"permit": "yes"}))
    with pytest.raises(AlreadyApplied):  # the form thanks as usual: it never says whether an address applied
        _apply(project.id, _form(answers={"permit": "yes"}))
    assert len(session.exec(select(Application)).all()) == 1
    put_on_project(session, project, make_user(session, "recruiter@example.com", role=Role.RECRUITER))
    with pytest.raises(InvalidInput) as refused:  # a recruiter entering it by hand is told
        _apply(project.id, _form(answers={"permit": "yes"}), entered_by=login_as(session, "recruiter@example.com"))
    assert refused.value.errors == {"email": applying.ALREADY_APPLIED}


def test_consent_is_required_on_the_form_and_nothing_is_stored(session, project):
    before = len(_stored_files())
    with pytest.raises(InvalidInput) as refused:
        _apply(project.id, _form(consent=False, answers={"permit": "yes"}))
    assert refused.value.errors == {"consent": applying.CONSENT_REQUIRED}
    assert session.exec(select(Candidate)).all() == [] and len(_stored_files()) == before


def test_every_problem_is_named_by_its_field(project):
    with pytest.raises(InvalidInput) as refused:
        _apply(project.id, _form(first_name="", email="not-an-email", mobile="12", consent=False),
               files_sent=_cv(f.png_file()))
    assert set(refused.value.errors) == {"first_name", "email", "mobile", "consent", "cv", "answer:permit"}


def test_the_cv_is_required_on_the_form_but_optional_by_hand(session, project):
    with pytest.raises(InvalidInput) as refused:
        _apply(project.id, _form(answers={"permit": "yes"}), files_sent={})
    assert refused.value.errors == {"cv": applying.CV_REQUIRED}
    put_on_project(session, project, make_user(session, "recruiter@example.com", role=Role.RECRUITER))
    recruiter = login_as(session, "recruiter@example.com")
    application = _apply(project.id, _form(answers={"permit": "yes"}, consent=False), files_sent={},
                         entered_by=recruiter, send_receipt=False)
    stored = session.get(Application, application.id)
    assert (stored.source, stored.entered_by_id, stored.privacy_text_id) == ("by_hand", recruiter.id, None)
    assert session.exec(select(Message)).all() == []


def test_by_hand_needs_a_recruiter(session, project):
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER)
    with pytest.raises(NotAllowed):
        _apply(project.id, entered_by=login_as(session, "manager@example.com"))


def test_closed_draft_deleted_and_past_deadline_projects_take_no_applications(session):
    for fields in ({"status": ProjectStatus.CLOSED}, {"status": ProjectStatus.DRAFT},
                   {"deleted_at": NOW}, {"deadline": date.today() - timedelta(days=1)}):
        project = make_project(session, "Closed", **{"deadline": SOON, **fields})
        with pytest.raises(NotTakingApplications):
            _apply(project.id)


def test_one_transaction_a_failure_after_the_files_leaves_nothing(session, project, monkeypatch):
    before = len(_stored_files())

    def broken(*args, **kwargs):
        raise RuntimeError("the outbox is down")
    monkeypatch.setattr(applying, "queue_to_candidate", broken)
    with pytest.raises(RuntimeError):
        _apply(project.id, _form(answers={"permit": "yes"}),
               files_sent={**_cv(), "cover_letter_file": Upload("letter.docx", f.docx_file())})
    assert session.exec(select(Candidate)).all() == [] and session.exec(select(Application)).all() == []
    assert len(_stored_files()) == before


def test_a_cover_letter_file_is_stored_privately(session, project):
    application = _apply(project.id, _form(answers={"permit": "yes"}),
                         files_sent={**_cv(), "cover_letter_file": Upload("letter.odt", f.odt_file())})
    stored = session.get(Application, application.id)
    assert stored.cover_letter_filename == "letter.odt" and files.read_bytes(stored.cover_letter_file_key)


def test_privacy_texts_are_versioned_per_language(session):
    make_user(session)
    admin = login_as(session)
    first = privacy_texts.current(session, "fi")
    assert first.version == 1 and "hakemuksesi" in first.text
    second = privacy_texts.save(session, admin, "fi", "Uusi teksti.")
    assert second.version == 2 and privacy_texts.current(session, "fi").id == second.id
    assert privacy_texts.save(session, admin, "fi", "Uusi teksti.").id == second.id  # unchanged: no new version
    make_user(session, "recruiter@example.com", role=Role.RECRUITER)
    with pytest.raises(NotAllowed):
        privacy_texts.save(session, login_as(session, "recruiter@example.com"), "fi", "x")


def test_the_consent_names_the_version_the_form_showed(session, project):
    make_user(session)
    admin = login_as(session)
    shown = privacy_texts.current(session, "nb")
    session.commit()
    privacy_texts.save(session, admin, "nb", "En ny tekst.")  # saved while the candidate reads the form
    session.commit()
    application = _apply(project.id, _form(answers={"permit": "yes"}, privacy_version=str(shown.version)))
    assert session.get(Application, application.id).privacy_text_id == shown.id
    other = make_project(session, "Data engineer", deadline=SOON)
    for posted in ("", "99", "x" * 50):  # missing or unknown: the current version
        later = _apply(other.id, _form(email=f"p{len(posted)}@example.com", privacy_version=posted))
        assert session.get(PrivacyText, session.get(Application, later.id).privacy_text_id).version == 2
