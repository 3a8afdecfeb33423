"""Reference data every installation needs: rejection types and reasons, default settings."""

from sqlmodel import Session, select

from ats_app.applications.stages import STAGES
from ats_app.models import PrivacyText, RejectionReason, RejectionType, Setting
from ats_app.organisation.privacy_defaults import DEFAULT_PRIVACY_TEXTS

LANGUAGES = ("en", "nb", "sv", "da", "fi", "nl")

# (code, default delay in days) of every rejection type, in process order.
REJECTION_TYPES = tuple((stage.code, stage.default_delay_days) for stage in STAGES)

# Reason labels feed the rejection form and the rejection reasons report; they are written so that
# a recruiter can read them aloud on the phone without sounding harsh.
REJECTION_REASONS: dict[str, dict[str, str]] = {
    "requirement_not_met": {
        "en": "Did not meet the requirements of the position",
        "nb": "Oppfylte ikke kravene til stillingen",
        "sv": "Uppfyllde inte kraven för tjänsten",
        "da": "Opfyldte ikke kravene til stillingen",
        "fi": "Ei täyttänyt tehtävän vaatimuksia",
        "nl": "Voldeed niet aan de functie-eisen",
    },
    "insufficient_experience": {
        "en": "Less relevant experience than the position requires",
        "nb": "Mindre relevant erfaring enn stillingen krever",
        "sv": "Mindre relevant erfarenhet än tjänsten kräver",
        "da": "Mindre relevant erfaring end stillingen kræver",
        "fi": "Työkokemus ei vielä vastannut tehtävän vaatimuksia",
        "nl": "Minder relevante ervaring dan de functie vraagt",
    },
    "better_matched_candidates": {
        "en": "Other candidates matched the position more closely",
        "nb": "Andre kandidater passet bedre til stillingen",
        "sv": "Andra kandidater matchade tjänsten bättre",
        "da": "Andre kandidater matchede stillingen bedre",
        "fi": "Muut hakijat vastasivat tehtävän tarpeita paremmin",
        "nl": "Andere kandidaten sloten beter aan bij de functie",
    },
    "insufficient_language_skills": {
        "en": "Language skills did not match what the position needs",
        "nb": "Språkferdighetene dekket ikke stillingens behov",
        "sv": "Språkkunskaperna motsvarade inte tjänstens behov",
        "da": "Sprogkundskaberne matchede ikke stillingens behov",
        "fi": "Kielitaito ei vastannut tehtävän tarpeita",
        "nl": "Taalvaardigheid sloot niet aan bij wat de functie vraagt",
    },
    "position_filled_internally": {
        "en": "The position was filled internally",
        "nb": "Stillingen ble besatt internt",
        "sv": "Tjänsten tillsattes internt",
        "da": "Stillingen blev besat internt",
        "fi": "Tehtävä täytettiin sisäisesti",
        "nl": "De functie is intern ingevuld",
    },
    "position_withdrawn": {
        "en": "The position was withdrawn",
        "nb": "Stillingen ble trukket tilbake",
        "sv": "Tjänsten drogs tillbaka",
        "da": "Stillingen blev trukket tilbage",
        "fi": "Rekrytointi keskeytettiin",
        "nl": "De vacature is ingetrokken",
    },
    "candidate_declined": {
        "en": "The candidate declined",
        "nb": "Kandidaten takket nei",
        "sv": "Kandidaten tackade nej",
        "da": "Kandidaten takkede nej",
        "fi": "Hakija kieltäytyi",
        "nl": "De kandidaat heeft afgezien",
    },
    "no_response": {
        "en": "No response from the candidate",
        "nb": "Ingen svar fra kandidaten",
        "sv": "Inget svar från kandidaten",
        "da": "Intet svar fra kandidaten",
        "fi": "Hakija ei vastannut yhteydenottoihin",
        "nl": "Geen reactie van de kandidaat",
    },
    "other": {
        "en": "Other reason",
        "nb": "Annen begrunnelse",
        "sv": "Annan anledning",
        "da": "Anden årsag",
        "fi": "Muu syy",
        "nl": "Andere reden",
    },
}

DEFAULT_SETTINGS = {"company_name": "Nordlys AS", "time_zone": "Europe/Oslo"}


def ensure_reference_data(session: Session) -> None:
    """Add whatever reference rows are missing; rows that exist are left as the admins edited them.

    Safe to run at every start-up and before demo data. Flushes, does not commit.
    """
    have_types = set(session.exec(select(RejectionType.code)).all())
    for sequence, (code, delay) in enumerate(REJECTION_TYPES, start=1):
        if code not in have_types:
            session.add(RejectionType(code=code, sequence=sequence, template_kind=f"rejection.{code}",
                                      default_delay_days=delay))
    have_reasons = set(session.exec(select(RejectionReason.code, RejectionReason.language)).all())
    for sequence, (code, labels) in enumerate(REJECTION_REASONS.items(), start=1):
        for language in LANGUAGES:
            if (code, language) not in have_reasons:
                session.add(RejectionReason(code=code, language=language, label=labels[language],
                                            sequence=sequence))
    have_settings = set(session.exec(select(Setting.key)).all())
    for key, value in DEFAULT_SETTINGS.items():
        if key not in have_settings:
            session.add(Setting(key=key, value=value))
    have_privacy = set(session.exec(select(PrivacyText.language)).all())
    for language, text in DEFAULT_PRIVACY_TEXTS.items():  # so that a fresh database can take applications
        if language not in have_privacy:
            session.add(PrivacyText(language=language, version=1, text=text))
    session.flush()
