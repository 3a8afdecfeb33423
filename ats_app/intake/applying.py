"""Receiving an application, from the careers site's form or entered by hand by a recruiter: one transaction
holds the candidate, the application, its files' keys, its history line and the "application received" email.

The same email address (trimmed, any case) is the same candidate: a new application joins their record, and
their contact details change only when they ticked "update my contact details" (else they are kept as they
were). A candidate cannot have two live applications to one project. Everything is checked before anything is
stored; files are written only after the checks, and removed again when the transaction does not commit.
"""

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TypedDict

from sqlalchemy import event, func, update
from sqlmodel import Session, col, select

from ats_app.accounts.access import may_act, visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.applicant_keys import keys_for
from ats_app.applications.history import record
from ats_app.applications.lifecycle import new_application, refuse_if_applied
from ats_app.core import files
from ats_app.core.errors import (
    ActionRefused,
    AlreadyApplied,
    InvalidChoice,
    InvalidInput,
    NotAllowed,
    NotTakingApplications,
    ProjectNotFound,
)
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.core.phones import normalise_number
from ats_app.handling.purge import delete_file_on_commit
from ats_app.intake.uploads import Document, Upload, check_document
from ats_app.mail.compose import default_sender, queue_to_candidate, sender_user, starting_drafts, valid_address
from ats_app.mail.tag_values import recipients
from ats_app.models import Application, ApplicationStatus, Candidate, RecruitmentProject
from ats_app.organisation import privacy_texts
from ats_app.projects import screening
from ats_app.projects.editing import organisation_today
from ats_app.projects.publishing import takes_applications

CAREERS_SITE, BY_HAND = "careers_site", "by_hand"
RECEIPT_KIND = "application_received"
CONSENT_LIFETIME = timedelta(days=365)
# Where a number written without a country code is read from, by the language the candidate applied in.
REGION_OF_LANGUAGE = {"nb": "NO", "sv": "SE", "da": "DK", "fi": "FI", "nl": "NL", "en": None}
CONTACT_FIELDS = {"first_name": 100, "last_name": 100, "email": 254, "mobile": 40, "address": 300,
                  "postal_code": 20, "city": 100}
COVER_LETTER_MAX = 20_000

REQUIRED = N_("Please fill in this field.")
TOO_LONG = N_("This is longer than the field can hold. Please shorten it.")
BAD_EMAIL = N_("Please write a valid email address, for example name@example.com.")
BAD_MOBILE = N_("Please write a valid phone number, for example +47 912 34 567.")
CV_REQUIRED = N_("Please choose your CV (PDF, DOCX, ODT or RTF, at most 10 MB).")
CONSENT_REQUIRED = N_("Please tick the box to consent to the privacy text: we cannot handle your application "
                      "without it.")
ALREADY_APPLIED = N_("An application from this email address to this job is already being handled. You cannot "
                     "apply twice.")


class ApplicationForm(TypedDict, total=False):
    """The application as the form (or the recruiter's dialog) sends it; answers by screening question id."""

    first_name: str
    last_name: str
    email: str
    mobile: str
    address: str
    postal_code: str
    city: str
    cover_letter: str
    answers: Mapping[str, str | list[str]]
    consent: bool
    update_contact: bool
    language: str
    privacy_version: str  # the version of the privacy text the form showed


def _contact(form: ApplicationForm, language: str, errors: dict[str, str]) -> dict[str, str | None]:
    """The contact fields trimmed and checked (errors filled by field)."""
    contact: dict[str, str | None] = {}
    for field, limit in CONTACT_FIELDS.items():
        value = " ".join(str(form.get(field) or "").split())
        if len(value) > limit:
            errors[field] = TOO_LONG
        contact[field] = value or None
    for field in ("first_name", "last_name", "email"):
        if not contact[field] and field not in errors:
            errors[field] = REQUIRED
    email = (contact["email"] or "").lower()
    if email and "email" not in errors and not valid_address(email):
        errors["email"] = BAD_EMAIL
    contact["email"] = email
    if contact["mobile"] and "mobile" not in errors:
        number = normalise_number(contact["mobile"], REGION_OF_LANGUAGE.get(language))
        if number is None:
            errors["mobile"] = BAD_MOBILE
        contact["mobile"] = number
    return contact


