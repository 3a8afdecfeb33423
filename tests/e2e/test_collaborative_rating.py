"""Collaborative rating in the browser: on a project with two panels, the list's Rating column shows the average
with its count ("5.5 (2)") for the candidate an earlier panel rated; Application and CV of the candidate on the
panel the logged-in admin has yet to complete hides the outside reviewer's rating (blind), the admin rates there
(Save with nothing chosen first gets its message beside the field) and the section shows their rating."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import create_engine, text
from sqlmodel import Session, select

from ats_app.core import tokens
from ats_app.models import PanelReview, PanelReviewApplication, Rating, Reviewer, User
from tests.e2e.conftest import log_in

SHOTS = Path("/tmp/panel_results")


def _seed(server) -> tuple[int, int, int]:
    """Two panels on an open project's first two live New applicants without ratings: an earlier one where two
    outside reviewers rated the second (5 and 6), and an open one where the admin (internal, pending) and an outside
    reviewer (rated 3, with a comment) review the first. (project id, first, second)"""
    engine = create_engine(server["db_url"])
    with engine.begin() as conn:
        project_id, = conn.execute(text(
            "SELECT p.id FROM recruitment_project p JOIN application a ON a.project_id = p.id "
            "WHERE p.status = 'open' AND p.deleted_at IS NULL AND a.status = 'new' AND a.deleted_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM panel_review r WHERE r.project_id = p.id) "
            "GROUP BY p.id HAVING count(*) >= 2 ORDER BY p.id LIMIT 1")).one()
        first, second = [row[0] for row in conn.execute(text(
            "SELECT id FROM application WHERE project_id = :p AND status = 'new' AND deleted_at IS NULL "
            "AND moved_to_id IS NULL ORDER BY id LIMIT 2"), {"p": project_id})]
    now = datetime.now(timezone.utc)
    with Session(engine) as session:
        admin = session.exec(select(User).where(User.email == "admin@example.com")).one()
        earlier = PanelReview(project_id=project_id, created_by_id=admin.id, due_date=date.today() - timedelta(days=2),
                              created_at=now - timedelta(days=9), closes_at=now + timedelta(days=12))
        current = PanelReview(project_id=project_id, created_by_id=admin.id, due_date=date.today() + timedelta(days=7),
                              created_at=now - timedelta(days=1), closes_at=now + timedelta(days=21))
        session.add_all([earlier, current])
        session.flush()
        session.add_all([PanelReviewApplication(panel_review_id=earlier.id, application_id=second),
                         PanelReviewApplication(panel_review_id=current.id, application_id=first)])

        def reviewer(panel, email, user_id=None):
            row = Reviewer(panel_review_id=panel.id, email=email, name=None, user_id=user_id,
                           token_hash=tokens.token_hash(tokens.new_token()))
            session.add(row)
            session.flush()
            return row

        for email, score in (("lena@partner.example", 5), ("tom@partner.example", 6)):
            session.add(Rating(reviewer_id=reviewer(earlier, email).id, application_id=second, score=score))
        reviewer(current, admin.email, admin.id)
        session.add(Rating(reviewer_id=reviewer(current, "eva@partner.example").id, application_id=first, score=3,
                           comment="Secret outside opinion"))
        session.commit()
    engine.dispose()
    return project_id, first, second


def _row(page, application_id: int):
    return page.locator(".applicant-row", has=page.locator(f"a[href='/applications/{application_id}']"))


def test_the_rating_column_and_the_blind_collaborative_rating_section(page, server, shoot):
    project_id, first, second = _seed(server)
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page)

    page.goto(f"/projects/{project_id}")
    expect(_row(page, second).locator(".applicant-rating")).to_have_text("5.5 (2)")
    expect(_row(page, first).locator(".applicant-rating")).to_have_text("")  # blind: the admin has not rated yet
    page.locator("#sort-rating").click()
    expect(page.locator(".applicant-row").first.locator(".applicant-rating")).to_have_text("5.5 (2)")
    page.screenshot(path=str(SHOTS / "list-rating-column.png"))

    page.goto(f"/applications/{first}")
    section = page.locator("#collaborative-rating")
    expect(section.locator(".rating-hidden")).to_contain_text("Shown once you have completed your review")
    expect(section).not_to_contain_text("Secret outside opinion")
    expect(section).not_to_contain_text("eva@partner.example")
    expect(section.locator("#your-rating")).to_be_visible()
    expect(section.locator("#rating-average")).to_have_count(0)
    expect(page.locator("#status-section")).not_to_contain_text("3.0")
    section.scroll_into_view_if_needed()
    section.screenshot(path=str(SHOTS / "section-blind.png"))

    section.locator("#save-rating").click()  # nothing chosen, nothing written
    expect(section.locator("#error-score")).to_have_text("Give a rating or write a comment.")
    section.locator("#my-score").select_option("7")
    section.locator("#my-comment").fill("Clear, structured answers")
    section.locator("#save-rating").click()
    line = section.locator(".rating-line")
    expect(line).to_have_count(1)
    expect(line).to_contain_text("You")
    expect(line).to_contain_text("Internal")
    expect(line.locator(".rating-score")).to_have_text("7")
    expect(line.locator(".rating-comment")).to_have_text("Clear, structured answers")
    expect(section.locator("#rating-average")).to_contain_text("7.0 (1)")
    expect(section.locator("#error-score")).to_have_count(0)
    expect(section.locator(".rating-hidden")).to_be_visible()  # still blind to the others until Done
    expect(page.locator("#status-section")).to_contain_text("7.0 (1)")  # Status for the project's Rating too
    section.screenshot(path=str(SHOTS / "section-rated.png"))
    shoot(page, "collaborative-rating")

    section.locator("#complete-review").click()  # completing inside the app, asked once more
    expect(section.locator("#complete-question")).to_be_visible()
    section.locator("#complete-confirm").click()
    expect(section.locator("#review-completed")).to_be_visible()
    expect(section).to_contain_text("Secret outside opinion")  # done: the others' opinions are shown
    expect(section.locator(".rating-hidden")).to_have_count(0)
    expect(section.locator("#rating-average")).to_contain_text("5.0 (2)")

    page.goto(f"/applications/{second}")  # the earlier panel: the admin is no reviewer there, so all is shown
    section = page.locator("#collaborative-rating")
    expect(section.locator(".rating-line")).to_have_count(2)
    expect(section).to_contain_text("lena@partner.example")
    expect(section).to_contain_text("Outside")
    expect(section.locator("#your-rating")).to_have_count(0)
    expect(section.locator("#rating-average")).to_contain_text("5.5 (2)")
    section.screenshot(path=str(SHOTS / "section-earlier-panel.png"))

    page.goto(f"/projects/{project_id}")
    expect(_row(page, first).locator(".applicant-rating")).to_have_text("5.0 (2)")
