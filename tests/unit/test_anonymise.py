"""Anonymisation for "Forward to email": no personal value may survive in the forwarded profile or PDF.

The national ID numbers are generated here with their real check digits (and confirmed with
python-stdnum), so detection is tested on numbers that look exactly like real ones.
"""

import io
import re
import shutil
import subprocess
from datetime import date

import pytest
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.nl import bsn
from stdnum.no import fodselsnummer
from stdnum.se import personnummer

from ats_app.core import files
from ats_app.models import Candidate
from ats_app.privacy import redaction
from ats_app.privacy.anonymise import age_band, anonymised_cv_html, anonymised_cv_pdf, anonymised_profile, candidate_ref
from ats_app.privacy.redaction import personal_values, redact
from tests.unit.factories import make_application, make_project

TODAY = date(2025, 6, 1)


# --- valid national ID numbers ---------------------------------------------------------------------

def make_fodselsnummer(born: date, individual: int = 123) -> str:
    """A Norwegian fødselsnummer with both mod-11 check digits (skipping individual numbers without one)."""
    while True:
        base = f"{born:%d%m%y}{individual:03d}"
        k1 = (11 - sum(w * int(n) for w, n in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), base))) % 11
        k2 = (11 - sum(w * int(n) for w, n in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), f"{base}{k1}"))) % 11
        if k1 < 10 and k2 < 10:
            return f"{base}{k1}{k2}"
        individual += 1


def make_personnummer(born: date, serial: int = 238) -> str:
    """A Swedish personnummer YYMMDD-NNNC with its Luhn check digit."""
    base = f"{born:%y%m%d}{serial:03d}"
    total = sum(sum(divmod(int(ch) * (2 - i % 2), 10)) for i, ch in enumerate(base))
    return f"{base[:6]}-{base[6:]}{(10 - total % 10) % 10}"


def make_hetu(born: date, serial: int = 345) -> str:
    """A Finnish henkilötunnus DDMMYY-NNNC (1900s) with its mod-31 check character."""
    digits = f"{born:%d%m%y}{serial:03d}"
    return f"{born:%d%m%y}-{serial:03d}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[int(digits) % 31]}"


def make_bsn(prefix: int = 11122233) -> str:
    """A Dutch BSN passing the 11-test."""
    while True:
        digits = f"{prefix:08d}"
        check = sum((9 - i) * int(d) for i, d in enumerate(digits)) % 11
        if check < 10:
            return f"{digits}{check}"
        prefix += 1


KARI_BORN, ANNA_BORN, METTE_BORN, MATTI_BORN, JAN_BORN = (date(1990, 4, 17), date(1988, 11, 3), date(1979, 8, 5),
                                                          date(1985, 2, 12), date(1995, 12, 1))
KARI_FNR = make_fodselsnummer(KARI_BORN)
KARI_PNR = make_personnummer(KARI_BORN)  # Kari lived in Gothenburg for four years
ANNA_PNR = make_personnummer(ANNA_BORN, serial=512)
METTE_CPR = f"{METTE_BORN:%d%m%y}-1234"
MATTI_HETU = make_hetu(MATTI_BORN)
JAN_BSN = make_bsn()


def test_generated_ids_are_valid():
    assert fodselsnummer.is_valid(KARI_FNR) and personnummer.is_valid(KARI_PNR)
    assert personnummer.is_valid(ANNA_PNR) and cpr.is_valid(METTE_CPR)
    assert hetu.is_valid(MATTI_HETU) and bsn.is_valid(JAN_BSN)


# --- candidates and their letters ------------------------------------------------------------------

def kari() -> Candidate:
    return Candidate(id=4711, first_name="Kari", last_name="Nordmann", email="kari.nordmann@example.no",
                     mobile="+4791234567", address="Storgata 12 B", postal_code="0184", city="Oslo", country="NO",
                     birth_date=KARI_BORN, language="nb")


