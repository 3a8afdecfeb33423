"""The contract document: tags filled and escaped, the letterhead, the signature block, the PDF's pages."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlmodel import select

from ats_app.contracts import documents
from ats_app.contracts import template_library as library
from ats_app.core.errors import InvalidChoice, UnknownTag
from ats_app.models import Application, Candidate, ContractTemplateVersion, Offer, Setting, User
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user

BODY = ("**1. Parties**\n\n{companyname}, {companyaddress}, and {fullname}, {candidateaddress}.\n\n"
        "**2. Position**\n\n{fullname} is employed as {offerposition} from {startdate}, at {salary}.\n\n"
        "**3. Probation**\n\nThe first {probation_months} months are a probation period, ending {probation_end}.")
VARIABLES = [{"key": "probation_months", "label": "Probation (months)", "type": "number"},
             {"key": "probation_end", "label": "Probation ends", "type": "date"}]
VALUES = {"probation_months": "6", "probation_end": "2027-07-31"}


@pytest.fixture
def admin(session):
    make_user(session, "admin@example.com", name="Rita Recruiter")
    return login_as(session)


@pytest.fixture
def application_id(session):
    session.add(Setting(key="company_address", value="Fjordgata 1\n7010 Trondheim"))
    application = make_application(session, make_project(session, department=make_department(session)),
                                   first_name="Ingrid", last_name="Haugen")
    candidate = session.get(Candidate, application.candidate_id)
    candidate.address, candidate.postal_code, candidate.city = "Storgata 12", "0155", "Oslo"
    session.add(Offer(application_id=application.id, position_title="Backend developer", start_date=date(2027, 2, 1),
                      salary="52 000", salary_currency="NOK", salary_period="month", token_hash="t" * 64))
    session.commit()
    return application.id


def _version(session, admin, body=BODY, variables=VARIABLES, language="en") -> ContractTemplateVersion:
    version = library.save_template(session, admin, None, title="Employment contract", department_id=None,
                                    language=language, body_text=body, variables=variables)
    session.commit()
    return version


def test_the_document_has_every_tag_filled_the_letterhead_and_both_signatures(session, admin, application_id):
    sender = session.get(User, admin.id)
    page = documents.contract_html(session, _version(session, admin), application_id, VALUES, "en", sender=sender)
    assert "Nordlys AS, Fjordgata 1, 7010 Trondheim, and Ingrid Haugen, Storgata 12, 0155 Oslo." in page
    assert "employed as Backend developer from 1 February 2027, at 52 000 NOK per month." in page
    assert "The first 6 months are a probation period, ending 31 July 2027." in page
    assert '<p class="org">Nordlys AS</p><p class="org-line">Fjordgata 1</p>' in page
    assert "<h1>Employment contract</h1>" in page and "size: A4" in page
    assert '"Page " counter(page) " of " counter(pages)' in page
    assert page.count('class="party"') == 2 and "Rita Recruiter" in page and "Place and date" in page
    assert "{" not in page.split("<body>")[1]  # no tag left unfilled


def test_the_document_is_written_in_the_language_asked(session, admin, application_id):
    page = documents.contract_html(session, _version(session, admin, language="nb"), application_id, VALUES, "nb")
    assert "1. februar 2027" in page and "31. juli 2027" in page
    assert '"Side " counter(page) " av " counter(pages)' in page
    assert 'lang="nb"' in page


def test_candidate_data_is_escaped(session, admin, application_id):
    candidate = session.get(Candidate, session.get(Application, application_id).candidate_id)
    candidate.first_name = "<script>alert(1)</script>"
    session.add(candidate)
    session.commit()
    page = documents.contract_html(session, _version(session, admin), application_id, VALUES, "en")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_unknown_tag_is_refused(session, admin, application_id):
    version = _version(session, admin)
    version.body_html = "<p>{bonus}</p>"  # a body that got past the editor's check
    with pytest.raises(UnknownTag) as refused:
        documents.contract_html(session, version, application_id, VALUES, "en")
    assert refused.value.tags == ["bonus"]


def test_a_missing_self_defined_value_is_refused(session, admin, application_id):
    with pytest.raises(InvalidChoice) as refused:
        documents.contract_html(session, _version(session, admin), application_id, {"probation_months": "6"}, "en")
    assert refused.value.field == "variable:probation_end"


def test_the_pdf_holds_the_name_and_salary_and_numbers_its_pages(session, admin, application_id):
    long_body = BODY + "".join(f"\n\n**{n}. Clause**\n\n" + "The employee follows the staff handbook. " * 25
                               for n in range(4, 14))
    page = documents.contract_html(session, _version(session, admin, body=long_body), application_id, VALUES, "en")
    reader = PdfReader(io.BytesIO(documents.contract_pdf(page)))
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    count = len(reader.pages)
    assert count >= 2
    assert "Ingrid Haugen" in texts[0] and "52 000 NOK per month" in " ".join(texts)
    assert f"Page 1 of {count}" in texts[0] and f"Page {count} of {count}" in texts[-1]
    assert "Nordlys AS" in texts[-1]  # the footer on every page
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (width, height) == pytest.approx((595.28, 841.89), abs=0.5)  # A4


def test_an_offer_without_position_or_department_reads_the_projects(session, admin, application_id):
    offer = session.exec(select(Offer)).one()
    offer.position_title, offer.department_id = "", None
    session.add(offer)
    session.commit()
    page = documents.contract_html(session, _version(session, admin, body="{fullname}: {offerposition}, "
                                                     "{offerdepartment}.", variables=[]), application_id, {}, "en")
    assert "Ingrid Haugen: Backend developer, Engineering." in page
