"""Send to review panel: ticked applicants of one project go to reviewers inside and outside the organisation,
who rate them 1–7 from one sealed link each until the due date.

The form is checked once (reviewers, options, due date, the email per reviewer language, which must keep the
review link); then one panel is made for all the applicants the user may still send (a rejected, withdrawn or
deleted one is skipped), each reviewer gets their own invitation in their language through the outbox with the
link's placeholder, outside reviewers are remembered for the project, and every applicant gets a history line.
"""

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import TypedDict

from sqlmodel import Session, col, func, select

from ats_app.accounts.auth import CurrentUser, normalise_email
from ats_app.applications.further_progress_action import FurtherProgressAction, require, start
from ats_app.applications.history import record
from ats_app.applications.transitions import ANY
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import LANGUAGES, N_, normalise_language
from ats_app.delivery.outbox import queue_email
from ats_app.mail.compose import Draft, DraftForm, check_email, draft_for, render_draft, valid_address
from ats_app.models import PanelContact, PanelReview, PanelReviewApplication, RecruitmentProject, User
from ats_app.models.base import utcnow
from ats_app.panel_review import panels
from ats_app.panel_review.choosing import (
    DUE_MAX_DAYS,
    KIND,
    LINK_TAG,
    department_users,
    may_send_for,
    panel_project,
    panel_values,
)
from ats_app.panel_review.material import Sharing
from ats_app.projects.editing import organisation_today

MAX_REVIEWERS = 20
NAME_MAX = 200
OTHER_PROJECT = N_("of another project")
OPTION_DEFAULTS = {"allow_rating": True, "allow_comments": True, "notify_on_completion": False, "share_cv": True,
                   "share_cover_letter": True, "share_answers": True, "anonymise": False}


class OutsideReviewerForm(TypedDict, total=False):
    """One outside reviewer's row."""

    email: str
    name: str
    language: str


class PanelForm(TypedDict, total=False):
    """The Send to review panel form as the UI sends it (the ticked applications included: the reviewers to
    choose from are their project's)."""

    application_ids: list[int]
    internal: list[int]  # user ids
    external: list[OutsideReviewerForm]
    allow_rating: bool
    allow_comments: bool
    notify_on_completion: bool
    share_cv: bool
    share_cover_letter: bool
    share_answers: bool
    anonymise: bool
    due_date: str  # ISO date
    sender: str
    drafts: list[DraftForm]


@dataclass(frozen=True)
class PanelPerson:
    """A reviewer to invite: a user of the department (user_id) or an outside address."""

    email: str
    name: str
    language: str
    user_id: int | None = None


@dataclass(frozen=True)
class PanelOptions:
    """What the panel may do (PanelReview's fields of the same names) and what it is shown."""

    allow_rating: bool = True
    allow_comments: bool = True
    notify_on_completion: bool = False
    sharing: Sharing = Sharing()

    def fields(self) -> dict[str, bool]:
        """As PanelReview's columns."""
        return {"allow_rating": self.allow_rating, "allow_comments": self.allow_comments,
                "notify_on_completion": self.notify_on_completion, **asdict(self.sharing)}


@dataclass(frozen=True)
class PanelPlan:
    """The checked form: one panel for the run."""

    project_id: int
    reviewers: tuple[PanelPerson, ...]
    options: PanelOptions
    due_date: date
    sender: str
    drafts: list[Draft]


def _internal(session: Session, project: RecruitmentProject, raw) -> list[PanelPerson]:
    users = {u.id: u for u in department_users(session, project)}
    chosen: list[PanelPerson] = []
    for value in raw or []:
        try:
            user = users.get(int(value))
        except (TypeError, ValueError):
            user = None
        if user is None:
            raise InvalidChoice("internal", N_("Choose the internal reviewers from the list."))
        if all(p.user_id != user.id for p in chosen):
            chosen.append(PanelPerson(normalise_email(user.email), user.name, normalise_language(user.language),
                                      user.id))
    return chosen


def _external(raw) -> list[tuple[int, PanelPerson]]:
    rows = []
    for index, row in enumerate(raw or []):
        row = row if isinstance(row, dict) else {}
        email = normalise_email(str(row.get("email") or ""))
        name = " ".join(str(row.get("name") or "").split())
        field = f"external:{index}"
        if not email and not name:
            continue  # an empty row: nobody
        if not email:
            raise InvalidChoice(field, N_("Enter the reviewer's email address."))
        if not valid_address(email):
            raise InvalidChoice(field, N_("{address} is not a valid email address."), address=email)
        if len(name) > NAME_MAX:
            raise InvalidChoice(field, N_("The name can be at most {max} characters."), max=NAME_MAX)
        language = str(row.get("language") or "")
        if language not in LANGUAGES:
            raise InvalidChoice(field, N_("Choose the reviewer's language."))
        rows.append((index, PanelPerson(email, name, language)))
    return rows


def check_reviewers(session: Session, project: RecruitmentProject, form: PanelForm) -> tuple[PanelPerson, ...]:
    """The chosen users and outside addresses: at least one, at most MAX_REVIEWERS, nobody twice."""
    people = _internal(session, project, form.get("internal"))
    seen = {p.email for p in people}
    for index, person in _external(form.get("external")):
        if person.email in seen:
            raise InvalidChoice(f"external:{index}", N_("{address} is already a reviewer on this panel."),
                                address=person.email)
        seen.add(person.email)
        people.append(person)
    if not people:
        raise InvalidChoice("reviewers", N_("Choose at least one reviewer."))
    if len(people) > MAX_REVIEWERS:
        raise InvalidChoice("reviewers", N_("A panel can have at most {max} reviewers."), max=MAX_REVIEWERS)
    return tuple(people)


