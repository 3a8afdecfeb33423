"""Send letter: one A4 page per applicant in their language, the window-envelope address, the history
line, the authenticated download, and no fetching of anything but data: URLs."""

import io
import time
import urllib.request
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from pypdf import PdfReader
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.accounts import auth
from ats_app.core import files, pdf
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.handling.purge import purge_application
from ats_app.handling.status_actions import delete_application
from ats_app.letters import printing as letters
from ats_app.mail.markup import clean_html
from ats_app.models import Application, ApplicationEvent, Candidate, EmailTemplate, RecruitmentProject, Role, Setting
from ats_app.web.routes import api
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

PEOPLE = (  # language, first, last, street, postal code, city, country, a phrase of that language's letter
    ("nb", "Ingrid", "Haugen", "Storgata 12", "0155", "Oslo", "NO", "Takk for søknaden din"),
    ("fi", "Aino", "Virtanen", "Mannerheimintie 5 A 3", "00100", "Helsinki", "FI", "Kiitos hakemuksestasi"),
    ("nl", "Daan", "de Vries", "Keizersgracht 101", "1015 CJ", "Amsterdam", "NL",
     "Hartelijk dank voor uw sollicitatie"),
)
LOCALES = {"nb": "nb_NO", "fi": "fi_FI", "nl": "nl_NL"}
APPLIED = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def admin(session):
    make_user(session, "admin@example.com", name="Rita Recruiter")
    return login_as(session)


@pytest.fixture
def applicants(session):
    project = make_project(session, "Backend developer", department=make_department(session))
    ids = []
    for language, first, last, street, postal_code, city, country, _phrase in PEOPLE:
        application = make_application(session, project, first_name=first, last_name=last.replace(" ", ""),
                                       applied_at=APPLIED)  # not today: the letter's date must be its own
        candidate = session.get(Candidate, application.candidate_id)
        candidate.last_name, candidate.language = last, language
        candidate.address, candidate.postal_code, candidate.city, candidate.country = street, postal_code, city, country
        session.add(candidate)
        ids.append(application.id)
    session.commit()
    return ids


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _today(language: str) -> str:
    return format_date(datetime.now(ZoneInfo("Europe/Oslo")).date(), "long", locale=LOCALES[language])


def test_three_applicants_in_three_languages_make_one_pdf_of_three_pages(session, admin, applicants):
    run = letters.letters_pdf(session, admin, applicants, "letter.application_received")
    session.commit()
    assert run.done == applicants and run.refused == {} and run.warnings == {}
    pages = _pages(run.pdf)
    assert len(pages) == 3
    for text, (language, first, last, street, postal_code, city, _country, phrase) in zip(pages, PEOPLE):
        assert f"{first} {last}" in text and street in text and f"{postal_code} {city}" in text
        assert _today(language) in text
        assert format_date(APPLIED.date(), "long", locale=LOCALES[language]) in text  # {applicationdate}
        assert phrase in text and "Backend developer" in text
        assert "Nordlys AS" in text  # the letterhead
        others = [p for p in PEOPLE if p[0] != language]
        assert not any(other[7] in text or other[1] in text for other in others)
    assert _today("fi") != _today("nl")  # the formats really differ, so the check above means something
    # Domestic (Norway, the organisation's time zone) has no country line; abroad it is written out.
    assert "NORWAY" not in pages[0] and "FINLAND" in pages[1] and "NETHERLANDS" in pages[2]
    assert files.read_bytes(run.file_key) == run.pdf


def test_the_subject_is_bold_and_the_address_sits_in_the_envelope_window(session, admin, applicants):
    run = letters.letters_pdf(session, admin, applicants[:1], "letter.application_received")
    page = PdfReader(io.BytesIO(run.pdf)).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4
    found = {}

    def visit(text, cm, tm, font, _size):  # where the text starts on the page, in mm from the top left
        if text.strip():
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.setdefault(text.strip(), (x / 72 * 25.4, (height - y) / 72 * 25.4, font))

    page.extract_text(visitor_text=visit)
    left, top, _font = found["Storgata 12"]
    assert 20 <= left <= 30 and 45 <= top <= 85  # inside the 85 × 40 mm window field at (20 mm, 45 mm)
    subject = next(key for key in found if key.startswith("Søknaden din på stillingen"))
    assert "Bold" in str(found[subject][2]["/BaseFont"])


