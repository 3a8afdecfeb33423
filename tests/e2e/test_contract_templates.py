"""The Contracts page: an admin lists the contract templates, writes one with a variable of its own, saves
it twice (two versions), previews it for a real applicant as the page and as the PDF, and archives it.

The template is organisation-wide in English, made after the default one, so it never becomes anyone's
default template (the oldest wins), and it is archived at the end: other modules see nothing of it.
"""

import io
import uuid

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.conftest import SHOTS, log_in

BODY = ("**1. The parties**\n\n{companyname} and {fullname}.\n\n"
        "**2. Pay**\n\nThe salary is {salary}; a signing bonus of {bonus} is paid with the first salary.")


def test_an_admin_writes_saves_twice_and_previews_a_contract_template(page, shoot):
    log_in(page)
    page.get_by_role("link", name="Contracts").click()
    expect(page.locator("#page-title")).to_have_text("Contracts")
    groups = page.locator(".contract-group")
    expect(groups.first).to_contain_text("Whole organisation")
    for title in ("Employment contract (permanent)", "Arbeidsavtale (fast ansettelse)", "Työsopimus"):
        expect(page.locator(".contract-template-row", has_text=title).first).to_be_visible()
    shoot(page, "contracts-list")

    title = f"Signing bonus contract {uuid.uuid4().hex[:6]}"
    page.locator("#contracts-new").click()
    page.locator("#contract-title").fill(title)
    page.locator("#contract-language").select_option("en")
    page.locator("#contract-body").fill(BODY)
    page.locator("#contract-save").click()
    expect(page.locator("#error-body")).to_contain_text("{bonus}")  # not defined yet: refused, nothing saved

    page.locator("#contract-add-variable").click()
    page.locator(".variable-key input").last.fill("bonus")
    page.locator(".variable-label input").last.fill("Signing bonus")
    page.locator(".variable-type").last.select_option("money")
    page.locator("#contract-save").click()
    expect(page.locator("#contract-notice")).to_contain_text("Saved as version 1")
    expect(page.locator("#contract-version")).to_contain_text("1")

    page.locator("#contract-body").fill(BODY + "\n\n**3. Notice**\n\nOne month for both parties.")
    page.locator("#contract-save").click()
    expect(page.locator("#contract-notice")).to_contain_text("Saved as version 2")
    expect(page.locator(".contract-version-row")).to_have_count(2)
    expect(page.locator("#contract-tags")).to_contain_text("{bonus}")
    shoot(page, "contracts-editor")

    page.locator("#contract-preview-open").click()
    frame = page.frame_locator("#contract-preview")
    expect(frame.locator("h1")).to_have_text(title)
    chosen = page.locator("#contract-preview-applicant option:checked").inner_text()
    name = chosen.split(" · ")[0]
    expect(frame.locator(".letterhead")).to_contain_text("Nordlys")
    expect(frame.locator(".body")).to_contain_text(f"and {name}.")
    expect(frame.locator(".body")).to_contain_text("a signing bonus of 10 000")
    expect(frame.locator(".party")).to_have_count(2)
    sample = page.locator(".preview-sample input").first
    sample.fill("25 000 NOK")
    page.locator("#contract-preview-update").click()
    expect(frame.locator(".body")).to_contain_text("a signing bonus of 25 000 NOK")
    page.screenshot(path=str(SHOTS / "contracts-preview.png"))  # the viewport: the dialog as the user sees it

    page.locator("#contract-preview-pdf").click()
    link = page.locator("#contract-pdf-link")
    expect(link).to_be_visible()
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    (SHOTS / "contracts-preview.pdf").write_bytes(response.body())
    reader = PdfReader(io.BytesIO(response.body()))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert name in text and "25 000 NOK" in text and f"Page 1 of {len(reader.pages)}" in text

    page.locator("#contract-preview-close").click()
    page.locator("#contract-archive").click()
    expect(page.locator("#contract-notice")).to_contain_text("Archived")
    page.locator("#contract-close").click()
    expect(page.locator(".contract-template-row", has_text=title)).to_have_count(0)
    page.locator("#contracts-archived").click()
    row = page.locator(".contract-template-row", has_text=title)
    expect(row).to_contain_text("Archived")
    expect(row.locator(".contract-template-version")).to_have_text("2")
