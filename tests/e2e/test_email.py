"""Email as recruiters and candidates meet it, checked where it lands: the local fake Resend server.

Send email to two candidates in two languages (and the field errors first), Forward to email with both
options, Save and send through the set-password link into the candidate portal, the Outbox resending a
refused email, and the Email templates editor. Each test uses its own demo project.
"""

import re

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from ats_app.core.i18n import LANGUAGES
from tests.e2e.conftest import emails_to, log_in


def _languages(server, project_id: int) -> dict[str, str]:
    """email → language of the project's candidates (read from the database, as the test's oracle)."""
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT c.email, c.language FROM application a JOIN candidate c ON c.id = "
                                 "a.candidate_id WHERE a.project_id = :p"), {"p": project_id}).all()
    engine.dispose()
    return dict(rows)


def _open_project(page, project_id: int) -> None:
    page.goto(f"/projects/{project_id}")
    expect(page.locator(".applicant-row").first).to_be_visible()


def _tick(page, email: str) -> None:
    page.locator(".applicant-row", has_text=email).get_by_role("checkbox").click()


def _execute(page, action: str) -> None:
    page.locator("#further-progress").select_option(action)
    page.locator("#execute").click()
    expect(page.locator("#compose-dialog")).to_be_visible()


def _show_tab(page, language: str) -> None:
    """Show one language's draft and wait until the server shows it (then typing cannot race the switch)."""
    tab = page.locator("#compose-languages").get_by_role("radio", name=LANGUAGES[language])
    tab.click()
    expect(tab).to_have_attribute("aria-checked", "true")


def _two_languages(page, server, project_id: int) -> list[tuple[str, str]]:
    """Two applicants on the first page whose languages differ: [(email, language), ...]."""
    languages = _languages(server, project_id)
    chosen: dict[str, str] = {}
    for row in page.locator(".applicant-row").all():
        email = row.locator(".applicant-email").inner_text().strip()
        language = languages[email]
        if language not in chosen.values():
            chosen[email] = language
        if len(chosen) == 2:
            break
    return list(chosen.items())


def test_send_email_checks_every_field_then_reaches_two_candidates_in_their_languages(page, server, resend, shoot):
    log_in(page)
    _open_project(page, 6)
    (first, first_lang), (second, second_lang) = _two_languages(page, server, 6)
    _tick(page, first)
    _tick(page, second)
    _execute(page, "send_email")
    expect(page.locator("#compose-languages")).to_be_visible()  # one version per language
    page.locator("#compose-sender").fill("Rita <rita@gmail.com>")
    page.locator("#compose-send").click()
    expect(page.locator("#error-sender")).to_contain_text("nordlys.example")
    page.locator("#compose-sender").fill("Rita Recruiter <jobs@nordlys.example>")
    page.locator("#compose-send").click()
    expect(page.locator("#error-subject")).to_have_text("Write a subject.")
    for language, word in ((first_lang, "First"), (second_lang, "Second")):
        _show_tab(page, language)
        page.locator("#compose-subject").fill(f"{word} {{firstname}} {{shoesize}}")
        page.locator("#compose-body").fill(f"{word} version for {{firstname}} about {{projecttitle}}.")
    page.locator("#compose-send").click()
    expect(page.locator("#error-subject")).to_contain_text("{shoesize}")  # shown on the tab with the problem
    for language, word in ((first_lang, "First"), (second_lang, "Second")):
        _show_tab(page, language)
        page.locator("#compose-subject").fill(f"{word} {{firstname}}")
    _show_tab(page, first_lang)
    page.locator("#compose-preview-button").click()
    expect(page.locator("#compose-preview")).to_be_visible()
    shoot(page, "send-email-preview")
    page.locator("#compose-edit").click()
    page.locator("#compose-send").click()
    expect(page.locator("#result-line")).to_have_text("2 done")
    shoot(page, "send-email-done")
    [to_first] = emails_to(resend, first)
    [to_second] = emails_to(resend, second)
    assert to_first["body"]["subject"].startswith("First ") and to_second["body"]["subject"].startswith("Second ")
    assert "about Økonomicontroller" in to_first["body"]["text"] and "<p" in to_first["body"]["html"]
    assert to_first["body"]["from"] == "Rita Recruiter <jobs@nordlys.example>"
    assert to_first["body"]["reply_to"] == "admin@example.com"


