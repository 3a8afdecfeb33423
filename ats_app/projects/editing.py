"""Creating and editing a recruitment project: its details, its advert per language, its screening questions
and its automatic-rejection delay.

The editor sends everything as typed (ProjectForm: text for dates and numbers, the advert in the editor's text
format that emails use, questions in projects.screening's shape). check_form turns it into values or a message
per field; create_project and update_project refuse with InvalidInput (nothing written) or store the project,
its adverts and recruiters and one history line saying which fields changed. Admins and recruiters edit;
hiring managers only look. Nothing here commits: the caller's transaction holds the change.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_
from sqlmodel import Session, col, select, update

from ats_app.accounts.access import ACTING_ROLES, visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import InvalidInput, NotAllowed, ProjectNotFound
from ats_app.core.i18n import LANGUAGES, N_
from ats_app.mail.markup import clean_html, html_to_markdown, markdown_to_html
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import (
    Application,
    Department,
    Position,
    ProjectAdvert,
    ProjectRecruiter,
    ProjectStatus,
    RecruitmentProject,
    Role,
    User,
)
from ats_app.models.base import utcnow
from ats_app.projects import history, screening

EDITORS = ACTING_ROLES
EMPLOYMENT_TYPES = history.EMPLOYMENT_TYPES
ADVERT_TEXTS = ("introduction", "job", "offer", "contact")  # the advert's sections in the editor's text format
ADVERT_FIELDS = ("headline", *ADVERT_TEXTS)
TITLE_MAX, PLACE_MAX, HEADLINE_MAX, SECTION_MAX = 300, 200, 300, 20_000
POSITIONS_MAX = 999
AUTO_REJECT_MIN, AUTO_REJECT_MAX = 1, 90
SCALARS = ("title", "department_id", "position_id", "owner_id", "deadline", "start_date", "positions", "place",
           "employment_type", "auto_reject_after_days")

TITLE_REQUIRED = N_("Write the project's title.")
TITLE_TOO_LONG = N_("The title must be one line of at most 300 characters.")
DEPARTMENT_REQUIRED = N_("Choose a department from the list.")
POSITION_UNKNOWN = N_("Choose a position of the project's department from the list.")
OWNER_UNKNOWN = N_("Choose the responsible recruiter from the list.")
RECRUITER_UNKNOWN = N_("Choose the other recruiters from the list.")
NOT_A_DATE = N_("Write the date as YYYY-MM-DD, or choose it in the calendar.")
START_BEFORE_DEADLINE = N_("The start date cannot be before the application deadline.")
POSITIONS_WRONG = N_("Write how many people you hire: a whole number from 1 to 999.")
PLACE_TOO_LONG = N_("The place must be one line of at most 200 characters.")
EMPLOYMENT_UNKNOWN = N_("Choose the employment type from the list.")
LANGUAGES_REQUIRED = N_("Choose at least one language the project is advertised in.")
HEADLINE_TOO_LONG = N_("The headline must be one line of at most 300 characters.")
SECTION_TOO_LONG = N_("Please keep each part of the advert under 20,000 characters.")
AUTO_REJECT_WRONG = N_("Write a whole number of days from 1 to 90, or turn automatic rejection off.")


@dataclass
class ProjectForm:
    """The editor's fields as typed. adverts: language → {headline, introduction, job, offer, contact} in the
    editor's text format; questions: projects.screening's stored shape; "" means empty or off."""

    title: str = ""
    department_id: str = ""
    position_id: str = ""
    owner_id: str = ""
    recruiter_ids: list[str] = field(default_factory=list)
    deadline: str = ""
    start_date: str = ""
    positions: str = "1"
    place: str = ""
    employment_type: str = "FULL_TIME"
    languages: list[str] = field(default_factory=list)
    adverts: dict[str, dict[str, str]] = field(default_factory=dict)
    questions: list[dict] = field(default_factory=list)
    auto_reject_after_days: str = ""


@dataclass
class EditorChoices:
    """What the editor's selects offer: (id, name) pairs; positions with their department's id."""

    departments: list[tuple[int, str]]
    positions: list[tuple[int, str, int | None]]
    recruiters: list[tuple[int, str]]


def may_edit(user: CurrentUser) -> bool:
    """Admins and recruiters create and edit projects; hiring managers only look."""
    return user.role in EDITORS


def _require_editor(user: CurrentUser) -> None:
    if not may_edit(user):
        raise NotAllowed("edit_projects")


def editable_project(session: Session, user: CurrentUser, project_id: int) -> RecruitmentProject:
    """The project, when user may edit it (ProjectNotFound for one they may not see or a deleted one)."""
    _require_editor(user)
    project = session.exec(select(RecruitmentProject)
                           .where(RecruitmentProject.id == project_id, visible_projects(user))).first()
    if project is None:
        raise ProjectNotFound(project_id)
    return project


def organisation_today(session: Session, now: datetime | None = None) -> date:
    """Today's date in the organisation's time zone (deadlines are local days)."""
    return (now or utcnow()).astimezone(organisation_zone(session)).date()  # a bad zone falls back, never raises


def editor_choices(session: Session, project: RecruitmentProject | None = None) -> EditorChoices:
    """The active departments and positions (and the project's own, even when deactivated since: a closed
    project keeps what it had), and the active admins and recruiters, sorted by name."""
    kept_department = project.department_id if project is not None else None
    kept_position = project.position_id if project is not None else None
    departments = session.exec(select(Department.id, Department.name)
                               .where(or_(col(Department.active).is_(True), col(Department.id) == kept_department))
                               .order_by(Department.name)).all()
    positions = session.exec(select(Position.id, Position.title, Position.department_id)
                             .where(or_(col(Position.active).is_(True), col(Position.id) == kept_position))
                             .order_by(Position.title)).all()
    recruiters = session.exec(select(User.id, User.name).where(col(User.active).is_(True),
                                                               col(User.role).in_([r.value for r in EDITORS]))
                              .order_by(User.name)).all()
    return EditorChoices([(int(i), n) for i, n in departments], [(int(i), n, d) for i, n, d in positions],
                         [(int(i), n) for i, n in recruiters])


def _id(text) -> int | None:
    text = str(text or "").strip()
    return int(text) if text.isdigit() else None


def _day(text: str, name: str, errors: dict[str, str]) -> date | None:
    text = str(text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors[name] = NOT_A_DATE
        return None


def _one_line(text, limit: int, name: str, message: str, errors: dict[str, str]) -> str:
    text = str(text or "").strip()
    if "\n" in text or len(text) > limit:
        errors[name] = message
    return text


def _whole(text, low: int, high: int) -> int | None:
    text = str(text or "").strip()
    return int(text) if text.isdigit() and low <= int(text) <= high else None


def _details(session: Session, form: ProjectForm, errors: dict[str, str], owner_id: int | None,
             project: RecruitmentProject | None) -> dict:
    values: dict = {"title": _one_line(form.title, TITLE_MAX, "title", TITLE_TOO_LONG, errors)}
    if not values["title"] and "title" not in errors:
        errors["title"] = TITLE_REQUIRED
    choices = editor_choices(session, project)
    values["department_id"] = _id(form.department_id)
    if values["department_id"] not in {i for i, _ in choices.departments}:
        errors["department_id"] = DEPARTMENT_REQUIRED
    values["position_id"] = _id(form.position_id)
    if str(form.position_id or "").strip() and not any(
            i == values["position_id"] and d in (None, values["department_id"]) for i, _, d in choices.positions):
        errors["position_id"] = POSITION_UNKNOWN
    active = {i for i, _ in choices.recruiters}
    values["owner_id"] = _id(form.owner_id)
    if values["owner_id"] not in active and (owner_id is None or values["owner_id"] != owner_id):
        errors["owner_id"] = OWNER_UNKNOWN
    others = [_id(i) for i in form.recruiter_ids or []]
    if any(i not in active for i in others):
        errors["recruiters"] = RECRUITER_UNKNOWN
    values["recruiters"] = sorted({i for i in others if i is not None and i != values["owner_id"]})
    values["deadline"] = _day(form.deadline, "deadline", errors)
    values["start_date"] = _day(form.start_date, "start_date", errors)
    if values["deadline"] and values["start_date"] and values["start_date"] < values["deadline"]:
        errors["start_date"] = START_BEFORE_DEADLINE
    values["positions"] = _whole(form.positions, 1, POSITIONS_MAX)
    if values["positions"] is None:
        errors["positions"] = POSITIONS_WRONG
    values["place"] = _one_line(form.place, PLACE_MAX, "place", PLACE_TOO_LONG, errors) or None
    values["employment_type"] = str(form.employment_type or "")
    if values["employment_type"] not in EMPLOYMENT_TYPES:
        errors["employment_type"] = EMPLOYMENT_UNKNOWN
    return values


def _adverts(form: ProjectForm, languages: list[str], errors: dict[str, str]) -> dict[str, dict[str, str]]:
    """Each advertised language's advert as stored: the headline as text, the sections as clean HTML."""
    adverts = {}
    for language in languages:
        typed = (form.adverts or {}).get(language) or {}
        stored = {"headline": _one_line(typed.get("headline"), HEADLINE_MAX, f"advert_{language}_headline",
                                        HEADLINE_TOO_LONG, errors)}
        for name in ADVERT_TEXTS:
            text = str(typed.get(name) or "")
            if len(text) > SECTION_MAX:
                errors[f"advert_{language}_{name}"] = SECTION_TOO_LONG
            stored[name] = clean_html(markdown_to_html(text)) if text.strip() else ""
        adverts[language] = stored
    return adverts


