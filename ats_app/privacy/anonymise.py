"""Anonymised candidate profiles for "Forward to email" with *Anonymise personal data*.

Why: a forwarded profile lands in a colleague's mailbox and stays there, and the hiring manager needs
skills and experience, not who the person is (GDPR data minimisation, research/deps.md §9). So the name
becomes a pseudonym (K-4711), the birth date an age band, the city stays (the region matters for the
job), and everything else that points at the person (email, phone, street address and postcode,
national ID numbers, links, photo) is left out, and redacted from free text (cover letter, screening
answers, CV text) with a bracketed label in the reader's language. No ML model: regexes, phonenumbers,
python-stdnum check digits and the candidate's own values in their usual spellings. The original CV file
is never used: the anonymised CV is rendered afresh from the redacted CV text.
"""

import html
from datetime import date

from ats_app.core.i18n import normalise_language
from ats_app.core.pdf import pdf_from_html
from ats_app.models import Application, Candidate
from ats_app.privacy.redaction import clean_answers, patterns_for, personal_values, redact_with

_YEARS = {"en": "years", "nb": "år", "sv": "år", "da": "år", "fi": "vuotta", "nl": "jaar"}
_ANONYMISED_CV = {"en": "Anonymised CV", "nb": "Anonymisert CV", "sv": "Anonymiserat CV",
                  "da": "Anonymiseret CV", "fi": "Anonymisoitu CV", "nl": "Geanonimiseerd cv"}


def candidate_ref(candidate_id: int) -> str:
    """The pseudonym shown instead of the name ("K-4711"): the same in every language, so the recruiter
    can find the person when the colleague answers about "K-4711"."""
    return f"K-{candidate_id}"


def age_band(birth_date: date | None, today: date, language: str) -> str | None:
    """The ten-year band of the candidate's age ("30–39 år"): enough for the reader, not a birth date.
    None without a birth date or with one in the future."""
    if birth_date is None:
        return None
    age = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
    if age < 0:
        return None
    low = age // 10 * 10
    return f"{low}–{low + 9} {_YEARS[normalise_language(language)]}"


def anonymised_profile(candidate: Candidate, application: Application | None, today: date, *,
                       language: str | None = None) -> dict:
    """The profile as it may be forwarded: pseudonym, age band, city and country, language, and the cover
    letter, screening answers and CV text with every personal value of this candidate redacted. Labels
    and the age band are in language (default: the candidate's). application may be None (CV database)."""
    language = normalise_language(language or candidate.language)
    region = (candidate.country or "").upper() or None
    finnish = "fi" in (language, normalise_language(candidate.language)) or region == "FI"
    patterns = patterns_for(list(personal_values(candidate).items()), region, finnish)

    def clean(text: str | None) -> str | None:
        return redact_with(text, patterns, language, region) if text else text

    return {
        "ref": candidate_ref(candidate.id),
        "age_band": age_band(candidate.birth_date, today, language),
        "city": candidate.city,
        "country": candidate.country,
        "language": candidate.language,
        "cover_letter": clean(application.cover_letter) if application is not None else None,
        "screening_answers": clean_answers(application.screening_answers or {}, clean)
        if application is not None else {},
        "cv_text": clean(candidate.cv_text),
    }


def anonymised_cv_html(candidate: Candidate, today: date, *, language: str | None = None) -> str | None:
    """The HTML of the anonymised CV: the pseudonym as heading, age band and city, then the redacted CV
    text. None when the candidate has no CV text. Never reads the original CV file."""
    profile = anonymised_profile(candidate, None, today, language=language)
    if not profile["cv_text"]:
        return None
    language = normalise_language(language or candidate.language)
    meta = " · ".join(p for p in (_ANONYMISED_CV[language], profile["age_band"], profile["city"]) if p)
    ref = html.escape(profile["ref"])
    return (f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{ref}</title>'
            f"<style>{_CV_CSS}</style></head><body><h1>{ref}</h1><p class=\"meta\">{html.escape(meta)}</p>"
            f'<div class="cv">{html.escape(profile["cv_text"])}</div></body></html>')


def anonymised_cv_pdf(candidate: Candidate, today: date, *, language: str | None = None) -> bytes | None:
    """An A4 PDF of the anonymised CV (WeasyPrint; only data: URLs may be fetched, nothing remote).
    None when the candidate has no CV text. The original CV file is never used."""
    source = anonymised_cv_html(candidate, today, language=language)
    if source is None:
        return None
    return pdf_from_html(source)


_CV_CSS = """@page { size: A4; margin: 20mm 18mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #1f2933; }
h1 { font-size: 20pt; color: #174f73; margin: 0 0 2pt; }
.meta { color: #59636e; margin: 0 0 12pt; padding-bottom: 6pt; border-bottom: 1.5pt solid #174f73; }
.cv { white-space: pre-wrap; overflow-wrap: break-word; }"""