def test_one_applicant_recipient_must_be_valid(page, server, resend, shoot):
    log_in(page)
    _open_project(page, 6)
    page.locator(".applicant-name").nth(5).click()
    expect(page.locator("#history .history-line").first).to_be_visible()
    page.locator("#further-progress").select_option("send_email")
    page.locator("#execute").click()
    shoot(page, "send-email-one")
    page.locator("#compose-recipient").fill("kari@")
    page.locator("#compose-subject").fill("Hello")
    page.locator("#compose-body").fill("A short note.")
    page.locator("#compose-send").click()
    expect(page.locator("#error-recipient")).to_contain_text("not a valid email address")
    page.locator("#compose-recipient").fill("kari.other@nordlys.example")
    page.locator("#compose-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    [sent] = emails_to(resend, "kari.other@nordlys.example")
    assert sent["body"]["subject"] == "Hello"
    expect(page.locator("#messages .message-line").first).to_contain_text("Hello")
    expect(page.locator("#history")).to_contain_text("Email sent · Email: Hello")


def test_forward_anonymised_without_attachments(page, server, resend, shoot):
    log_in(page)
    _open_project(page, 7)
    row = page.locator(".applicant-row").first
    email = row.locator(".applicant-email").inner_text().strip()
    name = row.locator(".applicant-name").inner_text().strip()
    _tick(page, email)
    _execute(page, "forward")
    page.locator("#compose-recipient").fill("boss@nordlys.example")
    page.locator("#forward-note").fill("Could you look at this one?")
    page.locator("#forward-anonymise").click()
    page.locator("#forward-without-attachments").click()
    shoot(page, "forward-form")
    page.locator("#compose-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    [sent] = emails_to(resend, "boss@nordlys.example")
    body = sent["body"]
    assert "attachments" not in body or not body["attachments"]
    everything = body["html"] + body["text"] + body["subject"]
    assert email.lower() not in everything.lower()
    for part in [p for p in name.split() if p.lower() not in ("van", "den", "der", "de", "af", "von")]:
        assert not re.search(rf"\b{re.escape(part)}\b", everything, re.I), part
    assert re.search(r"K-\d+", body["subject"]) and "Could you look at this one?" in body["text"]
    page.locator(".applicant-row", has_text=email).locator(".applicant-name").click()
    expect(page.locator("#history")).to_contain_text("Forwarded to boss@nordlys.example (anonymised)")


def test_save_and_send_leads_the_candidate_into_the_portal(page, server, resend, shoot):
    log_in(page)
    _open_project(page, 8)
    row = page.locator(".applicant-row").first
    email = row.locator(".applicant-email").inner_text().strip()
    _tick(page, email)
    _execute(page, "save_and_send")
    expect(page.locator("#compose-body")).to_contain_text("{setpasswordlink}")
    shoot(page, "save-and-send-form")
    page.locator("#compose-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    [sent] = emails_to(resend, email)
    link = re.search(r'href="([^"]*/portal/set-password\?token=[^"]+)"', sent["body"]["html"]).group(1)
    link = link.replace("&amp;", "&")
    assert "password:" not in sent["body"]["text"].lower()  # a link, never a password
    page.context.clear_cookies()
    page.goto(link)
    page.locator("input[name=password]").fill("a long secret 123")
    page.locator("input[name=password_again]").fill("a long secret 123")
    page.locator("form button[type=submit]").first.click()
    expect(page.locator("body")).to_contain_text("Accountmanager Benelux")
    shoot(page, "portal-home")
    page.goto(link)
    expect(page.locator("body")).not_to_contain_text("Accountmanager Benelux")  # the link worked once


def test_outbox_shows_a_refused_email_and_sends_it_again(page, server, resend, shoot):
    log_in(page)
    _open_project(page, 7)
    row = page.locator(".applicant-row").nth(3)
    email = row.locator(".applicant-email").inner_text().strip()
    _tick(page, email)
    resend.fail_next(422, path="/emails")
    _execute(page, "send_email")
    page.locator("#compose-subject").fill("Refused first")
    page.locator("#compose-body").fill("Hello {firstname}.")
    page.locator("#compose-send").click()
    expect(page.locator("#result-line")).to_have_text("1 done")
    page.goto("/outbox")
    page.locator("#outbox-search").fill("Refused first")
    failed = page.locator(".message-row", has_text="Refused first").first
    for _ in range(40):  # the worker sends within seconds; Refresh shows what it did
        if failed.locator(".message-status").inner_text() == "Failed":
            break
        page.wait_for_timeout(500)
        page.locator("#outbox-refresh").click()
    expect(failed.locator(".message-status")).to_have_text("Failed")
    expect(failed).to_contain_text("refused by Resend")
    shoot(page, "outbox-failed")
    failed.locator(".resend-message").click()
    expect(page.locator("#outbox-notice")).to_contain_text("Queued to be sent again")
    assert emails_to(resend, email)[0]["body"]["subject"] == "Refused first"
    page.locator(".message-subject", has_text="Refused first").first.click()
    expect(page.locator("#message-dialog")).to_be_visible()
    shoot(page, "outbox-message")


def test_email_templates_refuse_an_unknown_tag_then_save_and_reset(page, shoot):
    log_in(page)
    page.goto("/email-templates")
    page.locator("#template-offer-nb").click()
    subject = page.locator("#template-subject")
    original = subject.input_value()
    subject.fill("Tilbud {interviewdate}")
    page.locator("#template-save").click()
    expect(page.locator("#error-template-subject")).to_contain_text("{interviewdate}")
    subject.fill("Tilbud om stilling: {projecttitle}")
    page.locator("#template-save").click()
    expect(page.locator("#template-notice")).to_contain_text("Saved")
    page.locator("#template-preview-button").click()
    expect(page.locator("#template-preview")).to_be_visible()
    shoot(page, "template-preview")
    page.locator("#template-preview-close").click()
    page.locator("#template-reset").click()
    expect(subject).to_have_value(original)
    page.locator("#template-close").click()
    expect(page.locator("#template-offer-nb")).to_have_text("Default")
    shoot(page, "templates-list")
