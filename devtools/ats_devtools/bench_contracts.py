"""`ats bench`, employment contracts: one Employment contract run over 100 applicants through the action's real
path (each applicant in their own transaction: the contract printed by WeasyPrint from its template version,
the PDF stored privately, the contract row and sealed link, the cover email with the PDF attached, the history
line), and the document alone (contract HTML and PDF), in PDFs per second.

It builds its own small SQLite database (the 1,000,000-application one adds nothing to a PDF's cost): 100
candidates in the six languages, each with an offer naming a salary, and a template per language with a
self-defined variable. `python -m ats_devtools.bench_contracts` runs it alone.
"""

import os
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, select

from ats_app.accounts import auth
from ats_app.applications.applicant_keys import keys_for
from ats_app.contracts.documents import contract_html, contract_pdf
from ats_app.core.db import get_engine, upgrade_to_head
from ats_app.core.i18n import LANGUAGES
from ats_app.handling import further_progress
from ats_app.models import (
    Application,
    Candidate,
    Contract,
    ContractTemplate,
    ContractTemplateVersion,
    Department,
    Offer,
    RecruitmentProject,
    User,
)

APPLICANTS = 100
FIRST = ("Kari", "Lars", "Anna", "Pieter", "Mette", "Aino", "Emma", "Jens", "Noor", "Ville")
LAST = ("Nordmann", "Johansson", "de Vries", "Nielsen", "Virtanen", "Berg", "Smith", "Haugen", "Bakker", "Lund")
BODY = ("<p>{fullname}, born {birthdate}, is employed by {companyname} as {offerposition} from {startdate}.</p>"
        "<p>Salary: {salary}. Working hours: {hours}. Place of work: {placeofwork}.</p>"
        "<p>The probation period is {probation_months} months. The notice period is one month during probation "
        "and three months after it, counted from the first day of the month after notice was given.</p>") * 3


def _seed(session: Session) -> tuple[list[int], dict[str, int]]:
    """APPLICANTS applications with offers, a template per language; (application ids, language → template id)."""
    department = Department(name="Engineering")
    session.add(department)
    session.flush()
    project = RecruitmentProject(title="Backend developer", department_id=department.id, status="open",
                                 languages=list(LANGUAGES))
    session.add(project)
    session.add(User(id=1, email="bench@example.com", name="Bench Recruiter", password_hash="x", role="admin"))
    session.flush()
    templates = {}
    for language in LANGUAGES:
        template = ContractTemplate(title=f"Permanent employment ({language})", department_id=department.id,
                                    language=language)
        session.add(template)
        session.flush()
        session.add(ContractTemplateVersion(template_id=template.id, version=1, body_html=BODY, variables=[
            {"key": "probation_months", "label": "Probation (months)", "type": "number"}]))
        templates[language] = int(template.id)
    ids = []
    for n in range(APPLICANTS):
        candidate = Candidate(first_name=FIRST[n % 10], last_name=LAST[n // 10 % 10], email=f"c{n}@bench.example",
                              language=list(LANGUAGES)[n % len(LANGUAGES)], birth_date=date(1990, 1, 1 + n % 28))
        session.add(candidate)
        session.flush()
        application = Application(candidate_id=candidate.id, project_id=project.id, status="offer",
                                  **keys_for(candidate))
        session.add(application)
        session.flush()
        session.add(Offer(application_id=application.id, position_title="Backend developer",
                          start_date=date.today() + timedelta(days=60), salary="52 000", hours="37.5 hours a week",
                          place_of_work="Oslo", token_hash=f"bench-offer-{n}"))
        ids.append(int(application.id))
    session.commit()
    return ids, templates


def run(tmp: Path) -> dict:
    """Seed, measure, print and return the numbers."""
    path = tmp / "contracts.db"
    if path.exists():
        path.unlink()
    os.environ["REFLEX_DB_URL"] = f"sqlite:///{path}"
    os.environ["ATS_FILES_DIR"] = str(tmp / "contract-files")
    upgrade_to_head()
    session = Session(get_engine(f"sqlite:///{path}"), expire_on_commit=False)
    ids, templates = _seed(session)
    user = auth.CurrentUser(id=1, email="bench@example.com", name="Bench Recruiter", role="admin", language="en",
                            time_zone="Europe/Oslo", department_id=None, rights=frozenset(auth.RIGHTS))
    form = {"application_ids": ids, "templates": templates, "values": {"probation_months": "6"},
            "sender": "Bench Recruiter <recruitment@example.com>",
            "drafts": [{"language": lang, "subject": "Your contract", "body": "Hi {firstname},\n\n{contractlink}"}
                       for lang in LANGUAGES]}
    version = session.exec(select(ContractTemplateVersion)).first()
    contract_pdf(contract_html(session, version, ids[0], {"probation_months": "6"}, "en"))  # warm-up (fonts)
    start = time.perf_counter()
    for application_id in ids:
        contract_pdf(contract_html(session, version, application_id, {"probation_months": "6"}, "en"))
    documents = time.perf_counter() - start
    start = time.perf_counter()
    result = further_progress.run(session, user, "contract", ids, form)
    sending = time.perf_counter() - start
    sizes = [os.path.getsize(tmp / "contract-files" / c.file_key[:2] / c.file_key)
             for c in session.exec(select(Contract))]
    session.close()
    results = {"applicants": len(ids), "done": result.done, "document_seconds": documents,
               "documents_per_second": len(ids) / documents, "run_seconds": sending,
               "contracts_per_second": result.done / sending if sending else 0,
               "pdf_kib_median": sorted(sizes)[len(sizes) // 2] / 1024 if sizes else 0}
    print(f"\nemployment contracts, {len(ids)} applicants in 6 languages")
    print(f"contract HTML + PDF alone: {documents:.2f} s, {results['documents_per_second']:.1f} PDFs/s")
    print(f"Employment contract run (PDF, file, row, cover email with attachment, history; each its own "
          f"transaction): {sending:.2f} s, {results['contracts_per_second']:.1f} contracts/s ({result.done} done), "
          f"median PDF {results['pdf_kib_median']:.0f} KiB")
    return results


if __name__ == "__main__":
    run(Path(tempfile.mkdtemp(prefix="ats-bench-contracts-")))
