"""Phone numbers: read as a number of the candidate's country, stored in E.164, shown grouped the
international way, and told apart as mobiles (an SMS cannot reach a landline)."""

import phonenumbers

DEFAULT_REGION = "NO"  # a number without a country code, of a candidate whose country is unknown


def readable_phone(e164: str | None) -> str:
    """"+4740324156" -> "+47 403 24 156"; anything unparseable is shown as stored."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _parse(raw: str | None, country: str | None):
    if not raw or not raw.strip():
        return None
    region = (country or "").strip().upper()
    region = region if region in phonenumbers.SUPPORTED_REGIONS else DEFAULT_REGION
    try:
        number = phonenumbers.parse(raw.strip(), region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalise_number(raw: str | None, country: str | None = None) -> str | None:
    """raw in E.164 ("912 34 567" -> "+4791234567"), read as a number of the candidate's country (ISO
    code; Norway when unknown); None when it is no valid number, so nothing is sent to a wrong one."""
    number = _parse(raw, country)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None


def is_mobile(number: str | None, country: str | None = None) -> bool:
    """Whether number can take an SMS (a mobile, or a number plan that does not tell mobiles apart)."""
    parsed = _parse(number, country)
    if parsed is None:
        return False
    kind = phonenumbers.number_type(parsed)
    return kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