def check_form(session: Session, form: ProjectForm, *, project: RecruitmentProject | None = None
               ) -> tuple[dict, dict[str, str]]:
    """The form's values as stored, and a message per field for what is wrong ("question-<id>" for a question,
    "advert_<language>_<part>" for the advert). project: the one being edited, whose responsible person,
    department and position may stay even when no longer active."""
    errors: dict[str, str] = {}
    values = _details(session, form, errors, project.owner_id if project is not None else None, project)
    languages = list(dict.fromkeys(code for code in form.languages or [] if code in LANGUAGES))  # the first: main
    if not languages:
        errors["languages"] = LANGUAGES_REQUIRED
    values["languages"] = languages
    values["adverts"] = _adverts(form, languages, errors)
    questions = screening.questions_of(form.questions)
    for key, message in screening.check_questions(questions, languages).items():
        errors["questions" if key == "questions" else f"question-{key}"] = message
    values["questions"] = [screening.to_json(q) for q in questions]
    days = str(form.auto_reject_after_days or "").strip()
    values["auto_reject_after_days"] = _whole(days, AUTO_REJECT_MIN, AUTO_REJECT_MAX) if days else None
    if days and values["auto_reject_after_days"] is None:
        errors["auto_reject_after_days"] = AUTO_REJECT_WRONG
    return values, errors


