"""Redacting personal data from free text: a candidate's own values in their usual spellings (names with
their Nordic and Finnish forms, dates of birth in every common format, phone numbers as people type
them), plus emails, links, phone numbers found by phonenumbers and national ID numbers whose check
digits hold (python-stdnum). Each finding is replaced by a bracketed label in the reader's language.
No ML model: what is redacted can be explained.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache

import phonenumbers
from babel.dates import get_month_names
from stdnum.dk import cpr
from stdnum.fi import hetu
from stdnum.nl import bsn
from stdnum.no import fodselsnummer
from stdnum.se import personnummer

from ats_app.core.i18n import LANGUAGES, normalise_language
from ats_app.models import Candidate

# The bracketed labels that replace a personal value, per language (email content, not UI: no gettext).
LABELS: dict[str, dict[str, str]] = {
    "en": {"name": "name", "email": "email", "phone": "phone", "address": "address", "link": "link",
           "national_id": "national ID", "birth_date": "date of birth"},
    "nb": {"name": "navn", "email": "e-post", "phone": "telefon", "address": "adresse", "link": "lenke",
           "national_id": "fødselsnummer", "birth_date": "fødselsdato"},
    "sv": {"name": "namn", "email": "e-post", "phone": "telefon", "address": "adress", "link": "länk",
           "national_id": "personnummer", "birth_date": "födelsedatum"},
    "da": {"name": "navn", "email": "e-mail", "phone": "telefon", "address": "adresse", "link": "link",
           "national_id": "CPR-nummer", "birth_date": "fødselsdato"},
    "fi": {"name": "nimi", "email": "sähköposti", "phone": "puhelin", "address": "osoite", "link": "linkki",
           "national_id": "henkilötunnus", "birth_date": "syntymäaika"},
    "nl": {"name": "naam", "email": "e-mail", "phone": "telefoon", "address": "adres", "link": "link",
           "national_id": "BSN", "birth_date": "geboortedatum"},
}
# When two findings overlap, the longer one names the union; on a tie, the earlier kind here.
KINDS = ("email", "link", "national_id", "birth_date", "phone", "address", "name")
PHONE_REGIONS = ("NO", "SE", "DK", "FI", "NL")
# Surname particles are not redacted on their own ("van" is a Dutch word); the whole surname is.
_PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "te", "op", "in", "'t", "von", "zu", "af", "av",
              "da", "di", "du", "del", "la", "le", "el", "al"}
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_URL_END = r"[^\s<>\"'\[\]{}|\\^`]*[^\s<>\"'\[\]{}|\\^`.,;:!?)]"
_URL = re.compile(rf"(?:\b(?:https?|ftp)://|\bwww\.){_URL_END}"  # with a scheme or www.
                  rf"|(?<![\w@.-])(?:[a-z0-9-]+\.)+[a-z]{{2,}}/{_URL_END}", re.I)  # linkedin.com/in/…
# Digit strings of the right length for each national ID; only those whose check digits hold count.
_NATIONAL_IDS = (
    (re.compile(r"(?<![\w+])\d{6} ?\d{5}(?!\w)"), fodselsnummer.is_valid),
    (re.compile(r"(?<![\w+])(?:\d\d)?\d{6}[-+ ]?\d{4}(?!\w)"), lambda s: personnummer.is_valid(s) or cpr.is_valid(s)),
    (re.compile(r"(?<![\w+])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?!\w)", re.I), lambda s: hetu.is_valid(s.upper())),
    (re.compile(r"(?<![\w+])(?:\d{9}|\d{4}[. ]\d\d[. ]\d{3})(?!\w)"), bsn.is_valid),
)
# Letters people write in place of Nordic and German ones (Sørensen → Sorensen, Soerensen).
_FOLDS = {"æ": ("ae", "ä"), "ø": ("oe", "ö", "o"), "å": ("aa", "a"), "ä": ("ae", "æ", "a"),
          "ö": ("oe", "ø", "o"), "ü": ("ue", "u"), "ß": ("ss",)}
_EDGE_START, _EDGE_END = r"(?<![^\W_])", r"(?![^\W_])"  # not inside a word or number
# What PhoneNumberMatcher takes for an Oslo number but a CV means as years or a date ("2015–2019").
_NOT_A_PHONE = re.compile(r"(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d")
_POSSESSIVE = r"(?:['’]s|s|['’])?"
_BORN = r"(?:born(?:\s+in)?|f\.|født(?:\s+i)?|född(?:\s+år|\s+i)?|syntynyt(?:\s+vuonna)?|s\.|geboren(?:\s+in)?|geb\.)"
Pattern = tuple[re.Pattern, str]


def redact(text: str, values: Iterable[str], language: str, region: str | None = None) -> str:
    """text with every personal value in values and every detected email, URL, phone number and national
    ID number replaced by a bracketed label in language ("[navn]", "[e-post]" …).

    Values match case-insensitively in their usual spellings: name parts as whole words (with a
    possessive s), phone numbers in any grouping and with or without the country code, an ISO birth date
    ("1990-04-17") in every common date format. values may be a mapping of value → kind (see KINDS);
    plain strings get their kind from their shape. region is the candidate's country (phone numbers).
    Finnish inflects names ("Annan", "Virtasen"): with language "fi" or region "FI" the case forms of
    each name count too; elsewhere only the possessive does (Swedish "en annan roll" stays).
    """
    if isinstance(values, Mapping):
        typed = [(str(v), kind if kind in KINDS else "name") for v, kind in values.items()]
    else:
        typed = [(str(v), _kind_of(str(v), region)) for v in values]
    finnish = normalise_language(language) == "fi" or (region or "").upper() == "FI"
    return redact_with(text, patterns_for(typed, region, finnish), language, region)


def personal_values(candidate: Candidate) -> dict[str, str]:
    """Every personal value of a candidate (value → kind) in the spellings free text uses: the full name
    both ways round, each name part, the email and its local part, the mobile in national and
    international form, the street address and its parts, the postcode and the birth date in common
    formats. The city is left out on purpose: it stays in the anonymised profile."""
    values: dict[str, str] = {}
    keep = {(candidate.city or "").strip().lower(), (candidate.country or "").strip().lower()}

    def add(value: str | None, kind: str) -> None:
        value = (value or "").strip(" ,")
        if len(value) >= 2 and value.lower() not in keep:
            values.setdefault(value, kind)

    first, last = (candidate.first_name or "").strip(), (candidate.last_name or "").strip()
    for value in (f"{first} {last}", f"{last} {first}", first, last):
        add(value, "name")
    for part in re.split(r"[\s\-]+", f"{first} {last}"):
        if part.lower() not in _PARTICLES:
            add(part, "name")
    email = (candidate.email or "").strip()
    add(email, "email")
    local, _, domain = email.partition("@")
    if domain and (len(local) >= 8 or re.search(r"[^a-zA-Z]", local)):  # kari.nordmann84, not "post" or "mail"
        add(local, "email")
    if any(len(part) >= 3 and part.lower() in domain.lower() for part in re.findall(r"[^\W_]+", f"{first} {last}")):
        add(domain, "link")  # a personal domain: mail@karinordmann.no
    if candidate.mobile:
        add(candidate.mobile, "phone")
        number = _parse_phone(candidate.mobile, candidate.country)
        if number is not None:
            for style in (phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL):
                add(phonenumbers.format_number(number, style), "phone")
            add(phonenumbers.national_significant_number(number), "phone")
    if candidate.address:
        add(candidate.address, "address")
        for part in candidate.address.split(","):
            add(part, "address")
            street = re.split(r"\s+\d", part.strip(), maxsplit=1)[0]
            if len(street) >= 4 and street != part.strip():
                add(street, "address")
    add(candidate.postal_code, "address")
    if candidate.birth_date:
        b = candidate.birth_date
        add(b.isoformat(), "birth_date")
        for fmt in ("{d:02d}.{m:02d}.{y}", "{d}.{m}.{y}", "{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "{d:02d}-{m:02d}-{y}",
                    "{m:02d}/{d:02d}/{y}", "{d:02d}{m:02d}{yy:02d}", "{y}{m:02d}{d:02d}"):
            add(fmt.format(d=b.day, m=b.month, y=b.year, yy=b.year % 100), "birth_date")
    return values


def _kind_of(value: str, region: str | None) -> str:
    """A plain value's kind from its shape (for redact() called with bare strings)."""
    stripped = value.strip()
    digits = re.sub(r"\D", "", stripped)
    if "@" in stripped:
        return "email"
    if re.fullmatch(r"\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", stripped):
        return "birth_date"
    if re.fullmatch(r"[+\d\s().\-/]+", stripped) and len(digits) >= 7:
        number = _parse_phone(stripped, region)
        return "phone" if number is not None and phonenumbers.is_possible_number(number) else "national_id"
    if re.search(r"\d", stripped):
        return "address"  # a street with its number, or a postcode
    return "name"


