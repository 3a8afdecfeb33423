"""What the application form shows for one open project: its headline and languages, the screening questions
in the candidate's language, and the current privacy text they consent to."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from ats_app.careers import listing
from ats_app.core.i18n import gettext
from ats_app.models import RecruitmentProject
from ats_app.organisation import privacy_texts
from ats_app.projects import screening


@dataclass(frozen=True)
class FormQuestion:
    """One screening question as the form asks it."""

    id: str
    kind: str
    text: str
    mandatory: bool
    choices: list[tuple[str, str]]  # (choice id, label in the candidate's language)

    @property
    def field(self) -> str:
        return f"answer:{self.id}"


@dataclass(frozen=True)
class ApplicationFormView:
    """The form of one project in one language."""

    project_id: int
    headline: str
    language: str
    languages: list[str]
    company: str
    questions: list[FormQuestion]
    privacy_text: str
    privacy_version: int  # posted back, so the consent names the version read


def form_questions(stored: list[dict], language: str) -> list[FormQuestion]:
    """A project's questions in language (yes and no in the product's own words)."""
    asked = []
    for q in screening.questions_of(stored):
        choices = [(c.id, gettext(language, screening.choice_label(q, c, language)) if q.kind == screening.YES_NO
                    else screening.choice_label(q, c, language)) for c in q.choices]
        asked.append(FormQuestion(q.id, q.kind, screening.in_language(q.text, language, q.id), q.mandatory, choices))
    return asked


def form_for(session: Session, project_id: int, wanted: str, today: date) -> ApplicationFormView | None:
    """The form of an open project in the visitor's language among the project's; None when it takes no
    applications."""
    item = listing.advert(session, project_id, wanted, today)
    if item is None:
        return None
    project = session.get(RecruitmentProject, project_id)
    assert project is not None
    privacy = privacy_texts.current(session, item.language)
    return ApplicationFormView(project_id=item.id, headline=item.headline, language=item.language,
                               languages=item.languages, company=item.company,
                               questions=form_questions(project.screening_questions, item.language),
                               privacy_text=privacy.text, privacy_version=privacy.version)
