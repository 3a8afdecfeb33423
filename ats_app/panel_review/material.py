"""What a panel is shown of one candidate: the material the recruiter chose to share, anonymised when asked.

The same shaping serves the review page, the sender's preview ("what the reviewers will see") and the
download routes, so a reviewer can never get more than the preview showed. Contact details (email, phone,
address, date of birth) are not listed for a panel: rating needs the person's experience, not their address;
the CV text and file, when shared without anonymising, are the candidate's own and may hold them. Anonymised,
the name is the pseudonym (K-4711), the texts are redacted as Forward redacts them, and the CV is rebuilt from
the redacted text; the original files are not offered.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from ats_app.core.i18n import format_day, gettext
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import Application, Candidate, RecruitmentProject
from ats_app.privacy.anonymise import anonymised_profile
from ats_app.projects import screening


@dataclass(frozen=True)
class Sharing:
    """What a panel may see (a PanelReview's options, or the send form's before it is sent)."""

    share_cv: bool = True
    share_cover_letter: bool = True
    share_answers: bool = True
    anonymise: bool = False


@dataclass(frozen=True)
class CandidateMaterial:
    """One candidate as the panel sees them."""

    application_id: int
    name: str
    city: str
    applied: str  # the date applied, in the reader's language
    cover_letter: list[str] = field(default_factory=list)  # paragraphs
    answers: list[tuple[str, str]] = field(default_factory=list)  # (question, answer in words)
    cv_text: list[str] = field(default_factory=list)  # paragraphs (the redacted text when anonymised)
    cv_file: str = ""  # the file's name when the original CV may be downloaded ("" otherwise)
    cv_pdf: bool = False  # anonymised: a PDF rebuilt from the redacted text may be downloaded
    cover_letter_file: str = ""  # the cover letter's file name when it may be downloaded


def paragraphs(text: str | None) -> list[str]:
    """Blank-line separated paragraphs of a free text."""
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def candidate_material(session: Session, sharing: Sharing, application_id: int, language: str,
                       today: date | None = None) -> CandidateMaterial | None:
    """The candidate of application_id as a panel with sharing sees them, labels in language."""
    application = session.get(Application, application_id)
    if application is None:
        return None
    candidate = session.get(Candidate, application.candidate_id)
    project = session.get(RecruitmentProject, application.project_id)
    zone = organisation_zone(session)
    applied = format_day(application.applied_at.astimezone(zone).date(), language) if application.applied_at else ""
    questions = screening.questions_of(project.screening_questions if project else None)

    def answers_of(raw: dict) -> list[tuple[str, str]]:
        if not sharing.share_answers:
            return []
        return screening.answered(questions, raw or {}, language, lambda text: gettext(language, text))

    if sharing.anonymise:
        profile = anonymised_profile(candidate, application, today or date.today(), language=language)
        cv_text = paragraphs(profile["cv_text"]) if sharing.share_cv else []
        return CandidateMaterial(
            application_id=application_id, name=profile["ref"], city=profile["city"] or "", applied=applied,
            cover_letter=paragraphs(profile["cover_letter"]) if sharing.share_cover_letter else [],
            answers=answers_of(profile["screening_answers"]), cv_text=cv_text, cv_pdf=bool(cv_text))
    return CandidateMaterial(
        application_id=application_id, name=f"{candidate.first_name} {candidate.last_name}".strip(),
        city=candidate.city or "", applied=applied,
        cover_letter=paragraphs(application.cover_letter) if sharing.share_cover_letter else [],
        answers=answers_of(application.screening_answers or {}),
        cv_text=paragraphs(candidate.cv_text) if sharing.share_cv else [],
        cv_file=(candidate.cv_filename or "cv.pdf") if sharing.share_cv and candidate.cv_file_key else "",
        cover_letter_file=(application.cover_letter_filename or "")
        if sharing.share_cover_letter and application.cover_letter_file_key else "")


def sharing_of(panel) -> Sharing:
    """The Sharing of a stored panel."""
    return Sharing(panel.share_cv, panel.share_cover_letter, panel.share_answers, panel.anonymise)
