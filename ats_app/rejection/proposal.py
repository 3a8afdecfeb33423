"""What the rejection wizard starts from: each ticked applicant's stage, the type most of them reached,
who should rather get a call, and the reasons and types to choose from."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from ats_app.applications.stages import AFTER_INTERVIEW, FIRST, SCREENING, STAGE_ORDER
from ats_app.mail.tag_values import recipients
from ats_app.models import Application, Interview, RecruitmentProject, RejectionReason, RejectionType
from ats_app.models.base import utcnow
from ats_app.projects import screening

MET_IN_PERSON = ("in_person", "group")  # an interview held like this deserves a call rather than an email


def stage_reached(application: Application, project: RecruitmentProject, interviews: list[Interview],
                  now: datetime) -> str:
    """The rejection type that fits how far the applicant got: the last interview held, else a knock-out
    screening answer, else the application review."""
    held = [i for i in interviews
            if i.cancelled_at is None and i.starts_at <= now and i.interview_type in AFTER_INTERVIEW]
    if held:
        return max((AFTER_INTERVIEW[i.interview_type] for i in held), key=STAGE_ORDER.index)
    if screening.unmet(screening.questions_of(project.screening_questions), application.screening_answers or {}):
        return SCREENING
    return FIRST


@dataclass
class Proposal:
    """What the wizard starts from for the ticked applicants."""

    type_code: str  # the most common stage among them
    stages: dict[int, str]  # application id → its own stage
    call_instead: list[int]  # applicants better called than emailed (in-person interview held, or ranking 1)
    delay_days: int


def propose(session: Session, application_ids: list[int], now: datetime | None = None) -> Proposal:
    """The preselected type, each applicant's stage and who should get a call rather than an email."""
    now = now or utcnow()
    rows = session.exec(select(Application, RecruitmentProject)
                        .join(RecruitmentProject, col(RecruitmentProject.id) == Application.project_id)
                        .where(col(Application.id).in_(application_ids))).all()
    interviews: dict[int, list[Interview]] = {}
    for interview in session.exec(select(Interview).where(col(Interview.application_id).in_(application_ids))):
        interviews.setdefault(interview.application_id, []).append(interview)
    stages, call = {}, []
    for application, project in rows:
        own = interviews.get(application.id, [])
        stages[application.id] = stage_reached(application, project, own, now)
        met = any(i.mode in MET_IN_PERSON and i.cancelled_at is None and i.starts_at <= now for i in own)
        if met or application.ranking == 1:
            call.append(application.id)
    counts = Counter(stages.values())
    # The most common stage; on a tie the furthest, so nobody interviewed gets "we reviewed your application".
    code = max(counts, key=lambda stage: (counts[stage], STAGE_ORDER.index(stage))) if counts else FIRST
    return Proposal(code, stages, sorted(call), delay_for(session, code))


def delay_for(session: Session, type_code: str) -> int:
    """The default "send in N days" of a rejection type (Settings)."""
    found = session.exec(select(RejectionType.default_delay_days).where(RejectionType.code == type_code)).first()
    return int(found or 0)


def reason_choices(session: Session, language: str) -> list[tuple[str, str]]:
    """(code, label) of the active rejection reasons in language (English where a label is missing)."""
    rows = session.exec(select(RejectionReason).where(RejectionReason.active,
                                                      col(RejectionReason.language).in_([language, "en"]))
                        .order_by(col(RejectionReason.sequence))).all()
    labels: dict[str, str] = {}
    for row in rows:
        if row.language == language or row.code not in labels:
            labels[row.code] = row.label
    return list(labels.items())


def type_codes(session: Session) -> list[str]:
    """The active rejection types in process order."""
    return list(session.exec(select(RejectionType.code).where(RejectionType.active)
                             .order_by(col(RejectionType.sequence))))


@dataclass
class Applicant:
    """One ticked applicant as the wizard lists them."""

    application_id: int
    name: str
    language: str
    stage: str


def applicants(session: Session, application_ids: list[int], stages: dict[int, str]) -> list[Applicant]:
    """The ticked applicants with their language and the stage each reached (stages from propose())."""
    return [Applicant(p.application_id, p.name, p.language, stages.get(p.application_id, ""))
            for p in recipients(session, application_ids, None)]
