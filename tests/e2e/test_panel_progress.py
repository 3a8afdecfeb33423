"""A panel's progress on the project page: the demo's panel in progress shows "1 of 3 completed"; opened, it lists
the reviewers with Yes / Pending; revoking one (after the confirmation) marks them revoked, and their link stops
working at once."""

from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import log_in
from tests.e2e.test_email import _open_project

SHOTS = Path("/tmp/panel_tracking")


def _panel_in_progress(server) -> tuple[int, int]:
    """(project id, panel id) of the demo's panel whose due date is still to come."""
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        # The demo's panel with its outside reviewer (other browser tests add panels of their own).
        row = conn.execute(text("SELECT p.project_id, p.id FROM panel_review p JOIN reviewer r "
                                "ON r.panel_review_id = p.id WHERE r.email = 'lars.berg@partner.example' "
                                "AND p.revoked_at IS NULL ORDER BY p.due_date DESC LIMIT 1")).one()
    engine.dispose()
    return int(row[0]), int(row[1])


def _revoked_at(server, panel_id: int, email: str):
    engine = create_engine(server["db_url"])
    with engine.connect() as conn:
        value = conn.execute(text("SELECT revoked_at FROM reviewer WHERE panel_review_id = :p AND email = :e"),
                             {"p": panel_id, "e": email}).one()[0]
    engine.dispose()
    return value


def test_the_project_page_shows_the_panels_progress_and_revokes_a_reviewer(page, server, shoot):
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    project_id, panel_id = _panel_in_progress(server)
    log_in(page)
    _open_project(page, project_id)

    section = page.locator("#review-panels")
    expect(section).to_be_visible()
    line = section.locator(f".panel-line[data-panel='{panel_id}']")
    expect(line.locator(".panel-progress")).to_have_text("1 of 3 completed")
    expect(line).to_contain_text("by Lars Haugland")
    reviewers = line.locator(".panel-reviewer")
    expect(reviewers.first).to_be_hidden()  # compact: the line only, until opened
    section.screenshot(path=str(SHOTS / "section-collapsed.png"))

    line.locator(".panel-summary").click()
    expect(reviewers).to_have_count(3)
    nina = reviewers.filter(has_text="Nina Sandvik")
    lars = reviewers.filter(has_text="Lars Berg")
    expect(nina.locator(".reviewer-completed")).to_contain_text("Yes")
    expect(lars.locator(".reviewer-completed")).to_have_text("Pending")
    expect(lars).to_contain_text("Outside")
    section.screenshot(path=str(SHOTS / "section-open.png"))
    shoot(page, "panel-progress-open")

    lars.locator(".revoke-reviewer").click()
    dialog = page.locator("#revoke-dialog")
    expect(dialog).to_contain_text("Lars Berg")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert _revoked_at(server, panel_id, "lars.berg@partner.example") is None  # cancelled: nothing changed

    lars.locator(".revoke-reviewer").click()
    page.locator("#revoke-confirm").click()
    expect(lars.locator(".reviewer-revoked")).to_have_text("Revoked")
    expect(lars.locator(".revoke-reviewer")).to_have_count(0)
    expect(line.locator(".panel-progress")).to_have_text("1 of 2 completed")
    assert _revoked_at(server, panel_id, "lars.berg@partner.example") is not None
    section.screenshot(path=str(SHOTS / "section-revoked.png"))
