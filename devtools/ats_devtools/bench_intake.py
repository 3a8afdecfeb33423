"""`ats bench`, the way in: applications accepted per second through the careers form's route, and the careers
list's response time with 2,000 open projects.

Both go through the real Starlette routes in-process with Starlette's TestClient (no network, no Reflex; the
outbox worker is not running, so the "application received" rows stay queued): each application is a multipart
POST of the whole form with a 1 MB PDF CV (a real PDF: a one-page CV with a 1 MB embedded file), checked,
text-extracted, stored and committed with its candidate, history line and outbox row, then a 303. The rate limit
is off for the run (one client sends them all). A temporary SQLite database of its own.
"""

import io
import os
import re
import secrets
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pypdf
from starlette.testclient import TestClient

from ats_app.core import throttle
from ats_app.core.db import session_scope, upgrade_to_head
from ats_app.demo.cv_pdf import render_cv_pdf
from ats_app.organisation.reference_data import ensure_reference_data
from ats_app.web.routes import api
from ats_devtools.timing import timed

OPEN_PROJECTS = 2000
DEPARTMENTS = ("Engineering", "Sales", "Support", "Finance", "Logistics", "HR", "Marketing", "Legal")
PLACES = ("Oslo", "Stockholm", "København", "Helsinki", "Amsterdam", "Bergen", "Aarhus", "Tampere")


def one_megabyte_pdf() -> bytes:
    """A real PDF of about 1 MB: a one-page CV with an incompressible embedded file."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(render_cv_pdf({"name": "Bench Candidate", "language": "en",
                                                                  "profile": "Eight years of Python."})))
    writer.add_attachment("portfolio.bin", secrets.token_bytes(1_000_000))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _build(path: Path) -> None:
    os.environ["REFLEX_DB_URL"] = f"sqlite:///{path}"
    upgrade_to_head()
    with session_scope() as session:
        ensure_reference_data(session)
    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO department (id, name) VALUES (?, ?)", list(enumerate(DEPARTMENTS, start=1)))
    deadline = (date.today() + timedelta(days=30)).isoformat()
    conn.executemany(
        "INSERT INTO recruitment_project (id, title, department_id, status, deadline, positions, place, "
        "employment_type, languages, screening_questions, created_at, published_at) "
        "VALUES (?, ?, ?, 'open', ?, 1, ?, 'FULL_TIME', '[\"en\"]', '[]', '2026-11-01 00:00:00', "
        "'2026-11-01 00:00:00')",
        [(i, f"Position {i}", 1 + i % len(DEPARTMENTS), deadline, PLACES[i % len(PLACES)])
         for i in range(1, OPEN_PROJECTS + 1)])
    conn.executemany("INSERT INTO project_advert (project_id, language, headline, introduction, job, offer, contact) "
                     "VALUES (?, 'en', ?, 'About us.', 'The job.', 'We offer.', 'Ask us.')",
                     [(i, f"Position {i}") for i in range(1, OPEN_PROJECTS + 1)])
    conn.commit()
    conn.close()


def run(tmp: Path, applications: int = 200, runs: int = 30) -> dict:
    """Build, measure, print and return the numbers."""
    path = tmp / "intake.db"
    if path.exists():
        path.unlink()
    os.environ["ATS_FILES_DIR"] = str(tmp / "intake-files")
    os.environ["ATS_APPLY_RATE_LIMIT"] = "0"
    throttle.forget()
    _build(path)
    client = TestClient(api, follow_redirects=False)
    results: dict = {}
    print(f"\ncareers site, {OPEN_PROJECTS:,} open projects{'median':>17}{'p95':>9}")
    for name, url in (("/jobs (first page)", "/jobs?lang=en"), ("/jobs?page=50", "/jobs?lang=en&page=50"),
                      ("/jobs?q=position 19", "/jobs?lang=en&q=position+19"),
                      ("/jobs?department=3", "/jobs?lang=en&department=3"), ("/jobs/{id} (advert)", "/jobs/1234")):
        median, p95 = timed(lambda url=url: client.get(url).raise_for_status(), runs)
        results[name] = {"median_ms": median, "p95_ms": p95}
        print(f"{name:<38}{median:>10.1f}ms{p95:>7.1f}ms")

    pdf = one_megabyte_pdf()
    form = client.get("/jobs/1/apply?lang=en")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    start = time.perf_counter()
    for n in range(applications):
        response = client.post(f"/jobs/{1 + n % OPEN_PROJECTS}/apply", files={"cv": ("cv.pdf", pdf, "application/pdf")},
                               data={"csrf": csrf, "lang": "en", "first_name": "Bench", "last_name": f"Candidate {n}",
                                     "email": f"bench{n}@example.com", "mobile": "+47 912 34 567", "consent": "yes"})
        if response.status_code != 303:
            raise RuntimeError(f"application {n} was not accepted: {response.status_code}")
    seconds = time.perf_counter() - start
    results["applications"] = {"count": applications, "seconds": seconds, "per_second": applications / seconds,
                               "pdf_bytes": len(pdf)}
    print(f"applications through POST /jobs/{{id}}/apply, {len(pdf) / 1e6:.2f} MB PDF each, one worker "
          f"(TestClient, in-process): {applications / seconds:.1f}/s ({applications} in {seconds:.1f} s)")
    return results