def _adverts_of(session: Session, project_id: int) -> dict[str, ProjectAdvert]:
    return {a.language: a for a in session.exec(select(ProjectAdvert).where(ProjectAdvert.project_id == project_id))}


def recruiter_ids(session: Session, project_id: int) -> list[int]:
    """The other recruiters on the project, beside the responsible one."""
    return sorted(session.exec(select(ProjectRecruiter.user_id).where(ProjectRecruiter.project_id == project_id)))


def _fresh_ids(session: Session, project_id: int, old_ids: set[str], questions: list[dict]) -> list[dict]:
    """questions with every new question's id unused by the project's applications: the editor numbers a new
    question after the ones it shows, so a removed question's id could come back and its answers, kept on the
    applications, would then count for the new question."""
    new = [q for q in questions if str(q.get("id")) not in old_ids]
    if not new:
        return questions
    answered: set[str] = set()
    for answers in session.exec(select(Application.screening_answers).where(Application.project_id == project_id)):
        answered.update(answers or {})
    taken = answered | {str(q.get("id")) for q in questions}
    renamed = {}
    for question in new:
        if str(question.get("id")) in answered:
            n = len(taken) + 1
            while f"q{n}" in taken:
                n += 1
            renamed[str(question["id"])] = f"q{n}"
            taken.add(f"q{n}")
    return [{**q, "id": renamed.get(str(q.get("id")), q.get("id"))} for q in questions]


def _judge_again(session: Session, project: RecruitmentProject) -> None:
    """The questions changed: every application's knock-out verdict is decided again from its answers, so the
    list's filter and the automatic rejection follow what the project asks now (an answer to a question that
    is gone no longer counts; a knock-out newly ticked counts for those who gave it)."""
    questions = screening.questions_of(project.screening_questions)
    rows = session.exec(select(Application.id, Application.screening_answers, Application.knocked_out)
                        .where(Application.project_id == project.id)).all()
    for application_id, answers, verdict in rows:
        now = screening.knocked_out(questions, answers or {}) if answers else (
            None if verdict is None else screening.knocked_out(questions, {}))
        if now != verdict:
            session.exec(update(Application).where(col(Application.id) == application_id).values(knocked_out=now))


