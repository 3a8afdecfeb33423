"""`ats bench`, panel review: the list sorted by rating on the 50,000-applicant project once 10,000 of its
applicants carry panel ratings, and the reviewer's page through its real Starlette routes in-process (the
overview, one candidate, saving a rating with the 303 to the next one), on the bench's own 1,000,000-application
database.

The ratings are bulk-inserted (200 panels of 50 applicants, one outside reviewer each rating all 50, plus a
second reviewer on every other panel); the panel a reviewer opens has 20 candidates with CV text. The rate limit
is off for the run (one client sends every form).
"""

import os
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, select
from starlette.testclient import TestClient

from ats_app.accounts.auth import CurrentUser
from ats_app.core import throttle
from ats_app.delivery.sealed_links import review_token
from ats_app.handling import applicant_list
from ats_app.models import Application, PanelReview, PanelReviewApplication
from ats_app.panel_review import panels
from ats_app.web.routes import api
from ats_devtools.timing import timed

PANELS, PER_PANEL, OPENED_PANEL = 200, 50, 20


def _seed_ratings(path: Path, project_id: int) -> int:
    """Panels with ratings on the project's first PANELS × PER_PANEL applicants; how many applicants got one."""
    conn = sqlite3.connect(path)
    ids = [row[0] for row in conn.execute("SELECT id FROM application WHERE project_id = ? ORDER BY id LIMIT ?",
                                          (project_id, PANELS * PER_PANEL))]
    due = (date.today() + timedelta(days=7)).isoformat()
    for n in range(PANELS):
        conn.execute("INSERT INTO panel_review (project_id, allow_rating, allow_comments, notify_on_completion, "
                     "share_cv, share_cover_letter, share_answers, anonymise, due_date, created_at) "
                     "VALUES (?, 1, 1, 0, 1, 1, 1, 0, ?, '2026-12-01 09:00:00')", (project_id, due))
        panel_id = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        chunk = ids[n * PER_PANEL:(n + 1) * PER_PANEL]
        conn.executemany("INSERT INTO panel_review_application (panel_review_id, application_id, position) "
                         "VALUES (?, ?, ?)", [(panel_id, a, i) for i, a in enumerate(chunk)])
        for r in range(1 + n % 2):
            conn.execute("INSERT INTO reviewer (panel_review_id, email, name, language, token_hash) "
                         "VALUES (?, ?, ?, 'en', ?)", (panel_id, f"r{n}-{r}@bench.example", f"Reviewer {n}-{r}",
                                                       f"bench-{n}-{r}"))
            reviewer_id = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
            conn.executemany("INSERT INTO rating (reviewer_id, application_id, score, comment, created_at) "
                             "VALUES (?, ?, ?, 'Bench comment', '2026-12-01 10:00:00')",
                             [(reviewer_id, a, 1 + (a + r) % 7) for a in chunk])
    conn.commit()
    conn.close()
    return len(ids)


def _opened_panel(session: Session, project_id: int) -> str:
    """A panel of OPENED_PANEL applicants with one reviewer made by the app's rules; that reviewer's token."""
    due = date.today() + timedelta(days=7)
    panel = PanelReview(project_id=project_id, due_date=due, closes_at=panels.closing_time(session, due))
    session.add(panel)
    session.flush()
    ids = session.exec(select(Application.id).where(Application.project_id == project_id, Application.status == "new")
                       .order_by(Application.id.desc()).limit(OPENED_PANEL)).all()
    for position, application_id in enumerate(ids):
        session.add(PanelReviewApplication(panel_review_id=panel.id, application_id=application_id, position=position))
    reviewer, _link = panels.new_reviewer(session, panel, email="bench.reviewer@bench.example", name="Bench Reviewer",
                                          language="en")
    session.commit()
    return review_token(reviewer)


def run(session: Session, user: CurrentUser, path: Path, project_id: int, runs: int = 30) -> dict:
    """Seed, measure, print and return the numbers."""
    rated = _seed_ratings(path, project_id)
    results: dict = {}
    print(f"\npanel review, {rated:,} rated applicants in the project{'median':>9}{'p95':>9}")
    for name, kwargs in (("list sorted by rating, first page", dict(sort="rating")),
                         ("list sorted by rating, offset 25,000", dict(sort="rating", offset=25_000)),
                         ("list, first page (rating column)", dict())):
        median, p95 = timed(lambda kw=kwargs: applicant_list.list_applicants(session, user, project_id, **kw), runs)
        results[name] = {"median_ms": median, "p95_ms": p95}
        print(f"{name:<46}{median:>8.1f}ms{p95:>7.1f}ms")

    os.environ["REFLEX_DB_URL"] = f"sqlite:///{path}"  # the routes open their own sessions
    os.environ["ATS_REVIEW_RATE_LIMIT"] = "0"
    throttle.forget()
    token = _opened_panel(session, project_id)
    client = TestClient(api, follow_redirects=False)
    overview = client.get(f"/review/{token}?lang=en")
    overview.raise_for_status()
    first = int(re.search(rf"/review/{re.escape(token)}/candidate/(\d+)", overview.text).group(1))  # type: ignore[union-attr]
    page = client.get(f"/review/{token}/candidate/{first}?lang=en")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    scores = iter(range(10_000))

    def save():
        response = client.post(f"/review/{token}/candidate/{first}?lang=en",
                               data={"csrf": csrf, "score": str(1 + next(scores) % 7), "comment": "Bench comment"})
        if response.status_code != 303:
            raise RuntimeError(f"the rating was not saved: {response.status_code}")

    for name, fn in ((f"review overview ({OPENED_PANEL} candidates)", lambda: client.get(
                          f"/review/{token}?lang=en").raise_for_status()),
                     ("one candidate's page", lambda: client.get(
                          f"/review/{token}/candidate/{first}?lang=en").raise_for_status()),
                     ("save a rating (POST, 303 to the next)", save)):
        median, p95 = timed(fn, runs)
        results[name] = {"median_ms": median, "p95_ms": p95}
        print(f"{name:<46}{median:>8.1f}ms{p95:>7.1f}ms")
    return results
