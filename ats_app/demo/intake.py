"""Demo applications that came through the careers site's form (the demo's adverts are demo.adverts'): a few
candidates apply to open projects through intake.applying, with a small
generated PDF CV each, so the applications, files, consent and "application received" emails are real."""

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from ats_app.demo.cv_pdf import render_cv_pdf
from ats_app.intake.applying import receive_application
from ats_app.intake.uploads import Upload
from ats_app.models import Candidate, Message, MessageStatus, ProjectStatus, RecruitmentProject
from ats_app.projects import screening

# (first name, last name, language, mobile, city, answer every question with "yes"?)
APPLICANTS = (
    ("Ingrid", "Solberg", "nb", "+47 915 22 480", "Oslo", True),
    ("Emil", "Lindqvist", "sv", "+46 70 412 33 18", "Stockholm", True),
    ("Freja", "Kjær", "da", "+45 20 44 81 90", "Aarhus", True),
    ("Aino", "Virtanen", "fi", "+358 40 712 4455", "Tampere", False),
    ("Daan", "Bakker", "nl", "+31 6 41 22 80 19", "Utrecht", True),
    ("Olivia", "Hughes", "en", "+44 7812 345678", "London", False),
)

COUNTRY = {"nb": "NO", "sv": "SE", "da": "DK", "fi": "FI", "nl": "NL", "en": "GB"}
ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def _answers(project: RecruitmentProject, meets: bool) -> dict:
    answers = {}
    for q in screening.questions_of(project.screening_questions):
        fitting = [c.id for c in q.choices if c.knockout != meets] or [c.id for c in q.choices]
        if q.kind == screening.SEVERAL:
            answers[q.id] = fitting[:1]
        elif q.choices:
            answers[q.id] = fitting[0]
        elif q.kind == screening.NUMBER:
            answers[q.id] = "5" if meets else "0"
        else:
            answers[q.id] = "Yes"
    return answers


def apply_through_the_form(session: Session, now: datetime) -> int:
    """A few applications to the open projects as the careers form sends them; returns how many."""
    projects = session.exec(select(RecruitmentProject).where(RecruitmentProject.status == ProjectStatus.OPEN,
                                                             col(RecruitmentProject.deleted_at).is_(None))
                            .order_by(col(RecruitmentProject.id))).all()
    made = 0
    for n, (first, last, language, mobile, city, meets) in enumerate(APPLICANTS):
        if not projects:
            break
        project = projects[n % len(projects)]
        email = f"{first}.{last}@example.net".lower().translate(ASCII)
        cv = render_cv_pdf({"name": f"{first} {last}", "headline": project.title, "language": language,
                            "contact": [email, mobile, city],
                            "profile": f"{first} applies for {project.title}."})
        form = {"first_name": first, "last_name": last, "email": email,
                "mobile": mobile, "city": city, "language": language, "consent": True,
                "answers": _answers(project, meets), "cover_letter": f"{first} {last}\n\n{project.title}"}
        files = {"cv": Upload(f"CV {first} {last}.pdf", cv)}
        application = receive_application(session, project.id, form, files,  # type: ignore[arg-type]
                                          now=now - timedelta(hours=n + 1))
        candidate = session.get(Candidate, application.candidate_id)
        candidate.country = COUNTRY[language]
        session.add(candidate)
        made += 1
    # Like every demo email: held, as a demo has no provider (nothing leaves, and the Outbox page shows them).
    for message in session.exec(select(Message).where(Message.status == MessageStatus.QUEUED,
                                                      Message.purpose == "application_received")).all():
        message.status = MessageStatus.HELD
        session.add(message)
    session.flush()
    return made
