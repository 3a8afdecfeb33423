"""Employment contract: the ticked applicants each get their contract as a PDF attached to the contract cover
email, in their language, through the outbox, with a link to download it again and acknowledge it.

The form is checked once for the run (a template per candidate language present, the template's self-defined
values, the cover email, which must keep {contractlink}); nothing changes when it fails. Then per applicant, in
their own transaction: the contract is printed from the template's current version (the version is kept on the
contract, so a later edit of the template never changes a sent contract), the PDF stored privately, the
contract row and its sealed link, the cover email with the PDF attached, and a history line. A run may mix
languages: each candidate gets the template chosen for their language (the form starts each language from
its default, the project's department's), and the cover email in their language.
"""

from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import event
from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import FurtherProgressAction, start
from ats_app.applications.history import record
from ats_app.applications.transitions import LIVE
from ats_app.contracts import issued
from ats_app.contracts.documents import contract_html, contract_pdf
from ats_app.contracts.template_library import current_version, default_template_for
from ats_app.contracts.variables import Variable, check_values, variables_of
from ats_app.core import config, files
from ats_app.core.errors import ActionRefused, InvalidChoice, UnknownTag
from ats_app.core.i18n import LANGUAGES, N_, gettext, normalise_language
from ats_app.delivery.outbox import queue_email
from ats_app.mail.compose import (
    Draft,
    DraftForm,
    check_drafts,
    check_email,
    draft_for,
    languages_of,
    render_draft,
    sender_user,
)
from ats_app.mail.kinds import canonical_tag
from ats_app.mail.render import TagValues, tags_in
from ats_app.mail.tag_values import organisation_zone, recipients
from ats_app.models import (
    Application,
    ApplicationStatus,
    Candidate,
    Contract,
    ContractTemplate,
    ContractTemplateVersion,
    Department,
    Employee,
)
from ats_app.models.base import utcnow
from ats_app.offers.current import OFFER_TAGS, current_offer, offer_values
from ats_app.offers.status import DECLINED, EXPIRED, offer_status

KIND = "contract"
LINK_TAG = "contractlink"
LINK_LABEL = N_("Open your contract")
MAX_CONTRACTS = 100  # like Send letter: about 3–5 contracts a second (ats bench), so a run goes in the background
RIGHT = "can_make_offers"
BAD_TEMPLATE = N_("the contract template has an unknown tag")
NO_OFFER = N_("send an offer with terms first: the contract uses its terms")
OFFER_ENDED = N_("the offer was declined or has expired: send a new offer first, the contract uses its terms")
PREVIEW_LINK = "/contract/PREVIEW"


class ContractForm(TypedDict, total=False):
    """The Employment contract form as the UI sends it."""

    application_ids: list[int]
    templates: dict[str, int]  # candidate language → template id
    values: dict[str, str]  # self-defined variable key → what the recruiter typed
    sender: str
    drafts: list[DraftForm]


@dataclass(frozen=True)
class ContractPlan:
    """The checked form: the template version per candidate language, the values, the cover email."""

    versions: dict[str, int]  # language → template version id
    values: dict[str, str]
    sender: str
    drafts: list[Draft]

    def version_for(self, language: str) -> int:
        return self.versions.get(language) or next(iter(self.versions.values()))


@dataclass(frozen=True)
class TemplateChoice:
    """A template a recruiter may produce a contract from."""

    id: int
    title: str
    language: str
    department: str  # "" for the whole organisation
    department_id: int | None


def choosable_templates(session: Session) -> list[TemplateChoice]:
    """The templates the form offers (not archived, with a saved version): the organisation's first, then by
    department, language and title."""
    with_version = select(ContractTemplateVersion.template_id)
    rows = session.exec(select(ContractTemplate, Department.name)
                        .outerjoin(Department, col(Department.id) == ContractTemplate.department_id)
                        .where(col(ContractTemplate.archived_at).is_(None), col(ContractTemplate.id).in_(with_version))
                        ).all()
    order = list(LANGUAGES)
    choices = [TemplateChoice(int(t.id), t.title, t.language, name or "", t.department_id) for t, name in rows]
    return sorted(choices, key=lambda c: (c.department_id is not None, c.department.lower(),
                                          order.index(c.language) if c.language in order else 99, c.title.lower()))