def _documents(files_sent: Mapping[str, Upload | None], require_cv: bool,
               errors: dict[str, str]) -> dict[str, Document]:
    """The CV and the cover letter file checked (an empty file field is no file)."""
    documents = {}
    for field in ("cv", "cover_letter_file"):
        upload = files_sent.get(field)
        if upload is None or (not upload.data and not upload.filename):
            if field == "cv" and require_cv:
                errors["cv"] = CV_REQUIRED
            continue
        try:
            documents[field] = check_document(upload)
        except InvalidChoice as refused:
            errors[field] = refused.message
    return documents


def _project(session: Session, project_id: int, entered_by: CurrentUser | None, now: datetime) -> RecruitmentProject:
    """The project the application goes to: open to candidates on the careers site; any project the recruiter
    may act on when entered by hand (a closed one too: letters by post arrive late)."""
    if entered_by is None:
        # Locked (PostgreSQL) so that two quick submits of one form are checked one after the other.
        project = session.exec(select(RecruitmentProject).where(RecruitmentProject.id == project_id)
                               .with_for_update()).first()
        if not takes_applications(project, organisation_today(session, now)):
            raise NotTakingApplications()
        assert project is not None
        return project
    if not may_act(entered_by):
        raise NotAllowed("add_candidate")
    found = session.exec(select(RecruitmentProject).where(RecruitmentProject.id == project_id,
                                                          visible_projects(entered_by))).first()
    if found is None:
        raise ProjectNotFound(project_id)
    return found


def _same_candidate(session: Session, email: str) -> Candidate | None:
    """The candidate with this email address (any case), the oldest record when there are several."""
    return session.exec(select(Candidate).where(func.lower(Candidate.email) == email,
                                                col(Candidate.anonymised_at).is_(None))
                        .order_by(col(Candidate.id))).first()


def _remove_unless_committed(session: Session, keys: list[str]) -> None:
    """Delete the stored files keys again when this session's transaction rolls back instead of committing."""
    outcome = {"committed": False}

    def committed(_session):
        outcome["committed"] = True

    def rolled_back(_session):
        if not outcome["committed"]:
            for key in keys:
                files.delete(key)
    event.listen(session, "after_commit", committed, once=True)
    event.listen(session, "after_rollback", rolled_back, once=True)