def _parse_phone(value: str, region: str | None):
    try:
        return phonenumbers.parse(value, (region or "NO").upper())
    except phonenumbers.NumberParseException:
        return None


def _fold(word: str) -> str:
    """A regex for word that also matches the usual ASCII spellings of its Nordic and accented letters."""
    out = []
    for ch in word.lower():
        base = unicodedata.normalize("NFKD", ch)[0]
        options = _FOLDS.get(ch, (base,) if base != ch else ())
        out.append(f"(?:{'|'.join(re.escape(o) for o in (ch, *options))})" if options else re.escape(ch))
    return "".join(out)


def _phrase(value: str) -> str:
    """value's words and numbers in order, with at most a few spaces or punctuation marks between them."""
    return r"[\W_]{0,3}".join(_fold(token) for token in re.findall(r"[^\W_]+", value))


def _phone_pattern(value: str, region: str | None) -> str:
    """The number with any grouping, with or without +CC / 00CC / (0) / trunk 0 in front."""
    number = _parse_phone(value, region)
    if number is None:
        return _EDGE_START + _phrase(value) + _EDGE_END
    digits = r"[\s.\-/()]*".join(phonenumbers.national_significant_number(number))
    prefix = rf"(?:(?:\+|00)\s*{number.country_code}[\s.\-/]*(?:\(0\)\s*)?|\(?0\)?[\s.\-/]*)?"
    return rf"(?<![\d+]){prefix}{digits}(?!\d)"