def starting_templates(session: Session, application_ids: list[int]) -> dict[str, int | None]:
    """Each candidate language among the applicants (most common first) → the template the form starts from:
    the first such applicant's project's department's in that language, else the organisation's, else None."""
    first: dict[str, int] = {}
    for application_id, language in session.exec(
            select(Application.id, Candidate.language).join(Candidate, Candidate.id == Application.candidate_id)
            .where(col(Application.id).in_(application_ids[:MAX_CONTRACTS]))).all():
        first.setdefault(normalise_language(language), int(application_id))
    found = {}
    for language in languages_of(session, application_ids[:MAX_CONTRACTS]):
        template = default_template_for(session, first[language], language) if language in first else None
        found[language] = int(template.id) if template is not None else None
    return found


def run_variables(session: Session, template_ids: list[int]) -> list[Variable]:
    """The self-defined variables the chosen templates ask for (each key once, in the order met)."""
    seen: dict[str, Variable] = {}
    for template_id in dict.fromkeys(template_ids):
        try:
            version = current_version(session, template_id)
        except LookupError:
            continue
        for variable in variables_of(version):
            seen.setdefault(variable.key, variable)
    return list(seen.values())


def _chosen_templates(session: Session, form: ContractForm, languages: list[str]) -> dict[str, int]:
    """language → template id for every candidate language present; InvalidChoice("template:<lang>")."""
    allowed = {c.id for c in choosable_templates(session)}
    chosen = form.get("templates") or {}
    picked: dict[str, int] = {}
    for language in languages:
        try:
            template_id = int(chosen.get(language) or 0)
        except (TypeError, ValueError):
            template_id = 0
        if template_id not in allowed:
            raise InvalidChoice(f"template:{language}", N_("Choose the contract template for {language}."),
                                language=LANGUAGES.get(language, language))
        picked[language] = template_id
    return picked


def prepare_contract(session: Session, user: CurrentUser, form: ContractForm) -> ContractPlan:
    """Check the form once for the run, field by field; nothing changes when it fails."""
    ids = list(dict.fromkeys(int(i) for i in form.get("application_ids") or []))
    if not ids:
        raise InvalidChoice("action", N_("Tick at least one applicant."))
    if len(ids) > MAX_CONTRACTS:
        raise InvalidChoice("action", N_("Send at most {max} contracts at a time."), max=MAX_CONTRACTS)
    languages = languages_of(session, ids) or [user.language]
    templates = _chosen_templates(session, form, languages)
    values = check_values(run_variables(session, list(templates.values())), dict(form.get("values") or {}))
    email = check_email(KIND, {"sender": form.get("sender", ""), "drafts": form.get("drafts", [])},
                        required_tag=LINK_TAG)
    versions = {language: int(current_version(session, template_id).id) for language, template_id in templates.items()}
    return ContractPlan(versions, values, email.sender, email.drafts)


def _store_until_rollback(session: Session, data: bytes) -> str:
    """Store data privately; the file goes again if the transaction that needed it is rolled back."""
    pending = session.info.get("ats_contract_files")
    if pending is None:
        pending = session.info["ats_contract_files"] = []
        event.listen(session, "after_commit", lambda _session: pending.clear())

        def rolled_back(_session) -> None:
            while pending:
                files.delete(pending.pop())

        event.listen(session, "after_rollback", rolled_back)
    key = files.store_bytes(data)
    pending.append(key)
    return key


def require_offer_terms(session: Session, application_id: int, version: ContractTemplateVersion) -> None:
    """ActionRefused when the version's text uses an offer's terms ({salary}, {startdate}, …) and the application
    has no offer that stands (none, or it was declined or has expired): the contract would read "Salary: ."."""
    if not {canonical_tag(tag) for tag in tags_in(version.body_html)} & set(OFFER_TAGS):
        return
    offer = current_offer(session, application_id)
    if offer is None:
        raise ActionRefused(NO_OFFER)
    if offer_status(offer, organisation_zone(session), utcnow()) in (DECLINED, EXPIRED):
        raise ActionRefused(OFFER_ENDED)


def make_document(session: Session, user: CurrentUser, application_id: int, version: ContractTemplateVersion,
                  values: dict[str, str]) -> tuple[bytes, dict[str, str], str]:
    """(PDF, the version's own values, the document's language) of one applicant's contract; ActionRefused when
    the template has an unknown tag, or uses the offer's terms and the applicant has no offer that stands."""
    require_offer_terms(session, application_id, version)
    template = session.get(ContractTemplate, version.template_id)
    language = template.language if template else "en"
    keys = {variable.key for variable in variables_of(version)}
    own = {key: value for key, value in values.items() if key in keys}
    try:
        source = contract_html(session, version, application_id, own, language, sender=sender_user(session, user))
    except UnknownTag:
        raise ActionRefused(BAD_TEMPLATE) from None
    return contract_pdf(source), own, language


