"""Possible duplicates on Application and CV, as the demo admin meets them: the demo's same-name-and-mobile
pair is merged into one candidate, the demo's typo pair is dismissed as two people."""

from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import log_in


def _pair(db_url: str, where: str) -> tuple[int, int, str, list[str]]:
    """(an application of the first record, one of the second, the second's email, the second's project titles)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            first, second, email = conn.execute(text(
                "SELECT a.id, b.id, b.email FROM candidate a JOIN candidate b ON a.id < b.id AND " + where +
                " ORDER BY a.id LIMIT 1")).one()
            apps = {c: conn.execute(text("SELECT a.id, p.title FROM application a JOIN recruitment_project p "
                                         "ON p.id = a.project_id WHERE a.candidate_id = :c AND a.deleted_at IS NULL "
                                         "AND a.moved_to_id IS NULL ORDER BY a.id"), {"c": c}).all()
                    for c in (first, second)}
    finally:
        engine.dispose()
    return apps[first][0][0], apps[second][0][0], email, [title for _, title in apps[second]]


SAME_MOBILE = "a.mobile = b.mobile AND a.first_name = b.first_name AND a.last_name = b.last_name"
SAME_BIRTH_DATE = "a.birth_date = b.birth_date"


def test_merge_the_demo_duplicate_into_this_candidate(page, server, shoot):
    mine, theirs, email, titles = _pair(server["db_url"], SAME_MOBILE)
    log_in(page)
    page.goto(f"/applications/{mine}")
    notice = page.locator("#possible-duplicates")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Possible duplicate")
    expect(notice).to_contain_text(email)
    expect(notice).to_contain_text("Same name and mobile")
    for title in titles:
        expect(notice.locator(".duplicate-application", has_text=title)).to_be_visible()
    shoot(page, "duplicate-notice")
    notice.locator(".merge-duplicate").first.click()
    dialog = page.locator("#merge-dialog")
    expect(dialog).to_contain_text(email)
    shoot(page, "duplicate-merge-confirm")
    page.locator("#merge-confirm").click()
    expect(page.locator("#merge-dialog")).to_have_count(0)
    expect(page.locator("#possible-duplicates")).to_have_count(0)
    others = page.locator("#other-applications-section")
    for title in titles:  # the applications are together on this candidate
        expect(others.locator(".other-application", has_text=title)).to_be_visible()
    expect(page.locator("#history")).to_contain_text("was merged into this candidate")
    shoot(page, "duplicate-merged")
    name = page.locator("#page-title").inner_text()
    page.goto(f"/applications/{theirs}")  # the other record's application now belongs to the kept candidate
    expect(page.locator("#page-title")).to_have_text(name)
    expect(page.locator("#history")).to_contain_text(f"({email}) into this candidate")


def test_not_the_same_person_dismisses_the_flag_for_good(page, server, shoot):
    mine, _, email, _ = _pair(server["db_url"], SAME_BIRTH_DATE)
    log_in(page)
    page.goto(f"/applications/{mine}")
    notice = page.locator("#possible-duplicates")
    expect(notice).to_contain_text(email)
    expect(notice).to_contain_text("Similar name and the same birth date")
    notice.locator(".dismiss-duplicate").first.click()
    expect(page.locator("#possible-duplicates")).to_have_count(0)
    expect(page.locator("#history")).to_contain_text("Possible duplicate dismissed: not the same person as")
    page.reload()
    expect(page.locator("#page-title")).not_to_be_empty()
    expect(page.locator("#history")).to_contain_text("Possible duplicate dismissed")
    expect(page.locator("#possible-duplicates")).to_have_count(0)
    shoot(page, "duplicate-dismissed")