KARI_LETTER = f"""Hei!

Jeg heter Kari Nordmann og søker stillingen som backendutvikler. KARI NORDMANN er navnet på CV-en, men
alle kaller meg bare Kari. Karis styrke er Python og PostgreSQL; jeg har 9 års erfaring (2015–2019 i
Equinor, deretter Vipps), og jobbet tett med Olav og Karin i plattformteamet.

Ring meg på 912 34 567 (eller +47 912 34 567, 0047 91 23 45 67, 91234567), eller send en e-post til
Kari.Nordmann@Example.no. Profil: https://www.linkedin.com/in/kari-nordmann-4b2a1c/ og github.com/karinordmann.

Fødselsnummer {KARI_FNR[:6]} {KARI_FNR[6:]}, og fra årene i Göteborg: svensk personnummer {KARI_PNR}.
Jeg er født 17.04.1990 (17/4/1990, 1990-04-17, 17. april 1990) og bor i Storgata 12B, 0184 Oslo.
Med vennlig hilsen
Kari Nordmann"""
KARI_VALUES = ["Kari Nordmann", "Nordmann", "kari.nordmann@example.no", "kari.nordmann", "karinordmann",
               "kari-nordmann", "+4791234567", "91234567", "912 34 567", "+47 912 34 567", "91 23 45 67",
               KARI_FNR, KARI_PNR, "linkedin.com/in/kari", "Storgata 12", "Storgata", "0184", "1990-04-17",
               "17.04.1990", "17/4/1990", "170490", "17. april 1990", "900417"]


def anna() -> Candidate:
    return Candidate(id=815, first_name="Anna", last_name="Lindqvist", email="anna.lindqvist@example.se",
                     mobile="+46701234567", address="Västra Hamngatan 5", postal_code="411 17", city="Göteborg",
                     country="SE", birth_date=ANNA_BORN, language="sv")


ANNA_LETTER = f"""Hej! Jag heter Anna Lindqvist och söker tjänsten som UX-designer. Annas portfölj finns på
https://annalindqvist.se/portfolio och på github.com/annalindqvist. Jag söker en annan roll där jag får
arbeta närmare användarna, gärna med Annika och Johanna i ert team.
Ring 070-123 45 67 eller +46 70 123 45 67, mejla ANNA.LINDQVIST@example.se.
Personnummer {ANNA_PNR}, född 3 november 1988 (03.11.1988). Jag bor på Vastra Hamngatan 5, 41117 Göteborg."""
ANNA_VALUES = ["Anna Lindqvist", "Lindqvist", "anna.lindqvist@example.se", "annalindqvist", "+46701234567",
               "070-123 45 67", "70 123 45 67", "0701234567", ANNA_PNR, "Västra Hamngatan 5", "Vastra Hamngatan",
               "411 17", "41117", "3 november 1988", "03.11.1988", "1988-11-03", "881103"]


def mette() -> Candidate:
    return Candidate(id=2024, first_name="Mette", last_name="Søndergaard", email="mette.s@example.dk",
                     mobile="+4520123456", address="Nørrebrogade 10, 2. tv", postal_code="2200", city="København",
                     country="DK", birth_date=METTE_BORN, language="da")


METTE_LETTER = f"""Kære rekrutteringsteam. Jeg hedder Mette Søndergaard (Soendergaard på engelsk) og har arbejdet
som økonomiassistent siden 2012. Søndergaards referencer fås på 20 12 34 56 eller mette.s@example.dk.
CPR {METTE_CPR}, født 5. august 1979. Adresse: Nørrebrogade 10, 2. tv, 2200 København N."""
METTE_VALUES = ["Mette", "Søndergaard", "Soendergaard", "mette.s@example.dk", "20 12 34 56", "20123456",
                METTE_CPR, "050879", "5. august 1979", "Nørrebrogade 10", "Nørrebrogade", "2200"]


def matti() -> Candidate:
    return Candidate(id=31, first_name="Matti", last_name="Virtanen", email="matti.virtanen@example.fi",
                     mobile="+358401234567", address="Mannerheimintie 5 A 3", postal_code="00100", city="Helsinki",
                     country="FI", birth_date=MATTI_BORN, language="fi")


MATTI_LETTER = f"""Hei, olen Matti Virtanen ja haen ohjelmistokehittäjän tehtävää. Matin vahvuus on Python, ja
Virtasen suosittelijat kertovat lisää. Puhelin 040 123 4567, sähköposti matti.virtanen@example.fi, henkilötunnus {MATTI_HETU}.
Synnyin 12. helmikuuta 1985 (12.2.1985). Osoitteeni on Mannerheimintie 5 A 3, 00100 Helsinki."""
MATTI_VALUES = ["Matti", "Virtanen", "Matin", "Virtasen", "matti.virtanen@example.fi", "040 123 4567", "0401234567",
                MATTI_HETU,
                "12. helmikuuta 1985", "12.2.1985", "Mannerheimintie 5", "00100"]


