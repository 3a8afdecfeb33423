"""Test data for the Employment contract: a department's template with a self-defined variable, an application
with an offer naming a salary, and the form that sends it."""

from datetime import date

from sqlmodel import Session

from ats_app.handling import further_progress as fp
from ats_app.models import Application, ContractTemplate, ContractTemplateVersion, Offer
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

BODY = ("<p>{fullname} is employed as {offerposition} from {startdate}.</p>"
        "<p>Salary: {salary}. Probation: {probation_months} months.</p>")
VARIABLES = [{"key": "probation_months", "label": "Probation (months)", "type": "number"}]
EMAIL = "Hei {firstname},\n\nHer er kontrakten din.\n\n{contractlink}"


def make_template(session: Session, *, department_id: int | None, language: str = "nb",
                  title: str = "Fast ansettelse", body: str = BODY, variables: list | None = None):
    template = ContractTemplate(title=title, department_id=department_id, language=language)
    session.add(template)
    session.flush()
    version = ContractTemplateVersion(template_id=template.id, version=1, body_html=body,
                                      variables=VARIABLES if variables is None else variables)
    session.add(version)
    session.commit()
    return template, version


def make_offer(session: Session, application: Application, salary: str = "52 000") -> Offer:
    offer = Offer(application_id=application.id, position_title="Backend developer", start_date=date(2027, 2, 1),
                  salary=salary, salary_currency="NOK", salary_period="month", token_hash=f"offer-{application.id}")
    session.add(offer)
    session.commit()
    return offer


def contract_setup(session: Session):
    """(admin, application, template, version, offer): Kari Nordmann (nb) on Engineering's project."""
    engineering = make_department(session, "Engineering")
    project = make_project(session, "Backend developer", department=engineering)
    application = make_application(session, project)
    make_user(session, "admin@example.com", name="Rita Recruiter")
    template, version = make_template(session, department_id=engineering.id)
    offer = make_offer(session, application)
    return login_as(session), application, template, version, offer


def contract_form(ids: list[int], template_id: int, *, probation: str = "6", body: str = EMAIL,
                  language: str = "nb") -> dict:
    return {"application_ids": ids, "templates": {language: template_id}, "values": {"probation_months": probation},
            "sender": "Rita Recruiter <recruitment@example.com>",
            "drafts": [{"language": language, "subject": "Kontrakt: {projecttitle}", "body": body}]}


def send(session: Session, user, ids: list[int], template_id: int, **form) -> fp.BulkResult:
    return fp.run(session, user, "contract", ids, contract_form(ids, template_id, **form))