def check_options(form: PanelForm) -> PanelOptions:
    """The tick boxes; a panel that may neither rate nor comment has nothing to do."""
    ticked = {key: bool(form.get(key, default)) for key, default in OPTION_DEFAULTS.items()}
    options = PanelOptions(ticked.pop("allow_rating"), ticked.pop("allow_comments"),
                           ticked.pop("notify_on_completion"), Sharing(**ticked))
    if not options.allow_rating and not options.allow_comments:
        raise InvalidChoice("allow_rating", N_("Allow rating or comments: a panel with neither has nothing to do."))
    return options


def check_due_date(session: Session, value) -> date:
    """The due date: from tomorrow up to a year ahead, in the organisation's days."""
    text = str(value or "").strip()
    if not text:
        raise InvalidChoice("due_date", N_("Choose the due date."))
    try:
        due = date.fromisoformat(text)
    except ValueError:
        raise InvalidChoice("due_date", N_("Enter the due date as a date.")) from None
    today = organisation_today(session)
    if not today < due <= today + timedelta(days=DUE_MAX_DAYS):
        raise InvalidChoice("due_date", N_("The due date must be between tomorrow and one year from today."))
    return due


def prepare_panel(session: Session, user: CurrentUser, form: PanelForm) -> PanelPlan:
    """Check the form once for the run, field by field; nothing changes when it fails."""
    project = panel_project(session, user, list(form.get("application_ids") or []))
    reviewers = check_reviewers(session, project, form)
    options = check_options(form)
    due = check_due_date(session, form.get("due_date"))
    email = check_email(KIND, {"sender": form.get("sender", ""), "drafts": form.get("drafts", [])},
                        required_tag=LINK_TAG)
    written = {d.language for d in email.drafts}
    for person in reviewers:
        if person.language not in written:
            raise InvalidChoice(f"body:{person.language}", N_("Write the email in {language} too: a reviewer "
                                                              "reads that language."),
                                language=LANGUAGES[person.language])
    drafts = [d for d in email.drafts if d.language in {p.language for p in reviewers}]
    return PanelPlan(project.id, reviewers, options, due, email.sender, drafts)


def remember(session: Session, project_id: int, person: PanelPerson) -> None:
    """Keep an outside reviewer for the project's next panel (their latest name and language)."""
    contact = session.exec(select(PanelContact).where(PanelContact.project_id == project_id,
                                                      PanelContact.email == person.email)).first()
    contact = contact or PanelContact(project_id=project_id, email=person.email)
    contact.name, contact.language, contact.last_used_at = person.name or contact.name, person.language, utcnow()
    session.add(contact)


def send_to_panel(session: Session, user: CurrentUser, application_ids: list[int],
                  plan: PanelPlan) -> dict[int, ActionRefused | None]:
    """One panel for the applicants user may still send, an invitation per reviewer, a history line per
    applicant. Returns id → None (in the panel) or why not; the caller commits."""
    require(user, PANEL_REVIEW)
    project = session.get(RecruitmentProject, plan.project_id)
    if project is None or not may_send_for(user, project):
        raise NotAllowed(PANEL_REVIEW.key)
    outcome: dict[int, ActionRefused | None] = {}
    wanted = []
    for application_id in application_ids:
        try:
            application = start(session, user, PANEL_REVIEW, application_id)
        except ActionRefused as refused:
            outcome[application_id] = refused
            continue
        if application.project_id != project.id:
            outcome[application_id] = ActionRefused(OTHER_PROJECT)
        else:
            wanted.append(application)
    if not wanted:
        return outcome
    panel = PanelReview(project_id=project.id, created_by_id=user.id, due_date=plan.due_date,
                        closes_at=panels.closing_time(session, plan.due_date), **plan.options.fields())
    session.add(panel)
    session.flush()
    for position, application in enumerate(wanted):
        session.add(PanelReviewApplication(panel_review_id=panel.id, application_id=application.id, position=position))
    for person in plan.reviewers:
        # A colleague typed in as an address is still that user: rating blind inside the app as well.
        user_id = person.user_id or session.exec(select(User.id).where(
            func.lower(User.email) == person.email, col(User.active).is_(True))).first()
        reviewer, link = panels.new_reviewer(session, panel, email=person.email, name=person.name,
                                             language=person.language, user_id=user_id)
        if person.user_id is None:
            remember(session, project.id, person)
        values = panel_values(session, user, wanted[0].id, person.language, reviewer_name=person.name or person.email,
                              due_date=plan.due_date, count=len(wanted), link=link)
        email = render_draft(session, draft_for(plan.drafts, person.language), KIND, values, person.language)
        queue_email(session, recipient=person.email, subject=email.subject, html=email.html, text=email.text,
                    sender=plan.sender, reply_to=user.email, purpose=KIND, kind=KIND, language=person.language,
                    created_by_id=user.id, reviewer_id=reviewer.id)
    for application in wanted:
        record(session, user, application, "panel_sent", panel_review_id=panel.id, reviewers=len(plan.reviewers),
               due_date=plan.due_date.isoformat())
        outcome[int(application.id)] = None
    return outcome


PANEL_REVIEW: FurtherProgressAction[PanelForm, PanelPlan] = FurtherProgressAction(
    "panel_review", N_("Send to review panel"), rights=("can_send_to_panel",),
    allowed_from=ANY - set(panels.REMOVED), form="panel_review", template_kind=KIND, prepare=prepare_panel,
    run_all=send_to_panel, sends_email=True, hiring_managers=True)