def jan() -> Candidate:
    return Candidate(id=99, first_name="Jan", last_name="van der Berg", email="jan.vanderberg@example.nl",
                     mobile="+31612345678", address="Keizersgracht 123", postal_code="1015 CJ", city="Amsterdam",
                     country="NL", birth_date=JAN_BORN, language="nl")


JAN_LETTER = f"""Beste lezer, mijn naam is Jan van der Berg. Ik werk van maandag tot vrijdag als data-analist, samen
met mijn collega Janssen, en begin graag in januari. Bel 06-12345678 of 06 1234 5678, mail jan.vanderberg@example.nl.
BSN {JAN_BSN[:4]}.{JAN_BSN[4:6]}.{JAN_BSN[6:]}, geboren op 1 december 1995. Adres: Keizersgracht 123, 1015CJ Amsterdam."""
JAN_VALUES = ["van der Berg", "vanderberg", "jan.vanderberg@example.nl", "06-12345678", "06 1234 5678", "0612345678",
              JAN_BSN, f"{JAN_BSN[:4]}.{JAN_BSN[4:6]}.{JAN_BSN[6:]}", "1 december 1995", "Keizersgracht 123",
              "1015 CJ", "1015CJ"]

CASES = {
    "nb": (kari, KARI_LETTER, KARI_VALUES, ["Olav", "Karin", "Oslo", "9 års erfaring", "2015–2019", "Python"],
           ["[navn]", "[e-post]", "[telefon]", "[lenke]", "[fødselsnummer]", "[fødselsdato]", "[adresse]"]),
    "sv": (anna, ANNA_LETTER, ANNA_VALUES, ["en annan roll", "Annika", "Johanna", "Göteborg"],
           ["[namn]", "[e-post]", "[telefon]", "[länk]", "[personnummer]", "[födelsedatum]", "[adress]"]),
    "da": (mette, METTE_LETTER, METTE_VALUES, ["København N", "siden 2012", "økonomiassistent"],
           ["[navn]", "[e-mail]", "[telefon]", "[CPR-nummer]", "[fødselsdato]", "[adresse]"]),
    "fi": (matti, MATTI_LETTER, MATTI_VALUES, ["Helsinki", "ohjelmistokehittäjän", "vahvuus on Python"],
           ["[nimi]", "[sähköposti]", "[puhelin]", "[henkilötunnus]", "[syntymäaika]", "[osoite]"]),
    "nl": (jan, JAN_LETTER, JAN_VALUES, ["van maandag", "Janssen", "januari", "Amsterdam"],
           ["[naam]", "[e-mail]", "[telefoon]", "[BSN]", "[geboortedatum]", "[adres]"]),
}


def assert_no_personal_value(output: str, values: list[str]) -> None:
    """No value survives: case-insensitively as text, and with its digits in any grouping."""
    lowered = output.lower()
    digit_runs = [re.sub(r"\D", "", run) for run in re.findall(r"\+?\d[\d\s.\-/()]*\d", output)]
    for value in values:
        if re.fullmatch(r"[^\W\d_]+", value):  # a lone name part: as a whole word (Anna, not in "annan")
            assert not re.search(rf"(?<!\w){re.escape(value)}(?:s|'s)?(?!\w)", output, re.I), (value, output)
        else:
            assert value.lower() not in lowered, (value, output)
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 6:
            assert not any(digits in run for run in digit_runs), (value, output)


# --- the tests -------------------------------------------------------------------------------------

def test_candidate_ref_is_a_language_independent_pseudonym():
    assert candidate_ref(4711) == "K-4711"
    assert candidate_ref(7) == "K-7"


@pytest.mark.parametrize("today, band", [
    (date(2020, 4, 16), "20–29"),  # the day before the 30th birthday
    (date(2020, 4, 17), "30–39"),  # the birthday itself
    (date(2030, 4, 16), "30–39"),
    (date(2030, 4, 17), "40–49"),
])
def test_age_band_boundaries(today, band):
    assert age_band(KARI_BORN, today, "en") == f"{band} years"


def test_age_band_in_each_language_and_edge_cases():
    words = {"en": "years", "nb": "år", "sv": "år", "da": "år", "fi": "vuotta", "nl": "jaar"}
    for language, word in words.items():
        assert age_band(date(1990, 4, 17), TODAY, language) == f"30–39 {word}"
    assert age_band(date(1990, 4, 17), TODAY, "nb-NO") == "30–39 år"
    assert age_band(date(1990, 4, 17), TODAY, "de") == "30–39 years"
    assert age_band(date(2000, 2, 29), date(2030, 2, 28), "en") == "20–29 years"  # leap-day birthday
    assert age_band(date(2000, 2, 29), date(2030, 3, 1), "en") == "30–39 years"
    assert age_band(None, TODAY, "nb") is None
    assert age_band(date(2026, 1, 1), TODAY, "nb") is None


