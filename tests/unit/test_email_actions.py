"""Send email, Forward to email, Save and send, and the templates they start from (service level)."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlmodel import select

from ats_app.core import files
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed, UnknownTag
from ats_app.core.tokens import token_hash
from ats_app.delivery import outbox_admin
from ats_app.handling import further_progress as fp
from ats_app.mail import templates as email_templates
from ats_app.mail.render import TagValues, render_email
from ats_app.models import Application, ApplicationEvent, Candidate, CandidateLink, Message
from ats_app.models import ApplicationStatus as S
from ats_app.models import MessageStatus as M
from ats_app.privacy.redaction import personal_values
from tests.unit.factories import email_choices, login_as, make_application, make_department, make_project, make_user


@pytest.fixture
def admin(session):
    make_user(session, "admin@example.com", name="Rita Recruiter")
    return login_as(session)


@pytest.fixture
def project(session):
    return make_project(session, "Backend developer")


def _candidate(session, application_id) -> Candidate:
    return session.get(Candidate, session.get(Application, application_id).candidate_id)


def _messages(session) -> list[Message]:
    session.expire_all()
    return list(session.exec(select(Message).order_by(Message.id)).all())


def test_tags_render_per_language_and_candidate_data_is_escaped():
    values = TagValues({"firstname": "<script>alert(1)</script>", "projecttitle": "Utvikler", "companyname": "Nordlys",
                        "recruitername": "Rita"}, {})
    email = render_email("Hei {firstname}", "<p>Hei {candidate-given-name}, {{ 7*7 }} {% raw %}</p><p>{message}</p>",
                         values, kind="rejection.after_first_interview", language="nb")
    assert "<script>" not in email.html and "&lt;script&gt;" in email.html
    assert "{{ 7*7 }}" in email.html and "49" not in email.html  # recruiters cannot write Jinja
    assert "{message}" not in email.html and "<p></p>" not in email.html  # an empty personal message drops out
    assert email.text.startswith("Hei <script>") and email.subject == "Hei <script>alert(1)</script>"
    assert 'lang="nb"' in email.html and "style=" in email.html  # inlined CSS


def test_an_unknown_tag_is_an_error_not_a_blank():
    with pytest.raises(UnknownTag) as refused:
        render_email("Hi", "<p>{interviewdate} {shoesize}</p>", TagValues(), kind="offer", language="en")
    assert refused.value.tags == ["interviewdate", "shoesize"]


def test_send_email_writes_each_candidate_in_their_language(session, admin, project):
    norwegian = make_application(session, project, first_name="Kari")
    english = make_application(session, project, first_name="John", last_name="Smith")
    _candidate(session, english.id).language = "en"
    session.commit()
    choices = {"sender": "Rita <recruitment@example.com>", "drafts": [
        {"language": "nb", "subject": "Hei {firstname}", "body": "Takk for søknaden til {projecttitle}."},
        {"language": "en", "subject": "Hello {firstname}", "body": "Thank you for applying to {projecttitle}."}]}
    result = fp.run(session, admin, "send_email", [norwegian.id, english.id], choices)
    assert result.done == 2
    by_recipient = {m.recipient: m for m in _messages(session)}
    assert by_recipient["kari.nordmann@example.com"].subject == "Hei Kari"
    assert "Takk for søknaden til Backend developer" in by_recipient["kari.nordmann@example.com"].body_text
    assert by_recipient["john.smith@example.com"].subject == "Hello John"
    assert all(m.status == M.QUEUED and m.reply_to == "admin@example.com" for m in by_recipient.values())
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "email_sent")).all()
    assert {e.message_id for e in events} == {m.id for m in by_recipient.values()}


@pytest.mark.parametrize("change,field", [
    ({"sender": "not an address"}, "sender"),
    ({"sender": "Me <me@gmail.com>"}, "sender"),  # not the verified sending domain
    ({"recipient": "kari@"}, "recipient"),
    ({"drafts": [{"language": "en", "subject": "", "body": "Hi"}]}, "subject:en"),
    ({"drafts": [{"language": "en", "subject": "Hi", "body": "  "}]}, "body:en"),
    ({"drafts": [{"language": "en", "subject": "Hi {shoesize}", "body": "Hi"}]}, "subject:en"),
    ({"drafts": [{"language": "en", "subject": "Hi", "body": "Your {interviewdate}"}]}, "body:en"),
])
def test_send_email_refuses_each_bad_field_and_sends_nothing(session, admin, project, change, field):
    application = make_application(session, project)
    choices = {**email_choices(), "recipient": "kari.nordmann@example.com", **change}
    with pytest.raises(InvalidChoice) as refused:
        fp.run(session, admin, "send_email", [application.id], choices)
    assert refused.value.field == field
    assert _messages(session) == []


def test_one_applicant_may_get_the_email_at_another_address(session, admin, project):
    application = make_application(session, project)
    fp.run(session, admin, "send_email", [application.id], email_choices(recipient="kari@home.example.org"))
    assert [m.recipient for m in _messages(session)] == ["kari@home.example.org"]


def test_hiring_managers_cannot_send_email(session, project):
    make_user(session, "manager@example.com", role="hiring_manager")
    manager = login_as(session, "manager@example.com")
    application = make_application(session, project)
    with pytest.raises(NotAllowed):
        fp.run(session, manager, "send_email", [application.id], email_choices())


def _full_candidate(session, project):
    application = make_application(session, project, first_name="Ingrid", last_name="Solberg",
                                   cover_letter="Jeg heter Ingrid Solberg, ring 912 34 567 eller skriv til "
                                   "ingrid.solberg@example.com. Se linkedin.com/in/ingridsolberg.")
    candidate = _candidate(session, application.id)
    candidate.mobile, candidate.address = "+4791234567", "Storgata 5"
    candidate.postal_code, candidate.city = "0155", "Oslo"
    candidate.birth_date = date(1990, 4, 17)
    candidate.cv_text = "Ingrid Solberg\nStorgata 5, 0155 Oslo\n\nSeven years of Python at Equinor."
    candidate.cv_file_key = files.store_bytes(b"%PDF-1.4 original CV of Ingrid Solberg")
    candidate.cv_filename = "ingrid-solberg.pdf"
    session.commit()
    return application, candidate


def test_forward_anonymised_leaves_no_personal_value_in_html_text_or_attachment(session, admin, project):
    application, candidate = _full_candidate(session, project)
    result = fp.run(session, admin, "forward", [application.id],
                    {"recipient": "boss@example.com", "sender": "Rita <recruitment@example.com>",
                     "note": "Worth a look", "anonymise": True})
    assert result.done == 1
    [message] = _messages(session)
    [attachment] = message.attachments
    assert attachment["file_key"] != candidate.cv_file_key
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(files.read_bytes(
        attachment["file_key"]))).pages)
    everything = " ".join([message.subject, message.body_html, message.body_text, attachment["filename"], pdf_text])
    for value in personal_values(candidate):
        assert value.lower() not in everything.lower(), value
    assert "Python" in pdf_text and "Oslo" in message.body_text and "Worth a look" in message.body_text
    [event] = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "forwarded")).all()
    assert event.payload == {"recipient": "boss@example.com", "anonymised": True, "attachments": True}
    assert event.message_id == message.id


def test_forward_without_attachments_and_with_them(session, admin, project):
    application, candidate = _full_candidate(session, project)
    base = {"recipient": "boss@example.com", "sender": "recruitment@example.com"}
    fp.run(session, admin, "forward", [application.id], {**base, "without_attachments": True})
    fp.run(session, admin, "forward", [application.id], base)
    plain, with_cv = _messages(session)
    assert plain.attachments == [] and "Ingrid Solberg" in plain.body_text and "912 34 567" in plain.body_text
    assert with_cv.attachments[0]["file_key"] == candidate.cv_file_key


def test_save_and_send_saves_and_emails_a_one_time_link_the_outbox_never_holds(session, admin, project):
    import resend

    from ats_app.core.db import get_engine
    from ats_app.delivery import worker as delivery_worker
    from ats_app.delivery.email_providers import ResendBackend
    from ats_devtools.fake_resend import FakeResend
    from tests.unit.conftest import DB_URL

    application = make_application(session, project)
    choices = email_choices(subject="Your profile", body="Hi {firstname}\n\n{setpasswordlink}", language="nb")
    assert fp.run(session, admin, "save_and_send", [application.id], choices).done == 1
    session.expire_all()
    assert session.get(Application, application.id).status == S.SAVED
    [message] = _messages(session)
    assert "token=__ATS_LINK_" in message.body_text  # a placeholder: the row holds no token
    saved = resend.api_key, resend.api_url
    with FakeResend() as fake:
        delivery_worker.deliver_due(get_engine(DB_URL), ResendBackend("re_test", fake.url), "w",
                                    throttle=delivery_worker.Throttle(0))
        [sent] = fake.emails()
    resend.api_key, resend.api_url = saved
    token = sent["body"]["text"].split("token=")[1].split(")")[0].split()[0]
    [link] = session.exec(select(CandidateLink)).all()
    assert link.token_hash == token_hash(token) and len(token) >= 40
    assert token not in _messages(session)[0].body_html + _messages(session)[0].body_text
    kinds = [e.kind for e in session.exec(select(ApplicationEvent).order_by(ApplicationEvent.id)).all()]
    assert kinds == ["status_changed", "login_sent"]


def test_a_saved_candidate_can_be_sent_a_new_link(session, admin, project):
    application = make_application(session, project, S.SAVED)
    choices = email_choices(body="{setpasswordlink}")
    assert fp.run(session, admin, "save_and_send", [application.id], choices).done == 1
    assert fp.run(session, admin, "save_and_send", [application.id], choices).done == 1
    links = session.exec(select(CandidateLink).order_by(CandidateLink.id)).all()
    assert len(links) == 2 and links[0].expires_at <= links[1].created_at  # the older link was revoked
    kinds = [e.kind for e in session.exec(select(ApplicationEvent).order_by(ApplicationEvent.id)).all()]
    assert kinds == ["login_sent", "login_sent"]  # no status change: already saved


def test_save_and_send_refuses_a_tag_of_another_kind(session, admin, project):
    application = make_application(session, project)
    with pytest.raises(InvalidChoice):
        fp.run(session, admin, "save_and_send", [application.id], email_choices(body="{confirmlink}"))
    session.expire_all()
    assert session.get(Application, application.id).status == S.NEW


def test_templates_come_from_department_then_organisation_then_default(session, admin):
    sales = make_department(session, "Sales")
    default = email_templates.template_for(session, "offer", "nb", sales.id)
    assert default.source == "default" and default.subject
    email_templates.save_template(session, admin, "offer", "nb", None, "Tilbud: {projecttitle}", "Hei {firstname}")
    email_templates.save_template(session, admin, "offer", "nb", sales.id, "Salg: {projecttitle}",
                                  "Hei <b onclick='x()'>{firstname}</b> **velkommen**")
    session.commit()
    assert email_templates.template_for(session, "offer", "nb").subject == "Tilbud: {projecttitle}"
    own = email_templates.template_for(session, "offer", "nb", sales.id)
    assert own.source == "department" and "<strong>velkommen</strong>" in own.body_html
    assert "<b " not in own.body_html and "&lt;b onclick" in own.body_html  # typed HTML is text, never markup
    assert email_templates.reset_template(session, admin, "offer", "nb", sales.id)
    session.commit()
    assert email_templates.template_for(session, "offer", "nb", sales.id).source == "organisation"


def test_saving_a_template_checks_tags_and_the_right(session, admin, project):
    with pytest.raises(InvalidChoice) as refused:
        email_templates.save_template(session, admin, "offer", "en", None, "Offer", "See you {interviewdate}")
    assert refused.value.field == "body" and "{interviewdate}" in refused.value.params["tags"]
    make_user(session, "recruiter@example.com", role="recruiter")
    with pytest.raises(NotAllowed):
        email_templates.save_template(session, login_as(session, "recruiter@example.com"), "offer", "en", None, "O",
                                      "B")


def test_cancel_a_waiting_message_and_resend_a_failed_one(session, admin, project):
    application = make_application(session, project)
    fp.run(session, admin, "send_email", [application.id], email_choices())
    [message] = _messages(session)
    outbox_admin.cancel_message(session, admin, message.id)
    session.commit()
    assert _messages(session)[0].status == M.CANCELLED
    with pytest.raises(ActionRefused):
        outbox_admin.cancel_message(session, admin, message.id)
    copy = outbox_admin.resend_message(session, admin, message.id)
    session.commit()
    assert copy.status == M.QUEUED and copy.idempotency_key != message.idempotency_key
    kinds = [e.kind for e in session.exec(select(ApplicationEvent).order_by(ApplicationEvent.id)).all()]
    assert kinds == ["email_sent", "email_cancelled", "email_resent"]


def test_save_and_send_needs_the_set_password_link_in_the_email(session, admin, project):
    application = make_application(session, project)
    with pytest.raises(InvalidChoice) as refused:
        fp.run(session, admin, "save_and_send", [application.id], email_choices(body="Hi {firstname}"))
    assert refused.value.field == "body:en" and refused.value.params == {"tag": "{setpasswordlink}"}
    assert _messages(session) == []


def test_purging_a_candidate_removes_their_portal_login_and_the_files_made_for_their_emails(session, admin, project):
    from ats_app.models import CandidateAccount
    from ats_app.models.base import utcnow

    application, candidate = _full_candidate(session, project)
    cover_letter = files.store_bytes(b"{\\rtf1 Dear recruiter}")
    session.get(Application, application.id).cover_letter_file_key = cover_letter
    session.commit()
    fp.run(session, admin, "save_and_send", [application.id],
           email_choices(body="{setpasswordlink}"))
    fp.run(session, admin, "forward", [application.id],
           {"recipient": "boss@example.com", "sender": "recruitment@example.com", "anonymise": True})
    made = [m.attachments[0]["file_key"] for m in _messages(session) if m.attachments]
    assert made and files.path_for(made[0]).exists()
    row = session.get(Application, application.id)
    row.deleted_at = utcnow()
    session.commit()
    assert fp.run(session, admin, "purge", [application.id], {"confirmation": "DELETE"}).done == 1
    session.expire_all()
    assert session.get(Candidate, candidate.id) is None and session.exec(select(CandidateAccount)).all() == []
    assert _messages(session) == [] and not files.path_for(made[0]).exists()
    assert not files.path_for(cover_letter).exists()  # the cover letter sent as a file goes with its application


def test_a_sender_per_action_is_offered_and_may_be_sent_from(session, admin, monkeypatch):
    from ats_app.mail.compose import check_sender, default_sender

    monkeypatch.setenv("ATS_MAIL_FROM_OFFER", "Offers <offers@jobs.example.org>")
    assert default_sender(admin, "offer") == "Rita Recruiter <offers@jobs.example.org>"
    assert default_sender(admin, "send_email") == "Rita Recruiter <recruitment@example.com>"
    assert check_sender("Rita <offers@jobs.example.org>") == "Rita <offers@jobs.example.org>"
    with pytest.raises(InvalidChoice):
        check_sender("rita@elsewhere.example.net")