def test_rejection_letter_carries_the_message_and_history_is_written(session, admin, applicants):
    run = letters.letters_pdf(session, admin, applicants, "letter.application_rejected",
                              message="The position required a Norwegian driving licence.")
    session.commit()
    assert all("The position required a Norwegian driving licence." in text for text in _pages(run.pdf))
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "letter_sent")
                          .order_by(ApplicationEvent.application_id)).all()
    assert [e.application_id for e in events] == sorted(applicants)
    assert all(e.payload == {"kind": "letter.application_rejected", "file_key": run.file_key} and e.actor_id == admin.id
               for e in events)  # the run's file, so Delete permanently finds it


def test_deleted_and_unknown_applications_are_refused_and_left_out(session, admin, applicants):
    delete_application(session, admin, applicants[1])
    session.commit()
    run = letters.letters_pdf(session, admin, [*applicants, 999999], "letter.application_received")
    session.commit()
    assert run.done == [applicants[0], applicants[2]]
    assert run.refused == {applicants[1]: "deleted", 999999: "not found"}
    pages = _pages(run.pdf)
    assert len(pages) == 2 and not any("Virtanen" in text for text in pages)
    written = session.exec(select(ApplicationEvent.application_id).where(ApplicationEvent.kind == "letter_sent")).all()
    assert sorted(written) == [applicants[0], applicants[2]]


def test_an_application_in_a_deleted_project_is_not_found(session, admin, applicants):
    other = make_project(session, "Old vacancy", deleted_at=APPLIED)
    hidden = make_application(session, other, first_name="Per", last_name="Hansen")
    run = letters.letters_pdf(session, admin, [hidden.id, applicants[0]], "letter.application_received")
    assert run.refused == {hidden.id: "not found"} and run.done == [applicants[0]]
    assert not any("Hansen" in text for text in _pages(run.pdf))


def test_nothing_to_print_makes_no_pdf(session, admin, applicants):
    for application_id in applicants:
        delete_application(session, admin, application_id)
    session.commit()
    run = letters.letters_pdf(session, admin, applicants, "letter.application_received")
    assert run.pdf is None and run.file_key is None and run.done == [] and len(run.refused) == 3


def test_missing_address_is_printed_with_a_warning(session, admin, applicants):
    candidate = session.get(Candidate, session.get(Application, applicants[0]).candidate_id)
    candidate.address = candidate.postal_code = candidate.city = None
    session.add(candidate)
    session.commit()
    run = letters.letters_pdf(session, admin, applicants, "letter.application_received")
    assert run.done == applicants and run.warnings == {applicants[0]: "no postal address"}
    first = _pages(run.pdf)[0]
    assert "Ingrid Haugen" in first and "Storgata" not in first


def test_rights_and_kind_are_checked_before_anything(session, applicants):
    make_user(session, "m@example.com", role=Role.HIRING_MANAGER)
    with pytest.raises(NotAllowed):
        letters.letters_pdf(session, login_as(session, "m@example.com"), applicants, "letter.application_received")
    make_user(session, "admin@example.com")
    with pytest.raises(InvalidChoice):
        letters.letters_pdf(session, login_as(session), applicants, "offer")
    assert session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "letter_sent")).all() == []


def test_organisation_address_and_department_template_are_used(session, admin, applicants):
    session.add(Setting(key="company_address", value="Postboks 123 Sentrum\n0102 Oslo"))
    department_id = session.get(RecruitmentProject, session.get(Application, applicants[0]).project_id).department_id
    session.add(EmailTemplate(kind="letter.application_received", language="nb", department_id=department_id,
                              subject="Vi har fått søknaden", body_html="<p>Hei {firstname}, egen tekst.</p>"))
    session.commit()
    text = _pages(letters.letters_pdf(session, admin, applicants[:1], "letter.application_received").pdf)[0]
    assert "Postboks 123 Sentrum" in text and "Vi har fått søknaden" in text and "Hei Ingrid, egen tekst." in text


