"""Send offer with terms: the checks of each term (the field named, nothing done), the Offer row with its sealed
link, a revised offer superseding the current one, the email's offer tags filled in the candidate's language,
the history lines, the list's badge and Application and CV's section."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from ats_app.core import tokens
from ats_app.core.errors import InvalidChoice
from ats_app.delivery import sealed_links
from ats_app.handling import further_progress as fp
from ats_app.handling.applicant_list import list_applicants
from ats_app.handling.application_detail import application_detail
from ats_app.handling.hire import hire_defaults
from ats_app.mail.kinds import kind_for
from ats_app.mail.template_preview import preview_template
from ats_app.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Candidate,
    Message,
    Offer,
    Position,
    Setting,
)
from ats_app.offers import current, section, status, terms
from ats_app.offers.sending import preview_values
from ats_app.offers.ui.offer_state import FIELDS, OfferState
from ats_app.projects.editing import organisation_today
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user, offer_choices
from tests.unit.state_helpers import call, state_of
from tests.unit.test_state_flows import _logged_in


@pytest.fixture
def admin(session):
    make_user(session)
    return login_as(session)


@pytest.fixture
def project(session, admin):
    return make_project(session, "Backend developer", department=make_department(session, "Engineering"))


def _offers(session, application_id):
    session.expire_all()
    return session.exec(select(Offer).where(Offer.application_id == application_id).order_by(Offer.id)).all()


def _check(session, **changes):
    return terms.check_terms(session, offer_choices(**changes))


def test_the_offer_email_offers_the_offer_tags():
    assert kind_for("offer").tags[-len(current.OFFER_TAGS) - 1:] == (*current.OFFER_TAGS, "offerlink")


@pytest.mark.parametrize("changes,field", [
    ({"position_title": "  "}, "position_title"),
    ({"position_title": "x" * 201}, "position_title"),
    ({"department_id": "999"}, "offer_department"),
    ({"start_date": ""}, "offer_start_date"),
    ({"start_date": "next monday"}, "offer_start_date"),
    ({"start_date": (date.today() - timedelta(days=2)).isoformat()}, "offer_start_date"),
    ({"salary": "a lot"}, "salary"),
    ({"salary_currency": "BTC"}, "salary_currency"),
    ({"salary_period": "week"}, "salary_period"),
    ({"hours": "h" * 101}, "hours"),
    ({"valid_until": ""}, "valid_until"),
    ({"valid_until": (date.today() - timedelta(days=2)).isoformat()}, "valid_until"),
    ({"valid_until": (date.today() + timedelta(days=200)).isoformat(),
      "start_date": (date.today() + timedelta(days=300)).isoformat()}, "valid_until"),
    ({"valid_until": (date.today() + timedelta(days=40)).isoformat()}, "valid_until"),  # after the start
    ({"terms": "t" * 10_001}, "terms"),
])
def test_a_bad_term_is_named_and_nothing_is_sent(session, admin, project, changes, field):
    application = make_application(session, project)
    with pytest.raises(InvalidChoice) as refused:
        _check(session, **changes)
    assert refused.value.field == field
    with pytest.raises(InvalidChoice):
        fp.run(session, admin, "offer", [application.id], offer_choices(**changes))
    assert _offers(session, application.id) == []
    assert session.get(Application, application.id).status == ApplicationStatus.NEW
    assert session.exec(select(Message)).all() == []


def test_the_terms_are_kept_as_written_and_the_free_text_cleaned(session):
    checked = _check(session, salary=" 52 000 ", salary_currency="eur", terms="Pension **7 %**\n\n<script>x</script>")
    assert (checked.salary, checked.salary_currency, checked.salary_period) == ("52 000", "EUR", "month")
    assert checked.terms_html == "<p>Pension <strong>7 %</strong></p><p>&lt;script&gt;x&lt;/script&gt;</p>"
    assert _check(session, salary="", hours="", place_of_work="").salary is None


def test_the_form_starts_from_the_project_and_the_organisation(session, project):
    project.place, project.start_date = "Bergen", date.today() + timedelta(days=60)
    session.add(project)
    session.add(Setting(key="time_zone", value="Europe/Stockholm"))
    session.commit()
    application = make_application(session, project)
    start = terms.defaults_for(session, application.id)
    assert (start.position_title, start.place_of_work, start.salary_currency) == ("Backend developer", "Bergen",
                                                                                  "SEK")
    assert start.department_id == str(project.department_id) and start.start_date == project.start_date.isoformat()
    assert start.valid_until == (organisation_today(session) + timedelta(days=terms.VALID_DAYS)).isoformat()


def test_sending_keeps_the_offer_and_fills_the_email(session, admin, project):
    application = make_application(session, project, first_name="Kari")
    session.get(Candidate, application.candidate_id).language = "nb"
    session.commit()
    body = "Hei {firstname}: {offerposition}, {salary}, {startdate}, {offervaliduntil}.\n\n{offerterms}\n\n{offerlink}"
    form = offer_choices(body, "nb", terms="Pensjon 7 %\n\n- Telefon\n- Treningssenter",
                         department_id=str(project.department_id))
    result = fp.run(session, admin, "offer", [application.id], form)
    assert result.done == 1
    [offer] = _offers(session, application.id)
    assert (offer.position_title, offer.salary, offer.salary_currency, offer.hours) == (
        "Backend developer", "52 000", "NOK", "37.5 hours a week")
    assert offer.created_by_id == admin.id and offer.answer is None and offer.superseded_at is None
    assert offer.token_hash == tokens.token_hash(sealed_links.offer_token(offer))
    assert session.get(Application, application.id).status == ApplicationStatus.OFFER
    [message] = session.exec(select(Message)).all()
    assert message.offer_id == offer.id and message.kind == "offer" and message.language == "nb"
    assert "per måned" in message.body_text and "52 000 NOK" in message.body_text
    assert "Backend developer" in message.subject
    assert "Pensjon 7 %<br><br>• Telefon<br>• Treningssenter" in message.body_html
    assert sealed_links.OFFER.format(id=offer.id) in message.body_html  # the token goes in as it leaves
    assert sealed_links.offer_token(offer) not in message.body_html
    revealed = sealed_links.reveal(session, message.body_html, message)
    assert f"/offer/{sealed_links.offer_token(offer)}" in revealed
    kinds = [e.kind for e in session.exec(select(ApplicationEvent).order_by(ApplicationEvent.id))]
    assert kinds == ["offer_sent", "status_changed", "email_sent"]
    sent = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "offer_sent")).one()
    assert sent.payload["offer_id"] == offer.id and sent.payload["salary"] == "52 000"
    lines = [h.text for h in application_detail(session, admin, application.id).history]
    assert any(line.startswith("Offer sent: Backend developer · start ") and "52 000 NOK per month" in line
               for line in lines)


def test_the_email_must_keep_the_answer_link(session, admin, project):
    application = make_application(session, project)
    with pytest.raises(InvalidChoice) as refused:
        fp.run(session, admin, "offer", [application.id], offer_choices("Hi {firstname}"))
    assert refused.value.field == "body:en"
    assert _offers(session, application.id) == []


def test_a_revised_offer_supersedes_the_current_one(session, admin, project):
    application = make_application(session, project)
    fp.run(session, admin, "offer", [application.id], offer_choices())
    result = fp.run(session, admin, "offer", [application.id], offer_choices(salary="55 000"))
    assert result.done == 1
    first, second = _offers(session, application.id)
    assert first.superseded_at is not None and second.superseded_at is None
    assert current.current_offer(session, application.id).id == second.id
    assert current.current_offers(session, [application.id])[application.id].salary == "55 000"
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "offer_sent")
                          .order_by(ApplicationEvent.id)).all()
    assert events[1].payload["superseded_offer_id"] == first.id
    assert [e.kind for e in session.exec(select(ApplicationEvent))].count("status_changed") == 1  # stays Offer
    assert any(h.text.startswith("Revised offer sent") for h in application_detail(session, admin, application.id)
               .history)
    assert section.offer_section(session, admin, application.id).earlier == 1


def test_each_applicant_gets_an_offer_and_a_link_of_their_own(session, admin, project):
    a, b = make_application(session, project, first_name="A"), make_application(session, project, first_name="B")
    assert fp.run(session, admin, "offer", [a.id, b.id], offer_choices()).done == 2
    [offer_a], [offer_b] = _offers(session, a.id), _offers(session, b.id)
    assert offer_a.token_hash != offer_b.token_hash
    messages = {m.application_id: m for m in session.exec(select(Message))}
    assert messages[a.id].offer_id == offer_a.id and messages[b.id].offer_id == offer_b.id
    # A placeholder of another offer typed into a message reads as expired, never as that candidate's link.
    assert sealed_links.reveal(session, sealed_links.OFFER.format(id=offer_b.id), messages[a.id]) == "expired"


def test_the_preview_fills_the_terms_without_keeping_an_offer(session, admin, project):
    values = preview_values(session, offer_choices(), "sv")
    assert values["salary"] == "52 000 NOK per månad" and "/offer/PREVIEW" in values["offerlink"]
    assert session.exec(select(Offer)).all() == []


def test_the_list_shows_each_rows_offer_in_one_query(session, admin, project):
    waiting, accepted, none = (make_application(session, project, first_name=n) for n in ("W", "A", "N"))
    fp.run(session, admin, "offer", [waiting.id, accepted.id], offer_choices())
    [offer] = _offers(session, accepted.id)
    offer.answer, offer.answered_at = status.ACCEPTED, offer.created_at
    session.add(offer)
    session.commit()
    rows = {r.application_id: r.offer for r in list_applicants(session, admin, project.id).rows}
    assert rows == {waiting.id: status.WAITING, accepted.id: status.ACCEPTED, none.id: ""}
    shown = section.offer_section(session, admin, accepted.id)
    assert shown.badge == "Offer accepted" and shown.state_line.startswith("Accepted on ")
    assert "does not hire" in shown.next_step
    assert ("Salary", "52 000 NOK per month") in shown.terms
    assert section.offer_section(session, admin, none.id) is None


def test_delete_permanently_takes_the_offers(session, admin, project):
    application = make_application(session, project)
    fp.run(session, admin, "offer", [application.id], offer_choices())
    fp.run(session, admin, "delete", [application.id], {})
    fp.run(session, admin, "purge", [application.id], {"confirmation": "DELETE"})
    assert session.exec(select(Offer)).all() == []


def test_the_templates_page_previews_the_offer_with_example_terms(session, admin, project):
    make_application(session, project)
    _name, _subject, html = preview_template(session, admin, "offer", "nb", "Jobbtilbud",
                                             "Lønn: {salary}\n\n{offerlink}")
    assert "52 000 NOK per måned" in html and "Svar på tilbudet" in html


def test_hire_starts_from_the_accepted_offers_terms_else_the_project(session, admin, project):
    position = Position(title="Platform engineer")
    sales = make_department(session, "Sales")
    session.add(position)
    session.commit()
    waiting = make_application(session, project, first_name="Ada")
    accepted = make_application(session, project, first_name="Kari")
    form = offer_choices(department_id=str(sales.id), position_title="platform ENGINEER")
    assert fp.run(session, admin, "offer", [waiting.id, accepted.id], form).done == 2
    [offer] = _offers(session, accepted.id)
    offer.answer = "accepted"
    session.commit()
    start = hire_defaults(session, admin, [accepted.id])
    assert (start["position_id"], start["department_id"], start["start_date"]) == (
        position.id, sales.id, offer.start_date)
    assert hire_defaults(session, admin, [waiting.id]) == {  # an offer not accepted: the project's
        "position_id": project.position_id, "department_id": project.department_id, "start_date": None}
    assert hire_defaults(session, admin, [987654]) == {}


@pytest.mark.parametrize("days_to_start", [0, 5, 14, 30])
def test_the_untouched_form_is_accepted_even_when_the_start_is_soon(session, project, days_to_start):
    today = organisation_today(session)
    project.start_date = today + timedelta(days=days_to_start)
    session.add(project)
    session.commit()
    start = terms.defaults_for(session, make_application(session, project).id)
    assert start.valid_until == min(today + timedelta(days=terms.VALID_DAYS), project.start_date).isoformat()
    checked = _check(session, position_title=start.position_title, start_date=start.start_date,
                     valid_until=start.valid_until, salary="", hours="", place_of_work="")
    assert today <= checked.valid_until <= checked.start_date


async def test_the_form_keeps_as_much_as_the_rules_allow(session, admin):
    """Each field is cut where its rule stops it, not earlier (Working hours may be 100 characters)."""
    assert set(terms.FIELD_MAX) == set(FIELDS)
    offer = state_of(await _logged_in(), OfferState)
    for name, limit in (("hours", terms.HOURS_MAX), ("salary", terms.SALARY_MAX), ("terms", terms.TERMS_MAX),
                        ("position_title", terms.TITLE_MAX), ("place_of_work", terms.PLACE_MAX)):
        await call(offer, "set_term", name, "9" * (limit + 5))
        assert len(offer.values[name]) == limit, name
    hours = "Monday to Thursday 08:00–16:00, Friday 08:00–14:00, with flexible hours in the summer months ok"
    await call(offer, "set_term", "hours", hours)
    assert offer.values["hours"] == hours and _check(session, hours=hours).hours == hours


def test_while_waiting_the_section_says_how_to_send_the_offer_again(session, admin, project):
    application = make_application(session, project)
    fp.run(session, admin, "offer", [application.id], offer_choices())
    shown = section.offer_section(session, admin, application.id)
    assert shown.status == status.WAITING
    assert "Outbox" not in shown.next_step and "Send offer" in shown.next_step and "new link" in shown.next_step


def test_the_offer_summary_lists_only_the_terms_that_are_set(session, admin, project):
    application = make_application(session, project)
    form = offer_choices(salary="", hours="", place_of_work="", department_id=str(project.department_id))
    fp.run(session, admin, "offer", [application.id], form)
    [offer] = _offers(session, application.id)
    summary = current.offer_values(session, offer, "en")["offersummary"]
    assert summary.startswith("<ul><li>Position: Backend developer</li><li>Department: Engineering</li>")
    assert "Start date: " in summary and "Salary" not in summary and "Working hours" not in summary
    assert "Place of work" not in summary
    offer.salary, offer.hours, offer.position_title = "52 000", "37.5 <b>hours</b>", "Backend & data"
    nb = current.offer_values(session, offer, "nb")["offersummary"]
    assert "<li>Lønn: 52 000 NOK per måned</li>" in nb and "37.5 &lt;b&gt;hours&lt;/b&gt;" in nb
    assert "Backend &amp; data" in nb
    assert current.offer_values(session, None, "en")["offersummary"] == ""


def test_an_offer_without_validity_or_sender_says_less_rather_than_leave_blanks(session, admin, project):
    application = make_application(session, project)
    fp.run(session, admin, "offer", [application.id], offer_choices())
    [offer] = _offers(session, application.id)
    offer.valid_until, offer.created_by_id = None, None
    session.commit()
    shown = section.offer_section(session, admin, application.id)
    assert shown.state_line == "Waiting for the candidate's answer"
    assert shown.sent.startswith("Sent ") and " by " not in shown.sent and "–" not in shown.sent
    assert "Valid until" not in [label for label, _value in shown.terms]
