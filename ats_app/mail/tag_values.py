"""What the tags stand for in an email about an application: loaded for many applicants at once.

One query joins application, candidate, project, department and position for every recipient, so a
bulk email to 1,000 ticked applicants costs one round trip, not a few thousand.
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.lists import format_list
from markupsafe import Markup
from sqlmodel import Session, col, select

from ats_app.core.i18n import N_, babel_locale, gettext, normalise_language
from ats_app.mail.render import TagValues
from ats_app.models import Application, Candidate, Department, Position, RecruitmentProject, Setting, User
from ats_app.organisation.reference_data import DEFAULT_SETTINGS
from ats_app.projects import screening

# An offer's terms as the offer summary ({offersummary}), the answer page and the section list them: (tag, label).
OFFER_TERM_LINES = (("offerposition", N_("Position")), ("offerdepartment", N_("Department")),
                    ("startdate", N_("Start date")), ("salary", N_("Salary")), ("hours", N_("Working hours")),
                    ("placeofwork", N_("Place of work")))
# {requirement} when no answer ruled the candidate out (a recruiter chose "after screening questions" anyway).
SOME_REQUIREMENT = N_("the requirements stated in the advert")


@dataclass(frozen=True)
class Recipient:
    """One applicant an email is written for: who, in which language, and the tag values."""

    application_id: int
    project_id: int
    candidate_id: int
    email: str
    name: str
    language: str
    department_id: int | None
    values: TagValues


def company_name(session: Session) -> str:
    """The organisation's name (Settings), used in signatures and footers."""
    setting = session.get(Setting, "company_name")
    return setting.value if setting and setting.value else DEFAULT_SETTINGS["company_name"]


def organisation_zone(session: Session) -> ZoneInfo:
    """The organisation's time zone (Settings, default Europe/Oslo): dates in emails are its dates."""
    setting = session.get(Setting, "time_zone")
    try:
        return ZoneInfo(setting.value if setting and setting.value else DEFAULT_SETTINGS["time_zone"])
    except (ValueError, KeyError):
        return ZoneInfo(DEFAULT_SETTINGS["time_zone"])


def long_date(value: date | None, language: str) -> str:
    """A date written out as the language does in a letter ("23. november 2026")."""
    return format_date(value, "long", locale=babel_locale(language)) if value else ""


def offer_summary(values: dict[str, str], language: str) -> str:
    """{offersummary}: the offer's terms that are set, as a list ("Salary: 52 000 NOK per month"), escaped; a
    term left empty is left out, and so is the whole list when none is set. In a paragraph of its own the list
    stands as a list (render), and the plain-text part reads it as lines."""
    items = [Markup("<li>{0}: {1}</li>").format(gettext(language, label), values[tag])
             for tag, label in OFFER_TERM_LINES if values.get(tag)]
    return Markup("<ul>{0}</ul>").format(Markup("").join(items)) if items else ""


def recipients(session: Session, application_ids: list[int], sender: User | None,
               language: str | None = None) -> list[Recipient]:
    """Recipients with their tag values, in the order of application_ids (missing ids are skipped).

    language: write every email in this language instead of each candidate's own (None: their own).
    """
    if not application_ids:
        return []
    rows = session.exec(
        select(Application, Candidate, RecruitmentProject, Department.name, Position.title)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
        .outerjoin(Department, Department.id == RecruitmentProject.department_id)
        .outerjoin(Position, Position.id == RecruitmentProject.position_id)
        .where(col(Application.id).in_(application_ids))
    ).all()
    company = company_name(session)
    zone = organisation_zone(session)
    today = datetime.now(zone).date()
    found = {}
    for application, candidate, project, department, position in rows:
        lang = normalise_language(language or candidate.language)
        values = {
            "firstname": candidate.first_name, "lastname": candidate.last_name,
            "fullname": f"{candidate.first_name} {candidate.last_name}".strip(),
            "candidateemail": candidate.email, "projecttitle": project.title,
            "position": position or project.title, "department": department or "",
            "companyname": company, "recruitername": sender.name if sender else company,
            "recruiteremail": sender.email if sender else "",
            "applicationdate": long_date(application.applied_at.astimezone(zone).date(), lang),
            "today": long_date(today, lang),
        }
        found[application.id] = Recipient(
            application_id=application.id, project_id=project.id, candidate_id=candidate.id, email=candidate.email,
            name=values["fullname"], language=lang, department_id=project.department_id,
            values=TagValues(values=values))
    return [found[i] for i in application_ids if i in found]


def sample_values(session: Session, sender: User | None, language: str) -> TagValues:
    """Believable values for a preview when no candidate is chosen."""
    company = company_name(session)
    return TagValues(values={
        "firstname": "Kari", "lastname": "Nordmann", "fullname": "Kari Nordmann",
        "candidateemail": "kari.nordmann@example.com", "projecttitle": "Backend developer",
        "position": "Backend developer", "department": "Engineering", "companyname": company,
        "recruitername": sender.name if sender else company, "recruiteremail": sender.email if sender else "",
        "applicationdate": long_date(date.today(), language), "today": long_date(date.today(), language),
    })


def requirement(questions: list[screening.Question], answers: dict, language: str) -> str:
    """{requirement}: the wording of each requirement the answers did not meet, in language, joined as the
    language joins a list ("a work permit, a driving licence and fluent Swedish")."""
    unmet = screening.requirements_not_met(questions, answers or {}, language)
    return format_list(unmet, locale=babel_locale(language)) if unmet else gettext(language, SOME_REQUIREMENT)


def requirement_of(session: Session, application_id: int, language: str) -> str:
    """{requirement} for one application (its project's questions, its answers)."""
    row = session.exec(select(RecruitmentProject.screening_questions, Application.screening_answers)
                       .join(Application, Application.project_id == RecruitmentProject.id)
                       .where(Application.id == application_id)).first()
    if row is None:
        return gettext(language, SOME_REQUIREMENT)
    return requirement(screening.questions_of(row[0]), row[1] or {}, language)
