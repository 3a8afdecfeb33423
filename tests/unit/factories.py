"""Small builders for test data: each returns a committed row."""

from datetime import date, timedelta

from sqlmodel import Session

from ats_app.applications.applicant_keys import keys_for
from ats_app.core.passwords import hash_password
from ats_app.models import (
    Application,
    ApplicationStatus,
    Candidate,
    Department,
    ProjectStatus,
    RecruitmentProject,
    Role,
    User,
)


def make_user(session: Session, email: str = "admin@example.com", *, role: Role = Role.ADMIN, password: str = "demo",
              **fields) -> User:
    user = User(email=email, name=fields.pop("name", email.split("@")[0].title()), role=role,
                password_hash=hash_password(password), **fields)
    session.add(user)
    session.commit()
    return user


def make_department(session: Session, name: str = "Engineering") -> Department:
    department = Department(name=name)
    session.add(department)
    session.commit()
    return department


def make_project(session: Session, title: str = "Backend developer", *, department: Department | None = None,
                 status: ProjectStatus = ProjectStatus.OPEN, deadline: date | None = date(2026, 12, 15),
                 **fields) -> RecruitmentProject:
    project = RecruitmentProject(title=title, department_id=department.id if department else None, status=status,
                                 deadline=deadline, languages=["nb", "en"], **fields)
    session.add(project)
    session.commit()
    return project


def make_application(session: Session, project: RecruitmentProject, status: ApplicationStatus = ApplicationStatus.NEW,
                     *, first_name: str = "Kari", last_name: str = "Nordmann", **fields) -> Application:
    candidate = Candidate(first_name=first_name, last_name=last_name,
                          email=f"{first_name.lower()}.{last_name.lower()}@example.com", language="nb")
    session.add(candidate)
    session.flush()
    application = Application(candidate_id=candidate.id, project_id=project.id, status=status, **keys_for(candidate),
                              **fields)
    session.add(application)
    session.commit()
    return application


def login_as(session: Session, email: str = "admin@example.com", password: str = "demo"):
    """The CurrentUser of a fresh session for email (as the guard would find it)."""
    from ats_app.accounts import auth
    return auth.user_for_token(session, auth.log_in(session, email, password))


def email_choices(subject: str = "About {projecttitle}", body: str = "Hi {firstname},\n\nThank you.",
                  language: str = "en", **more) -> dict:
    """A valid email form (sender and one draft) for the actions that send email."""
    return {"sender": "Recruiter <recruitment@example.com>",
            "drafts": [{"language": language, "subject": subject, "body": body}], **more}


def offer_choices(body: str = "Hi {firstname}, we offer you {offerposition} from {startdate}.\n\n{offerlink}",
                  language: str = "en", **terms) -> dict:
    """A valid Send offer form: the terms (starting in 30 days, valid 14) and the offer email."""
    today = date.today()
    return {**email_choices("Offer: {offerposition}", body, language), "position_title": "Backend developer",
            "start_date": (today + timedelta(days=30)).isoformat(), "salary": "52 000", "salary_currency": "NOK",
            "salary_period": "month", "hours": "37.5 hours a week", "place_of_work": "Oslo",
            "valid_until": (today + timedelta(days=14)).isoformat(), "terms": "", **terms}


def make_panel(session: Session, project: RecruitmentProject, applications: list[Application], *,
               reviewers: tuple[str, ...] = ("anna@partner.example", "bo@partner.example"),
               due_date: date | None = None, created_by: User | None = None, **fields):
    """A panel on applications with outside reviewers; returns (panel, [(reviewer, token), ...])."""
    from datetime import timedelta

    from ats_app.delivery.sealed_links import review_token
    from ats_app.models import PanelReview, PanelReviewApplication
    from ats_app.panel_review import panels

    due = due_date or date.today() + timedelta(days=7)
    panel = PanelReview(project_id=project.id, created_by_id=created_by.id if created_by else None, due_date=due,
                        closes_at=panels.closing_time(session, due), **fields)
    session.add(panel)
    session.flush()
    for position, application in enumerate(applications):
        session.add(PanelReviewApplication(panel_review_id=panel.id, application_id=application.id, position=position))
    made = []
    for email in reviewers:
        reviewer, _link = panels.new_reviewer(session, panel, email=email, name=email.split("@")[0].title(),
                                              language="en")
        made.append((reviewer, review_token(reviewer)))
    session.commit()
    return panel, made


def put_on_project(session: Session, project: RecruitmentProject, *users: User) -> RecruitmentProject:
    """Add users to project as recruiters (beside the responsible one): a recruiter sees only the projects they
    are on, unless they hold can_see_department_projects."""
    from ats_app.models import ProjectRecruiter

    for user in users:
        session.add(ProjectRecruiter(project_id=project.id, user_id=user.id))
    session.commit()
    return project