@pytest.mark.parametrize("language", list(CASES))
def test_cover_letter_keeps_no_personal_value(language):
    make, letter, values, survivors, labels = CASES[language]
    candidate = make()
    output = redact(letter, personal_values(candidate), language, candidate.country)
    assert_no_personal_value(output, values)
    for word in survivors:
        assert word in output, (word, output)
    for label in labels:
        assert label in output, (label, output)


def test_names_are_whole_words_with_possessives():
    output = redact("Anna, Annas och ANNA'S planer – en annan Annika, Anna-Lena och Hanna.", ["Anna"], "sv")
    assert output == "[namn], [namn]s och [namn]'S planer – en annan Annika, [namn]-Lena och Hanna."


def test_finnish_names_are_matched_in_their_cases_but_swedish_words_are_not():
    """Finnish inflects names (Annan is Anna's genitive), so in Finnish the case forms go too."""
    finnish = redact("Annan ja Annalle, Matin ja Virtasen CV, Virtasta. Kaija ja Virta jäävät.",
                     ["Anna", "Matti", "Virtanen"], "fi")
    assert finnish == "[nimi] ja [nimi], [nimi] ja [nimi] CV, [nimi]. Kaija ja Virta jäävät."
    assert redact("Jag söker en annan roll.", ["Anna"], "sv", "SE") == "Jag söker en annan roll."


def test_plain_values_get_their_kind_from_their_shape():
    text = ("Emma Stone (emma.stone@example.com, +47 987 65 432) lives at Parkveien 3 and was born 1990-04-17 "
            f"(17.04.1990). See https://emmastone.dev. Her Norwegian ID is {make_fodselsnummer(date(1990, 4, 17), 200)}.")
    output = redact(text, ["Emma", "Stone", "emma.stone@example.com", "98765432", "Parkveien 3", "1990-04-17"], "en")
    assert output == ("[name] [name] ([email], [phone]) lives at [address] and was born [date of birth] "
                      "([date of birth]). See [link]. Her Norwegian ID is [national ID].")


def test_national_ids_of_anyone_are_found_by_their_check_digits():
    ids = [make_fodselsnummer(date(1972, 9, 30), 456), make_personnummer(date(1966, 1, 2), 101),
           make_hetu(date(1961, 3, 4)), make_bsn(23456789)]
    output = redact("Referanser: " + ", ".join(ids) + ".", [], "nb")
    assert output == "Referanser: [fødselsnummer], [fødselsnummer], [fødselsnummer], [fødselsnummer]."
    broken = ids[0][:-1] + str((int(ids[0][-1]) + 1) % 10)  # wrong check digit: not an ID
    assert broken in redact(f"Ordrenummer {broken}", [], "nb")


def test_years_and_amounts_in_a_cv_survive():
    text = "Utvikler (2015–2019) og 2019-2023, 15.08.2019–31.12.2021, 9 års erfaring, lønn 650 000 kr, org.nr. 923 609 016."
    assert redact(text, [], "nb") == text


def test_screening_answers_and_profile(session):
    application = make_application(
        session, make_project(session), first_name="Kari", last_name="Nordmann",
        cover_letter=KARI_LETTER,
        screening_answers={"q1": "Ja, ring Kari på 912 34 567", "q2": 91234567, "q3": ["Kari", "Python"],
                           "q4": True, "q5": 9})
    candidate = session.get(Candidate, application.candidate_id)
    for field, value in vars(kari()).items():
        if field not in ("id", "_sa_instance_state"):
            setattr(candidate, field, value)
    candidate.cv_text = "Kari Nordmann – Storgata 12 B, 0184 Oslo – 912 34 567\nPython, Django, 9 års erfaring."
    session.add(candidate)
    session.commit()

    profile = anonymised_profile(candidate, application, TODAY)

    assert profile["ref"] == f"K-{candidate.id}"
    assert profile["age_band"] == "30–39 år"
    assert (profile["city"], profile["country"], profile["language"]) == ("Oslo", "NO", "nb")
    assert profile["screening_answers"] == {"q1": "Ja, ring [navn] på [telefon]", "q2": "[telefon]",
                                            "q3": ["[navn]", "Python"], "q4": True, "q5": 9}
    assert profile["cv_text"] == "[navn] – [adresse], [adresse] Oslo – [telefon]\nPython, Django, 9 års erfaring."
    everything = repr(profile)
    assert_no_personal_value(everything, KARI_VALUES)
    assert "Storgata" not in everything and "Karin" in everything  # Karin is a colleague
    assert set(profile) == {"ref", "age_band", "city", "country", "language", "cover_letter",
                            "screening_answers", "cv_text"}
    # In the reader's language when asked for.
    assert anonymised_profile(candidate, application, TODAY, language="en")["age_band"] == "30–39 years"
    assert "[name]" in anonymised_profile(candidate, application, TODAY, language="en")["cv_text"]


