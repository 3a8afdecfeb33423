"""Phone numbers as people read them: stored in E.164, shown grouped the international way."""

import phonenumbers


def readable_phone(e164: str | None) -> str:
    """"+4740324156" -> "+47 403 24 156"; anything unparseable is shown as stored."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