def _store(session: Session, project: RecruitmentProject, values: dict) -> list[str]:
    """Write values onto project and its rows; the names of what changed (scalars, then the rest)."""
    changed = [name for name in SCALARS if getattr(project, name) != values[name]]
    for name in changed:
        setattr(project, name, values[name])
    if list(project.languages or []) != values["languages"]:
        changed.append("languages")
        project.languages = values["languages"]
    if [screening.to_json(q) for q in screening.questions_of(project.screening_questions)] != values["questions"]:
        changed.append("questions")
        old_ids = {str(q.get("id")) for q in project.screening_questions or []}
        project.screening_questions = _fresh_ids(session, project.id, old_ids, values["questions"])
        session.add(project)
        _judge_again(session, project)
    session.add(project)
    session.flush()
    if recruiter_ids(session, project.id) != values["recruiters"]:
        changed.append("recruiters")
        for row in session.exec(select(ProjectRecruiter).where(ProjectRecruiter.project_id == project.id)):
            session.delete(row)
        session.flush()
        session.add_all(ProjectRecruiter(project_id=project.id, user_id=i) for i in values["recruiters"])
    stored = _adverts_of(session, project.id)  # a language unticked keeps its advert: ticked again, it is back
    for language, texts in values["adverts"].items():
        advert = stored.get(language) or ProjectAdvert(project_id=project.id, language=language)
        if advert.id is None and not any(texts.values()):
            continue
        if any(getattr(advert, name) != texts[name] for name in ADVERT_FIELDS):
            changed.append(f"advert_{language}")
            for name in ADVERT_FIELDS:
                setattr(advert, name, texts[name])
            session.add(advert)
    return changed


def create_project(session: Session, user: CurrentUser, form: ProjectForm) -> RecruitmentProject:
    """A new Draft project from the form (the responsible recruiter defaults to user), with its history line.
    A recruiter or department admin who names someone else responsible is added beside them, so they still see
    what they created (accounts.access)."""
    _require_editor(user)
    owner_id = form.owner_id or str(user.id)
    others = list(form.recruiter_ids or [])
    if user.role != Role.ADMIN and owner_id != str(user.id) and str(user.id) not in map(str, others):
        others.append(str(user.id))
    form = ProjectForm(**{**form.__dict__, "owner_id": owner_id, "recruiter_ids": others})
    values, errors = check_form(session, form)
    if errors:
        raise InvalidInput(errors)
    project = RecruitmentProject(title=values["title"], status=ProjectStatus.DRAFT, created_at=utcnow())
    session.add(project)
    session.flush()
    _store(session, project, values)
    history.record(session, user, project, history.CREATED)
    session.flush()
    return project


def update_project(session: Session, user: CurrentUser, project_id: int, form: ProjectForm) -> list[str]:
    """Store the edited form on the project; the names of the fields that changed (none: nothing written)."""
    project = editable_project(session, user, project_id)
    values, errors = check_form(session, form, project=project)
    if errors:
        raise InvalidInput(errors)
    before = {name: history.stored_value(getattr(project, name)) for name in SCALARS}
    changed = _store(session, project, values)
    if changed:
        project.updated_at = utcnow()
        session.add(project)
        changes = {name: [before[name], history.stored_value(values[name])] for name in changed if name in SCALARS}
        history.record(session, user, project, history.EDITED, fields=changed, changes=changes)
        session.flush()
    return changed


def project_form(session: Session, user: CurrentUser, project_id: int) -> ProjectForm:
    """The project as the editor shows it (the advert back in the editor's text format)."""
    project = editable_project(session, user, project_id)
    adverts = {language: {"headline": a.headline, **{n: html_to_markdown(getattr(a, n)) if getattr(a, n) else ""
                                                     for n in ADVERT_TEXTS}}
               for language, a in _adverts_of(session, project.id).items() if language in (project.languages or [])}
    return ProjectForm(
        title=project.title, department_id=str(project.department_id or ""),
        position_id=str(project.position_id or ""), owner_id=str(project.owner_id or ""),
        recruiter_ids=[str(i) for i in recruiter_ids(session, project.id)],
        deadline=project.deadline.isoformat() if project.deadline else "",
        start_date=project.start_date.isoformat() if project.start_date else "",
        positions=str(project.positions), place=project.place or "", employment_type=project.employment_type,
        languages=list(project.languages or []), adverts=adverts,
        questions=[screening.to_json(q) for q in screening.questions_of(project.screening_questions)],
        auto_reject_after_days=str(project.auto_reject_after_days or ""))