def send_contract(session: Session, user: CurrentUser, application_id: int, plan: ContractPlan) -> Contract:
    """One applicant's contract: printed, stored, its row and link, the cover email with the PDF, a history line."""
    application = start(session, user, CONTRACT, application_id)
    [person] = recipients(session, [application_id], sender_user(session, user))
    version = session.get(ContractTemplateVersion, plan.version_for(person.language))
    template = session.get(ContractTemplate, version.template_id) if version else None
    if version is None or template is None:
        raise ActionRefused(BAD_TEMPLATE)
    pdf, own, language = make_document(session, user, application_id, version, plan.values)
    key = _store_until_rollback(session, pdf)
    offer = current_offer(session, application_id)
    filename = issued.contract_filename(template.title, person.name)
    contract = Contract(application_id=application_id, template_version_id=version.id,
                        offer_id=offer.id if offer else None, values=own, file_key=key, filename=filename,
                        language=language, created_by_id=user.id, token_hash=issued.unsealed_hash())
    # A contract sent after Hire (a corrected one) is the employee's at once: Delete permanently keeps it.
    contract.employee_id = session.exec(select(Employee.id).where(Employee.application_id == application_id)
                                        .order_by(col(Employee.id))).first()
    session.add(contract)
    session.flush()
    issued.seal(contract)
    session.add(contract)
    link = (issued.contract_link(contract), gettext(person.language, LINK_LABEL))
    extra = {"startdate": offer_values(session, offer, person.language)["startdate"]}
    values = TagValues({**person.values.values, **extra}, {**person.values.links, LINK_TAG: link})
    email = render_draft(session, draft_for(plan.drafts, person.language), KIND, values, person.language)
    message = queue_email(session, recipient=person.email, subject=email.subject, html=email.html, text=email.text,
                          sender=plan.sender, reply_to=user.email, purpose=KIND, kind=KIND, language=person.language,
                          application_id=application_id, created_by_id=user.id, contract_id=contract.id,
                          attachments=[{"filename": filename, "content_type": issued.PDF, "file_key": key}])
    record(session, user, application, "contract_sent", message_id=message.id, contract_id=contract.id,
           template_id=template.id, title=template.title, version=version.version)
    return contract


def preview_pdf(session: Session, user: CurrentUser, form: ContractForm) -> bytes:
    """The first ticked applicant's contract as it would be sent (nothing is stored); InvalidChoice on the
    field that stops it, ActionRefused when that applicant cannot get one."""
    ids = [int(i) for i in form.get("application_ids") or []]
    if not ids:
        raise InvalidChoice("action", N_("Tick at least one applicant."))
    start(session, user, CONTRACT, ids[0])
    [person] = recipients(session, ids[:1], sender_user(session, user))
    templates = _chosen_templates(session, form, [person.language])
    values = check_values(run_variables(session, [templates[person.language]]), dict(form.get("values") or {}))
    version = current_version(session, templates[person.language])
    return make_document(session, user, ids[0], version, values)[0]


def email_preview(session: Session, user: CurrentUser, application_ids: list[int], draft: Draft) -> tuple[str, str]:
    """(candidate name, the cover email in draft's language) for the first ticked applicant of that language
    (else the first); the link goes nowhere. InvalidChoice on the draft's field when it cannot be sent."""
    check_drafts(KIND, [draft])
    people = recipients(session, application_ids[:MAX_CONTRACTS], sender_user(session, user))
    person = next((p for p in people if p.language == draft.language), people[0] if people else None)
    if person is None:
        return "", ""
    offer = current_offer(session, person.application_id)
    values = TagValues({**person.values.values, "startdate": offer_values(session, offer, draft.language)["startdate"]},
                       {LINK_TAG: (config.link(PREVIEW_LINK), gettext(draft.language, LINK_LABEL))})
    return person.name, render_draft(session, draft, KIND, values, draft.language).html


# A contract may follow an offer or come after the hire (a corrected contract), while the application is live.
CONTRACT: FurtherProgressAction[ContractForm, ContractPlan] = FurtherProgressAction(
    "contract", N_("Employment contract"), rights=(RIGHT,), allowed_from=LIVE | {ApplicationStatus.HIRED},
    form="contract", template_kind=KIND, prepare=prepare_contract, run_one=send_contract, sends_email=True)
