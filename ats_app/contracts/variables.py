"""A contract template's self-defined variables: what the recruiter fills in when producing a contract.

EasyCruit lets a contract template carry merge variables of its own ("probation period", "bonus") beside
the candidate's and the offer's. Each has a key (the tag written in the body: {probation_months}), a label
(what the producing form asks) and a type, so a typed value is checked before anything is printed.
Dates are kept as ISO dates and written out in the candidate's language only when the document is made.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ats_app.core.errors import InvalidChoice
from ats_app.core.i18n import N_
from ats_app.mail.kinds import ALIASES, CANDIDATE_TAGS
from ats_app.models import ContractTemplateVersion
from ats_app.offers.current import OFFER_TAGS

TYPES = {"text": N_("Text"), "number": N_("Number"), "date": N_("Date"), "money": N_("Amount")}
# The contract's own tags about the parties, beside the email's candidate tags and the offer's.
PERSON_TAGS = ("candidateaddress", "birthdate")
ORGANISATION_TAGS = ("companyaddress",)
BUILT_IN_TAGS: tuple[str, ...] = CANDIDATE_TAGS + PERSON_TAGS + OFFER_TAGS + ORGANISATION_TAGS
MAX_VARIABLES = 30
KEY_MAX, LABEL_MAX, VALUE_MAX = 40, 100, 500
_KEY = re.compile(r"^[a-z][a-z_]*$")  # what the renderer reads as a tag (no digits, no capitals)
_NUMBER = re.compile(r"^-?\d[\d\s\u00a0]*(?:[.,]\d+)?$")
_MONEY = re.compile(r"^\d[\d\s\u00a0.,]*(?:\s?[A-Za-z]{3})?$")


@dataclass(frozen=True)
class Variable:
    """One self-defined variable of a template version."""

    key: str
    label: str
    type: str


def variables_of(version: ContractTemplateVersion) -> list[Variable]:
    """The version's self-defined variables, in the editor's order."""
    return [Variable(str(item["key"]), str(item.get("label") or item["key"]), str(item.get("type") or "text"))
            for item in (version.variables or []) if item.get("key")]


def check_variable_definitions(raw: list[dict]) -> list[dict]:
    """The editor's rows as stored ([{"key", "label", "type"}], blank rows dropped); InvalidChoice naming
    the row's field (variables.2.key) when a key is not a tag, is taken, or a label or type is missing."""
    rows = [row for row in raw if any(str(row.get(part) or "").strip() for part in ("key", "label"))]
    if len(rows) > MAX_VARIABLES:
        raise InvalidChoice("variables", N_("A template can have at most {max} variables."), max=MAX_VARIABLES)
    seen: set[str] = set()
    out = []
    for index, row in enumerate(rows):
        key = str(row.get("key") or "").strip().lower()
        label = " ".join(str(row.get("label") or "").split())
        kind = str(row.get("type") or "text")
        field = f"variables.{index}"
        if not key or not _KEY.match(key) or len(key) > KEY_MAX:
            raise InvalidChoice(f"{field}.key", N_("A key is written in small letters a–z and _ (at most {max})."),
                                max=KEY_MAX)
        if key in BUILT_IN_TAGS or key in ALIASES:
            raise InvalidChoice(f"{field}.key", N_("{tag} is already a tag: choose another key."), tag="{" + key + "}")
        if key in seen:
            raise InvalidChoice(f"{field}.key", N_("The key {tag} is used twice."), tag="{" + key + "}")
        if not label or len(label) > LABEL_MAX:
            raise InvalidChoice(f"{field}.label", N_("Write a label of at most {max} characters."), max=LABEL_MAX)
        if kind not in TYPES:
            raise InvalidChoice(f"{field}.type", N_("Choose a type from the list."))
        seen.add(key)
        out.append({"key": key, "label": label, "type": kind})
    return out


def check_value(variable: Variable, raw: str) -> str:
    """One typed value, checked against the variable's type (dates as ISO YYYY-MM-DD)."""
    field = f"variable:{variable.key}"
    value = " ".join(str(raw or "").split())
    if not value:
        raise InvalidChoice(field, N_("Fill in {label}."), label=variable.label)
    if len(value) > VALUE_MAX:
        raise InvalidChoice(field, N_("{label} can be at most {max} characters."), label=variable.label,
                            max=VALUE_MAX)
    if variable.type == "number" and not _NUMBER.match(value):
        raise InvalidChoice(field, N_("{label} must be a number."), label=variable.label)
    if variable.type == "money" and not _MONEY.match(value):
        raise InvalidChoice(field, N_("{label} must be an amount, e.g. 52 000 or 52 000 NOK."), label=variable.label)
    if variable.type == "date":
        try:
            value = date.fromisoformat(value).isoformat()
        except ValueError:
            raise InvalidChoice(field, N_("{label} must be a date."), label=variable.label) from None
    return value


def check_values(variables: list[Variable], raw: dict[str, str]) -> dict[str, str]:
    """What the recruiter typed for each variable, checked; InvalidChoice(field="variable:<key>") for the
    first missing or ill-typed value. Values for keys the version does not define are dropped."""
    return {variable.key: check_value(variable, raw.get(variable.key, "")) for variable in variables}


def sample_value(variable: Variable, today: date) -> str:
    """A believable value for a preview, of the variable's type (the recruiter may change it)."""
    return {"number": "6", "date": (today + timedelta(days=90)).isoformat(), "money": "10 000"}.get(
        variable.type, variable.label)
