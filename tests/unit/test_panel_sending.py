"""Send to review panel: the form's checks one by one, the panel it makes, the invitations in each reviewer's
language with a sealed link, outside reviewers remembered, history lines, the rights and the template's tags."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from ats_app.applications.further_progress_action import allowed
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.delivery import sealed_links
from ats_app.handling import further_progress as fp
from ats_app.mail import templates as email_templates
from ats_app.mail.compose import Draft, check_drafts, drafts_from_template
from ats_app.mail.defaults import DEFAULT_TEXTS
from ats_app.mail.kinds import kind_for
from ats_app.mail.template_preview import preview_template
from ats_app.models import (
    ApplicationEvent,
    ApplicationStatus,
    Message,
    PanelContact,
    PanelReview,
    PanelReviewApplication,
    Reviewer,
    Role,
)
from ats_app.panel_review import choosing, sending
from ats_app.panel_review.material import Sharing
from ats_app.projects.editing import organisation_today
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

BODY = "Hi {reviewername},\n\n{candidatecount} candidates for {projecttitle} by {duedate}.\n\n{reviewlink}"


@pytest.fixture
def setup(session):
    engineering = make_department(session, "Engineering")
    project = make_project(session, "Backend developer", department=engineering)
    first = make_application(session, project)
    second = make_application(session, project, first_name="Ola", last_name="Hansen")
    make_user(session, "admin@example.com", name="Rita Recruiter")
    colleague = make_user(session, "siri@example.com", name="Siri Sjef", role=Role.HIRING_MANAGER,
                          department_id=engineering.id, language="sv")
    return project, first, second, colleague, login_as(session)


def _due(session, days: int = 7) -> str:
    return (organisation_today(session) + timedelta(days=days)).isoformat()


def _form(session, ids, **changes) -> dict:
    form = {"application_ids": ids, "internal": [], "due_date": _due(session),
            "external": [{"email": "anna@partner.example", "name": "Anna Berg", "language": "nb"}],
            "allow_rating": True, "allow_comments": True, "notify_on_completion": False, "share_cv": True,
            "share_cover_letter": True, "share_answers": True, "anonymise": False,
            "sender": "Rita Recruiter <recruitment@example.com>",
            "drafts": [{"language": lang, "subject": "Rate {projecttitle}", "body": BODY}
                       for lang in ("nb", "sv", "en")]}
    form.update(changes)
    return form


def _refused(session, user, form) -> str:
    with pytest.raises(InvalidChoice) as refused:
        fp.prepare(session, user, "panel_review", form)
    return refused.value.field


def test_the_form_is_checked_field_by_field_and_nothing_changes(session, setup):
    project, first, second, colleague, admin = setup
    ids = [first.id, second.id]
    other = make_application(session, make_project(session, "Designer"), first_name="Per")
    cases = [
        ({"application_ids": []}, "action"),
        ({"application_ids": [first.id, other.id]}, "action"),
        ({"external": []}, "reviewers"),
        ({"external": [{"email": "not-an-address", "name": "", "language": "en"}]}, "external:0"),
        ({"external": [{"email": "", "name": "Only a name", "language": "en"}]}, "external:0"),
        ({"external": [{"email": "a@partner.example", "name": "", "language": "en"},
                       {"email": "A@partner.example ", "name": "", "language": "en"}]}, "external:1"),
        ({"external": [{"email": "a@partner.example", "name": "", "language": "de"}]}, "external:0"),
        ({"internal": [colleague.id], "external": [{"email": "siri@example.com", "name": "", "language": "sv"}]},
         "external:0"),
        ({"external": [{"email": f"r{i}@partner.example", "name": "", "language": "en"} for i in range(21)]},
         "reviewers"),
        ({"internal": [999_999]}, "internal"),
        ({"allow_rating": False, "allow_comments": False}, "allow_rating"),
        ({"due_date": ""}, "due_date"),
        ({"due_date": "next week"}, "due_date"),
        ({"due_date": _due(session, 0)}, "due_date"),
        ({"due_date": _due(session, 366)}, "due_date"),
        ({"sender": "someone@elsewhere.example"}, "sender"),
        ({"drafts": [{"language": "nb", "subject": "Hi", "body": "No link here"}]}, "body:nb"),
        ({"drafts": [{"language": "nb", "subject": "Hi {firstname}", "body": BODY}]}, "subject:nb"),
        ({"drafts": [{"language": "en", "subject": "Hi", "body": BODY}]}, "body:nb"),  # Anna reads Norwegian
    ]
    for changes, field in cases:
        assert _refused(session, admin, _form(session, ids, **changes)) == field, changes
    assert session.exec(select(PanelReview)).all() == [] and session.exec(select(Message)).all() == []
    # the EasyCruit alias of the link tag counts, and empty rows are nobody
    plan = fp.prepare(session, admin, "panel_review", _form(session, ids, external=[
        {"email": "anna@partner.example", "name": "", "language": "nb"}, {"email": "", "name": "", "language": "en"}],
        drafts=[{"language": "nb", "subject": "Hei", "body": "{collaborative-link-url}"}]))
    assert [p.email for p in plan.reviewers] == ["anna@partner.example"]


def test_sending_makes_one_panel_with_reviewers_contacts_emails_and_history(session, setup):
    project, first, second, colleague, admin = setup
    rejected = make_application(session, project, ApplicationStatus.REJECTED, first_name="Nina")
    form = _form(session, [second.id, rejected.id, first.id], internal=[colleague.id], anonymise=True,
                 notify_on_completion=True, allow_comments=False)
    result = fp.run(session, admin, "panel_review", [second.id, rejected.id, first.id], form)
    assert fp.summary_line(result, "en") == "2 done, 1 skipped: already rejected"
    [panel] = session.exec(select(PanelReview)).all()
    assert (panel.project_id, panel.anonymise, panel.notify_on_completion, panel.allow_comments) == \
        (project.id, True, True, False)
    assert panel.due_date == date.fromisoformat(form["due_date"]) and panel.created_by_id == admin.id
    assert panel.closes_at is not None
    rows = session.exec(select(PanelReviewApplication).order_by(PanelReviewApplication.position)).all()
    assert [r.application_id for r in rows] == [second.id, first.id]  # the ticked order, the rejected one left out
    reviewers = {r.email: r for r in session.exec(select(Reviewer)).all()}
    assert set(reviewers) == {"siri@example.com", "anna@partner.example"}
    assert reviewers["siri@example.com"].user_id == colleague.id and reviewers["siri@example.com"].language == "sv"
    [contact] = session.exec(select(PanelContact)).all()  # only the outside reviewer is remembered
    assert (contact.project_id, contact.email, contact.name, contact.language) == \
        (project.id, "anna@partner.example", "Anna Berg", "nb")
    messages = {m.recipient: m for m in session.exec(select(Message)).all()}
    assert set(messages) == {"siri@example.com", "anna@partner.example"}
    for address, reviewer in reviewers.items():
        message = messages[address]
        assert (message.reviewer_id, message.language, message.purpose, message.application_id) == \
            (reviewer.id, reviewer.language, "panel_review", None)
        assert message.reply_to == "admin@example.com"
        token = sealed_links.review_token(reviewer)
        placeholder = sealed_links.REVIEW.format(id=reviewer.id)
        assert placeholder in message.body_html and token not in message.body_html + message.body_text
        assert f"/review/{token}" in sealed_links.reveal(session, message.body_html, message)
        assert "2 candidates for Backend developer" in message.body_text
    assert "Hi Anna Berg" in messages["anna@partner.example"].body_text
    assert "Granska kandidaterna" not in messages["anna@partner.example"].body_html  # nb label, not sv
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "panel_sent")).all()
    assert {e.application_id for e in events} == {first.id, second.id}
    assert all(e.payload == {"panel_review_id": panel.id, "reviewers": 2, "due_date": form["due_date"]}
               and e.message_id is None for e in events)


def test_a_remembered_reviewer_is_offered_next_time_and_updated(session, setup):
    project, first, second, colleague, admin = setup
    fp.run(session, admin, "panel_review", [first.id], _form(session, [first.id]))
    choices = choosing.reviewer_choices(session, admin, [second.id])
    assert [(c.email, c.name, c.language) for c in choices.outside] == [("anna@partner.example", "Anna Berg", "nb")]
    assert [c.id for c in choices.internal] == [colleague.id]  # the department's active users only
    fp.run(session, admin, "panel_review", [second.id], _form(session, [second.id], external=[
        {"email": "Anna@Partner.example", "name": "Anna B.", "language": "en"}],
        drafts=[{"language": "en", "subject": "Rate", "body": BODY}]))
    [contact] = session.exec(select(PanelContact)).all()
    assert (contact.name, contact.language) == ("Anna B.", "en")


def test_rights_recruiter_without_the_right_and_hiring_managers_of_the_department(session, setup):
    project, first, second, colleague, admin = setup
    make_user(session, "rolf@example.com", role=Role.RECRUITER)
    recruiter = login_as(session, "rolf@example.com")
    assert "panel_review" not in [a.key for a, _ in fp.offered(recruiter)]
    with pytest.raises(NotAllowed):
        fp.prepare(session, recruiter, "panel_review", _form(session, [first.id]))
    # a hiring manager with the right: only this action, only for their department's projects
    colleague.can_send_to_panel = True
    session.add(colleague)
    session.commit()
    manager = login_as(session, "siri@example.com")
    assert [a.key for a, _ in fp.offered(manager)] == ["panel_review"]
    assert allowed(manager, sending.PANEL_REVIEW) and not allowed(manager, fp.action_for("reject"))
    result = fp.run(session, manager, "panel_review", [first.id], _form(session, [first.id]))
    assert result.done == 1
    own = make_project(session, "Manager's own, no department", owner_id=colleague.id)  # visible, not her department
    mine = make_application(session, own, first_name="Eva")
    with pytest.raises(NotAllowed):
        fp.prepare(session, manager, "panel_review", _form(session, [mine.id]))
    plan = fp.prepare(session, admin, "panel_review", _form(session, [mine.id]))
    with pytest.raises(NotAllowed):  # the run checks the department again
        sending.send_to_panel(session, manager, [mine.id], plan)
    # without the right a hiring manager is offered nothing
    colleague.can_send_to_panel = False
    session.add(colleague)
    session.commit()
    assert fp.offered(login_as(session, "siri@example.com")) == []


def test_the_template_has_the_panel_tags_and_every_default_keeps_the_link(session, setup):
    kind = kind_for("panel_review")
    assert "firstname" not in kind.tags and {"duedate", "candidatecount", "reviewlink", "projecttitle"} <= set(
        kind.tags)
    for language, texts in DEFAULT_TEXTS.items():
        subject, body = texts["panel_review"]
        assert "{reviewlink}" in body and "{duedate}" in body and "{candidatecount}" in body, language
        check_drafts("panel_review", drafts_from_template(session, "panel_review", [language]))
    with pytest.raises(InvalidChoice):
        email_templates.check_template("panel_review", "Hi {firstname}", "<p>{reviewlink}</p>")
    admin = setup[4]
    name, subject, html = preview_template(session, admin, "panel_review", "en", "Rate {projecttitle}",
                                           "Due {duedate}, {candidatecount} candidates: {reviewlink}")
    assert "Due " in html and "4 candidates" in html and "Review the candidates" in html


def test_what_the_reviewers_will_see_and_the_email_preview(session, setup):
    project, first, second, colleague, admin = setup
    shown = choosing.preview(session, admin, [second.id, first.id], Sharing(anonymise=False), "en")
    assert shown.name == "Ola Hansen"
    hidden = choosing.preview(session, admin, [second.id, first.id], Sharing(anonymise=True, share_cv=False), "en")
    assert hidden.name != "Ola Hansen" and hidden.cv_text == []
    draft = Draft("en", "Rate {projecttitle}", BODY)
    html = choosing.email_preview(session, admin, [first.id, second.id], draft, date(2031, 5, 2))
    assert "2 candidates for Backend developer by 2 May 2031" in html and "Review the candidates" in html


async def test_the_form_through_the_state_reviewers_drafts_per_language_card_and_send(session, setup):
    from ats_app.handling.ui.compose_state import ComposeState
    from ats_app.handling.ui.further_progress_state import FurtherProgressState
    from ats_app.handling.ui.list_state import ApplicationListState
    from ats_app.panel_review.ui.panel_state import PanelState
    from tests.unit.state_helpers import call, state_of
    from tests.unit.test_state_flows import _logged_in

    project, first, second, colleague, admin = setup
    root = await _logged_in()
    listing = state_of(root, ApplicationListState)
    listing.project_id, listing.ticked = project.id, [first.id, second.id]
    progress = state_of(root, FurtherProgressState)
    progress.offered = progress.enabled = ["panel_review"]
    progress._page = ApplicationListState.get_full_name()
    await call(progress, "choose_action", "panel_review")
    await call(progress, "execute")
    panel, compose_state = state_of(root, PanelState), state_of(root, ComposeState)
    assert progress.dialog == "panel_review" and [r.id for r in panel.internal] == [colleague.id]
    assert panel.card_name == "Kari Nordmann" and [d.language for d in compose_state.drafts] == ["en"]
    await call(panel, "set_option", "anonymise", True)
    assert panel.card_name != "Kari Nordmann"
    await call(panel, "toggle_internal", colleague.id)  # Siri reads Swedish: a Swedish version is added
    await call(panel, "set_outside", 0, "email", "anna@partner.example")
    await call(panel, "set_outside", 0, "language", "nb")
    assert [d.language for d in compose_state.drafts] == ["sv", "nb"]
    await call(panel, "send_panel")
    assert progress.errors == {"due_date": "Choose the due date."} and progress.dialog == "panel_review"
    await call(panel, "set_due_date", _due(session))
    await call(panel, "set_option", "no_rating", True)
    await call(panel, "send_panel")
    assert progress.result_line == "2 done" and progress.dialog == ""
    [stored] = session.exec(select(PanelReview)).all()
    assert (stored.allow_rating, stored.anonymise) == (False, True)
    assert {m.language for m in session.exec(select(Message)).all()} == {"sv", "nb"}