@lru_cache(maxsize=64)
def _month_stems(month: int) -> str:
    names = {"sept"} if month == 9 else set()
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names.add(get_month_names(width, context, language)[month].lower().rstrip("."))
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _date_patterns(born: date) -> list[str]:
    """Every common way to write born: 17.04.1990, 17/4/90, 1990-04-17, 04/17/1990, 17. april 1990,
    April 17th, 1990, 170490 (also as a national ID's first digits), 19900417, and "født 1990"."""
    d = f"0?{born.day}" if born.day < 10 else str(born.day)
    m = f"0?{born.month}" if born.month < 10 else str(born.month)
    yy, y4 = f"{born.year % 100:02d}", str(born.year)
    y = f"(?:{y4}|{yy})"
    sep = r"(?:\s*[./\-]\s*|\s+)"
    name = rf"(?:{_month_stems(born.month)})[^\W\d_]*\.?"
    nth = r"(?:\.|st|nd|rd|th|e|:e)?"
    written = (rf"{d}{sep}{m}{sep}{y}|{y4}{sep}{m}{sep}{d}|{m}{sep}{d}{sep}{y}"
               rf"|{d}{nth}\s*(?:of\s+)?{name},?\s*{y}|{name}\s*{d}{nth},?\s*{y}")
    dd, mm = f"{born.day:02d}", f"{born.month:02d}"
    compact = f"{dd}{mm}{yy}|{dd}{mm}{y4}|{y4}{mm}{dd}|{yy}{mm}{dd}"
    return [_EDGE_START + f"(?:{written})" + _EDGE_END,
            rf"(?<!\d)(?:{compact})(?:[-+A-Ya-y ]?\d{{3,5}}[0-9A-Ya-y]?)?(?!\d)",
            rf"{_EDGE_START}{_BORN}\s*(?P<v>{y4})(?!\d)"]


# Finnish consonant gradation in a name's last syllable: Matti → Matin, Lehto → Lehdon, Antero stays.
_GRADATION = (("tt", "t"), ("kk", "k"), ("pp", "p"), ("nt", "nn"), ("nk", "ng"), ("lt", "ll"), ("rt", "rr"),
              ("mp", "mm"), ("ht", "hd"))


