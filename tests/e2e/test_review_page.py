"""The reviewer's review page on a phone (390 px wide): a panel of three demo applicants with two outside
reviewers, made with the app's own rules; Bo has already rated the first. Anna rates two candidates with
comments, never sees Bo's opinion before she is done, confirms Done, and then sees it on the overview and on the
candidate. No page scrolls sideways."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect
from sqlalchemy import create_engine
from sqlmodel import Session, col, select

from ats_app.delivery.sealed_links import review_token
from ats_app.models import Application, PanelReview, PanelReviewApplication, Rating, Reviewer
from ats_app.panel_review import panels, reviewing

PHONE = {"width": 390, "height": 844}
BO_SAYS = "Bo finds the sales experience thin"


def _panel(server, monkeypatch) -> tuple[str, list[int], int]:
    """A panel on the first project's first three live applicants; (Anna's token, application ids, Anna's id)."""
    monkeypatch.setenv("ATS_FILES_DIR", server["env"]["ATS_FILES_DIR"])  # the server's secret seals the link
    engine = create_engine(server["db_url"])
    with Session(engine, expire_on_commit=False) as session:
        live = select(Application).where(col(Application.deleted_at).is_(None),
                                         col(Application.status).not_in(panels.REMOVED))
        project_id = session.exec(live.order_by(col(Application.id))).first().project_id
        applications = session.exec(live.where(Application.project_id == project_id)
                                    .order_by(col(Application.id)).limit(3)).all()
        due = date.today() + timedelta(days=7)
        panel = PanelReview(project_id=project_id, due_date=due, closes_at=panels.closing_time(session, due))
        session.add(panel)
        session.flush()
        for position, application in enumerate(applications):
            session.add(PanelReviewApplication(panel_review_id=panel.id, application_id=application.id,
                                               position=position))
        anna, _ = panels.new_reviewer(session, panel, email="anna@partner.example", name="Anna Berg", language="en")
        bo, _ = panels.new_reviewer(session, panel, email="bo@partner.example", name="Bo Lind", language="sv")
        session.flush()
        reviewing.save_rating(session, bo, applications[0].id, 3, BO_SAYS)
        session.commit()
        found = review_token(anna), [a.id for a in applications], anna.id
    engine.dispose()
    return found


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _rate(page, score: int, comment: str) -> None:
    page.locator(".scale label", has_text=str(score)).click()
    page.get_by_label("Comment").fill(comment)


def test_a_reviewer_rates_on_a_phone_blind_until_done(page, server, shoot, monkeypatch):
    token, ids, anna_id = _panel(server, monkeypatch)
    page.set_viewport_size(PHONE)
    page.goto(f"/review/{token}")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Please rate by")
    expect(page.locator(".facts")).to_contain_text("Rated: 0 of 3")
    expect(page.locator(".person")).to_have_count(3)
    expect(page.get_by_text("shown once you have completed your review")).to_be_visible()
    assert BO_SAYS not in page.content()
    _fits(page)
    shoot(page, "review-overview-phone")

    page.get_by_role("link", name="Start").click()
    expect(page.locator(".eyebrow").first).to_contain_text("Candidate 1 of 3")
    expect(page.locator(".scale label")).to_have_count(7)
    assert BO_SAYS not in page.content() and "Bo Lind" not in page.content()
    boxes = [page.locator(".scale label").nth(i).bounding_box() for i in range(7)]
    assert len({round(box["y"]) for box in boxes}) <= 2 and all(box["height"] >= 44 for box in boxes)
    _rate(page, 5, "Good customer focus, a bit junior.")
    _fits(page)
    shoot(page, "review-candidate-phone")
    page.get_by_role("button", name="Save and next").click()

    expect(page.locator(".notice")).to_contain_text("was saved")
    expect(page.locator(".eyebrow").first).to_contain_text("Candidate 2 of 3")
    _rate(page, 6, "Strong references.\nWould like to meet.")
    page.get_by_role("button", name="Save and next").click()
    expect(page.locator(".eyebrow").first).to_contain_text("Candidate 3 of 3")
    page.get_by_role("link", name="Back to the overview").first.click()

    expect(page.locator(".facts")).to_contain_text("Rated: 2 of 3")
    assert BO_SAYS not in page.content() and "Bo Lind" not in page.content()
    page.get_by_role("button", name="I am done").click()
    expect(page.locator("h1")).to_have_text("Complete the review?")
    expect(page.get_by_text("You have rated 2 of 3 candidates.")).to_be_visible()
    shoot(page, "review-done-confirm-phone")
    page.get_by_role("button", name="Yes, complete the review").click()

    expect(page.locator(".notice")).to_contain_text("Thank you! You completed your review")
    expect(page.locator(".others").first).to_contain_text("Bo Lind 3")
    _fits(page)
    shoot(page, "review-overview-done-phone")
    page.locator(".person").first.click()
    expect(page.get_by_role("heading", name="The other reviewers")).to_be_visible()
    expect(page.get_by_text(BO_SAYS)).to_be_visible()
    expect(page.locator('.scale input[value="5"]')).to_be_checked()  # her own rating, still changeable
    _fits(page)
    shoot(page, "review-candidate-done-phone")

    engine = create_engine(server["db_url"])
    with Session(engine) as session:
        anna = session.get(Reviewer, anna_id)
        mine = session.exec(select(Rating).where(Rating.reviewer_id == anna_id).order_by(col(Rating.id))).all()
        assert anna.completed_at is not None and anna.opened_at is not None
        assert [(r.application_id, r.score) for r in mine] == [(ids[0], 5), (ids[1], 6)]
        assert re.sub(r"\s+", " ", mine[1].comment) == "Strong references. Would like to meet."
    engine.dispose()