def pdf_text(pdf: bytes, html_source: str) -> tuple[str, tuple[float, float] | None]:
    """The PDF's text (and metadata) and its page size in points: pypdf, else pdftotext, else the text
    WeasyPrint laid out for the same HTML."""
    try:
        from pypdf import PdfReader
    except ImportError:
        PdfReader = None
    if PdfReader is not None:
        reader = PdfReader(io.BytesIO(pdf))
        box = reader.pages[0].mediabox
        meta = " ".join(str(v) for v in (reader.metadata or {}).values())
        return "\n".join(p.extract_text() for p in reader.pages) + "\n" + meta, (float(box.width), float(box.height))
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
        return out.decode(), None
    import weasyprint
    document = weasyprint.HTML(string=html_source).render()
    texts = [b.text for page in document.pages for b in page._page_box.descendants() if hasattr(b, "text")]
    return "\n".join(texts), None


def test_cv_pdf_is_made_from_redacted_text_never_from_the_original_file(monkeypatch):
    candidate = kari()
    candidate.cv_text = KARI_LETTER + "\n\nKompetanse: Python, Django, Kubernetes."
    candidate.cv_file_key = files.store_bytes(b"%PDF-1.4 original CV of Kari Nordmann")
    candidate.cv_filename = "Kari_Nordmann_CV.pdf"

    def forbidden(*_args, **_kwargs):
        raise AssertionError("the original CV file must not be used")

    monkeypatch.setattr(files, "read_bytes", forbidden)
    monkeypatch.setattr(files, "path_for", forbidden)

    pdf = anonymised_cv_pdf(candidate, TODAY)

    assert pdf is not None and pdf.startswith(b"%PDF")
    text, size = pdf_text(pdf, anonymised_cv_html(candidate, TODAY))
    assert "K-4711" in text and "Kubernetes" in text and "30–39 år" in text and "Oslo" in text
    assert_no_personal_value(text, KARI_VALUES)
    assert "CV.pdf" not in text
    if size is not None:
        assert size == pytest.approx((595.28, 841.89), abs=0.5)  # A4


def test_cv_pdf_fetches_nothing_but_data_urls(monkeypatch):
    import weasyprint
    seen = {}
    real = weasyprint.HTML

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", spy)
    candidate = kari()
    candidate.cv_text = '<img src="file:///etc/passwd"> Python'
    assert anonymised_cv_pdf(candidate, TODAY).startswith(b"%PDF")
    fetcher = seen["url_fetcher"]
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.com/tracker.png")
    assert "&lt;img" in anonymised_cv_html(candidate, TODAY)  # the CV text is text, never markup


def test_no_cv_text_means_no_pdf():
    candidate = kari()
    candidate.cv_file_key = "0" * 32
    assert anonymised_cv_pdf(candidate, TODAY) is None
    assert anonymised_cv_html(candidate, TODAY) is None


def test_labels_exist_for_every_kind_and_language():
    for language, labels in redaction.LABELS.items():
        assert set(labels) == set(redaction.KINDS), language


def test_personal_domain_and_mailbox_name_go_but_ordinary_words_stay():
    candidate = kari()
    candidate.email = "post@karinordmann.no"
    output = redact("Send en e-post til post@karinordmann.no, se karinordmann.no eller skriv til posten.",
                    personal_values(candidate), "nb")
    assert output == "Send en e-post til [e-post], se [lenke] eller skriv til posten."
    candidate.email = "kari_n84@example.com"
    assert redact("Skype: kari_n84", personal_values(candidate), "nb") == "Skype: [e-post]"
