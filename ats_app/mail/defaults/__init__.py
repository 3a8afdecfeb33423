"""The default email and letter texts, per language and template kind.

Each language module maps every kind code of mail.kinds.KINDS to (subject, body HTML). Bodies
use only p, br, strong, em, ul and li (a for hand-written links); the `{tags}` are EasyCruit merge fields
the renderer fills in. A recruiter's `{message}` stands alone in its `<p>{message}</p>` paragraph, which
the renderer drops when the message is empty; link tags (`{confirmlink}`, `{setpasswordlink}`,
`{reviewlink}`) render as ready links and stand alone in their own paragraph. Recruiters may override
any text per language and department; these are what a new installation starts with.
"""

from ats_app.core.i18n import DEFAULT_LANGUAGE, normalise_language
from ats_app.mail.defaults import da, en, fi, nb, nl, sv
from ats_app.mail.kinds import KINDS_BY_CODE

DEFAULT_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "en": en.TEMPLATES, "nb": nb.TEMPLATES, "sv": sv.TEMPLATES, "da": da.TEMPLATES, "fi": fi.TEMPLATES,
    "nl": nl.TEMPLATES,
}


def default_template(kind: str, language: str) -> tuple[str, str]:
    """The default (subject, body HTML) of kind in language; English for a language we do not ship.

    Raises KeyError for a kind that is not in KINDS.
    """
    if kind not in KINDS_BY_CODE:
        raise KeyError(kind)
    texts = DEFAULT_TEXTS.get(normalise_language(language), DEFAULT_TEXTS[DEFAULT_LANGUAGE])
    return texts[kind]