def test_candidate_data_is_escaped(session, admin, applicants):
    candidate = session.get(Candidate, session.get(Application, applicants[0]).candidate_id)
    candidate.address = "<b>Storgata</b> 12"
    session.add(candidate)
    session.commit()
    run = letters.letters_pdf(session, admin, applicants[:1], "letter.application_rejected", message="<i>x</i> & y")
    text = _pages(run.pdf)[0]
    assert "<b>Storgata</b> 12" in text and "<i>x</i> & y" in text


def test_local_files_are_never_fetched(session, admin, applicants, monkeypatch):
    opened = []
    original = urllib.request.FileHandler.file_open
    monkeypatch.setattr(urllib.request.FileHandler, "file_open", lambda self, req: opened.append(req) or
                        original(self, req))
    body = '<p>Hei</p><img src="file:///etc/passwd"><link rel="stylesheet" href="file:///etc/passwd">'
    assert "file://" not in clean_html(body)  # nh3 already strips it from stored templates...
    session.add(EmailTemplate(kind="letter.application_received", language="nb", subject="S", body_html=body))
    session.commit()
    run = letters.letters_pdf(session, admin, applicants[:1], "letter.application_received")
    assert run.done == applicants[:1] and opened == []
    # ...and the fetcher refuses it even when HTML gets past the cleaning.
    fetcher = pdf.url_fetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.com/logo.png"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    pdf_bytes = pdf.pdf_from_html('<p>x</p><img src="file:///etc/passwd"><img src="data:image/gif;base64,'
                                'R0lGODlhAQABAAAAACw=">')
    assert pdf_bytes.startswith(b"%PDF") and opened == [] and b"root:" not in pdf_bytes


def test_download_needs_a_recruiter_session(session, admin, applicants):
    make_user(session, "m@example.com", role=Role.HIRING_MANAGER)
    run = letters.letters_pdf(session, admin, applicants, "letter.application_received")
    session.commit()
    url = letters.download_link(run.file_key, admin.id)
    anonymous = TestClient(api).get(url)
    assert anonymous.status_code == 401 and b"%PDF" not in anonymous.content

    recruiter = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "admin@example.com", "demo")})
    response = recruiter.get(url)
    assert response.status_code == 200 and response.content == run.pdf
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="letters.pdf"'
    assert "no-store" in response.headers["cache-control"]

    for bad in ("0" * 32, "not-a-key", "..%2F..%2Fetc%2Fpasswd"):
        assert recruiter.get(f"/files/letters/{bad}").status_code == 404
    manager = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "m@example.com", "demo")})
    assert manager.get(url).status_code == 404
    assert recruiter.get(f"/files/letters/{run.file_key}").status_code == 404  # unsigned: refused
    make_user(session, "other@example.com", role=Role.RECRUITER)
    other = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "other@example.com", "demo")})
    assert other.get(url).status_code == 404  # signed for its maker only
    cv_key = files.store_bytes(b"%PDF a CV")
    assert recruiter.get(f"/files/letters/{cv_key}?sig=x").status_code == 404  # no other stored file


def test_a_download_link_expires_and_a_strange_signature_is_a_404(session, admin, applicants):
    run = letters.letters_pdf(session, admin, applicants, "letter.application_received")
    session.commit()
    recruiter = TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, "admin@example.com", "demo")})
    fresh = letters.download_link(run.file_key, admin.id)
    assert recruiter.get(fresh).status_code == 200
    stale = letters.download_link(run.file_key, admin.id, expires=int(time.time()) - 1)
    assert recruiter.get(stale).status_code == 404  # signed, but its day is over
    longer = fresh.replace("exp=", "exp=9")  # a later expiry than the one signed
    assert recruiter.get(longer).status_code == 404
    for sig in ("ø", "%C3%B8" * 20, "\u2603", "%FF"):
        assert recruiter.get(f"/files/letters/{run.file_key}?exp={int(time.time()) + 60}&sig={sig}").status_code == 404


def test_delete_permanently_removes_the_letters_pdf(session, admin, applicants):
    run = letters.letters_pdf(session, admin, applicants[:1], "letter.application_received")
    session.commit()
    assert files.read_bytes(run.file_key) == run.pdf
    delete_application(session, admin, applicants[0])
    session.commit()
    purge_application(session, admin, applicants[0])
    session.commit()
    with pytest.raises(FileNotFoundError):
        files.read_bytes(run.file_key)
    kept = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "letter_sent")).all()
    assert all("file_key" not in (event.payload or {}) for event in kept)