def receive_application(session: Session, project_id: int, form: ApplicationForm,
                        files_sent: Mapping[str, Upload | None], *, now: datetime,
                        entered_by: CurrentUser | None = None, send_receipt: bool = True,
                        require_cv: bool | None = None) -> Application:
    """Check everything, then store the application as New with its candidate, files, consent, history line
    and (send_receipt) the "application received" email in the candidate's language, in session's transaction.

    entered_by None: the careers site's form (consent to the current privacy text required, CV required unless
    require_cv says otherwise); a recruiter: entered by hand (no consent asked, CV optional).
    InvalidInput (errors by field) when anything is wrong: then nothing is stored.
    """
    project = _project(session, project_id, entered_by, now)
    language = str(form.get("language") or "en")
    errors: dict[str, str] = {}
    if language not in LANGUAGES:
        errors["language"] = N_("Choose a language.")
        language = "en"
    contact = _contact(form, language, errors)
    questions = screening.questions_of(project.screening_questions)
    answers, answer_errors = screening.check_answers(questions, form.get("answers") or {})
    if entered_by is not None:  # by hand: a letter by post answers nothing; what is given is still checked
        answer_errors = {qid: message for qid, message in answer_errors.items() if message != screening.REQUIRED}
    errors.update({f"answer:{qid}": message for qid, message in answer_errors.items()})
    cover_letter = (form.get("cover_letter") or "").replace("\r\n", "\n").strip()
    if len(cover_letter) > COVER_LETTER_MAX:
        errors["cover_letter"] = TOO_LONG
    documents = _documents(files_sent, entered_by is None if require_cv is None else require_cv, errors)
    by_hand = entered_by is not None
    if not by_hand and not form.get("consent"):
        errors["consent"] = CONSENT_REQUIRED
    candidate = _same_candidate(session, str(contact["email"])) if "email" not in errors else None
    if candidate is not None:
        try:
            refuse_if_applied(session, candidate.id, project)
        except ActionRefused:
            if not by_hand and not errors:
                raise AlreadyApplied() from None
            if by_hand:
                errors["email"] = ALREADY_APPLIED
    if errors:
        raise InvalidInput(errors)

    privacy = None if by_hand else privacy_texts.shown(session, language, form.get("privacy_version"))
    updating = candidate is None or bool(form.get("update_contact"))
    if candidate is None:
        candidate = Candidate(first_name="", last_name="", email=str(contact["email"]), created_at=now)
    if updating:
        renamed = candidate.id is not None and (candidate.first_name, candidate.last_name) != (
            contact["first_name"], contact["last_name"])
        for field in CONTACT_FIELDS:
            setattr(candidate, field, contact[field] if field not in ("first_name", "last_name")
                    else str(contact[field]))
        candidate.language = language
        if renamed:  # the list sorts and searches on copies of the name: every application gets the new one
            session.exec(update(Application).where(col(Application.candidate_id) == candidate.id)
                         .values(**keys_for(candidate)))
    stored = {field: files.store_bytes(document.data) for field, document in documents.items()}
    _remove_unless_committed(session, list(stored.values()))
    # A returning candidate's record (CV included) changes only when they ask for it: whoever knows an email
    # address must not replace the CV recruiters read on that person's other applications.
    if "cv" in documents and (updating or not candidate.cv_file_key):
        if candidate.cv_file_key:
            delete_file_on_commit(session, candidate.cv_file_key)
        candidate.cv_file_key, candidate.cv_filename = stored["cv"], documents["cv"].filename
        candidate.cv_text = documents["cv"].text
    elif "cv" in stored:
        delete_file_on_commit(session, stored.pop("cv"))  # kept the one on record: the new file is not needed
    if privacy is not None:
        candidate.consent_at, candidate.consent_expires_at = now, now + CONSENT_LIFETIME
    session.add(candidate)
    session.flush()

    source = BY_HAND if by_hand else CAREERS_SITE
    application = new_application(session, candidate, project.id, ApplicationStatus.NEW, source=source)
    application.sqlmodel_update({
        **keys_for(candidate), "cover_letter": cover_letter or None, "screening_answers": answers,
        # By hand without answers (a letter by post): not known, rather than "meets the requirements".
        "knocked_out": None if by_hand and not answers else screening.knocked_out(questions, answers),
        "applied_at": now, "updated_at": now,
        "privacy_text_id": privacy.id if privacy else None, "consented_at": now if privacy else None,
        "entered_by_id": entered_by.id if entered_by else None,
        "cover_letter_file_key": stored.get("cover_letter_file"),
        "cover_letter_filename": documents["cover_letter_file"].filename if "cover_letter_file" in documents else None,
    })
    session.add(application)
    session.flush()
    record(session, entered_by, application, "applied", source=source,
           contact_updated=bool(updating and form.get("update_contact")),
           privacy_version=privacy.version if privacy else None)
    if send_receipt:
        _queue_receipt(session, entered_by, application, language)
    return application


def _queue_receipt(session: Session, user: CurrentUser | None, application: Application, language: str) -> None:
    """The "application received" email in the language the candidate applied in, queued at once."""
    assert application.id is not None
    [person] = recipients(session, [application.id], sender_user(session, user), language=language)
    [draft] = starting_drafts(session, RECEIPT_KIND, [person.language], application.id)
    queue_to_candidate(session, user, person, draft, kind=RECEIPT_KIND, purpose=RECEIPT_KIND,
                       sender=default_sender(user))