def _finnish_name(value: str) -> str:
    """A name in any Finnish case (Anna → Annan, Annalle; Matti → Matin; Virtanen → Virtasen, Virtasta):
    the last word's stems with a case ending, the earlier words as written."""
    tokens = re.findall(r"[^\W_]+", value)
    if not tokens:
        return ""
    last = tokens[-1].lower()
    stems = {last[:-3] + "s"} if last.endswith("nen") and len(last) > 4 else set()
    for strong, weak in _GRADATION:
        if len(last) > 3 and last[-3:-1] == strong and last[-1] in "aeiouyäö":
            stems.add(last[:-3] + weak + last[-1])
    inflected = "|".join([rf"{_fold(last)}(?::?[^\W\d_]{{1,7}})?", *(rf"{_fold(x)}[^\W\d_]{{1,7}}" for x in stems)])
    head = "".join(_fold(t) + r"[\W_]{0,3}" for t in tokens[:-1])
    return f"{_EDGE_START}{head}(?:{inflected}){_EDGE_END}"


@lru_cache(maxsize=1024)
def _value_patterns(value: str, kind: str, region: str | None, finnish: bool = False) -> tuple[str, ...]:
    value = value.strip()
    if not re.search(r"[^\W_]", value):
        return ()
    if kind == "email":
        return (rf"(?<![\w.+\-]){re.escape(value)}(?![\w\-])",)
    if kind == "phone":
        return (_phone_pattern(value, region),)
    if kind == "birth_date":
        try:
            return tuple(_date_patterns(date.fromisoformat(value)))
        except ValueError:
            return (_EDGE_START + _phrase(value) + _EDGE_END,)
    if kind == "name":
        possessive = rf"{_EDGE_START}(?P<v>{_phrase(value)}){_POSSESSIVE}{_EDGE_END}"
        return (possessive, _finnish_name(value)) if finnish else (possessive,)
    return (_EDGE_START + _phrase(value) + _EDGE_END,)


def patterns_for(typed: Iterable[tuple[str, str]], region: str | None, finnish: bool = False) -> list[Pattern]:
    seen: dict[str, str] = {}
    for value, kind in typed:
        for source in _value_patterns(value, kind, region, finnish):
            seen.setdefault(source, kind)
    return [(re.compile(source, re.I), kind) for source, kind in seen.items()]


def _detected(text: str, region: str | None) -> Iterable[tuple[int, int, str]]:
    """Emails, links, phone numbers and valid national ID numbers, whoever they belong to."""
    for pattern, kind in ((_EMAIL, "email"), (_URL, "link")):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), kind
    for pattern, is_valid in _NATIONAL_IDS:
        for match in pattern.finditer(text):
            if is_valid(match.group()):
                yield match.start(), match.end(), "national_id"
    regions = dict.fromkeys((*PHONE_REGIONS, *([region.upper()] if region else [])))
    for code in regions:
        for number in phonenumbers.PhoneNumberMatcher(text, code):
            if not _NOT_A_PHONE.fullmatch(number.raw_string.strip("() ")):
                yield number.start, number.end, "phone"


def redact_with(text: str, patterns: list[Pattern], language: str, region: str | None) -> str:
    spans = list(_detected(text, region))
    for pattern, kind in patterns:
        for match in pattern.finditer(text):
            start, end = match.span("v") if "v" in pattern.groupindex else match.span()
            if end > start:
                spans.append((start, end, kind))
    if not spans:
        return text
    labels = LABELS[normalise_language(language)]
    spans.sort()
    out, pos, i = [], 0, 0
    while i < len(spans):  # overlapping findings become one label, named by the longest finding
        start, end, kind = spans[i]
        best = (end - start, -KINDS.index(kind), kind)
        i += 1
        while i < len(spans) and spans[i][0] < end:
            s, e, k = spans[i]
            end, best = max(end, e), max(best, (e - s, -KINDS.index(k), k))
            i += 1
        out += [text[pos:start], f"[{labels[best[2]]}]"]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def clean_answers(value, clean):
    """Screening answers with every string redacted; a number that redaction would change (a phone
    number typed into a number field) becomes the redacted text."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, Mapping):
        return {key: clean_answers(item, clean) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_answers(item, clean) for item in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        redacted = clean(str(value))
        return value if redacted == str(value) else redacted
    return value
