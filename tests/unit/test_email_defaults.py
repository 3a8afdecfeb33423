"""The default email and letter texts: every kind in every language, only allowed tags and HTML, translated."""

import re
from html.parser import HTMLParser

import pytest

from ats_app.core import i18n
from ats_app.core.i18n import gettext
from ats_app.mail.defaults import DEFAULT_TEXTS, default_template
from ats_app.mail.kinds import KINDS, KINDS_BY_CODE
from ats_app.mail.render import TagValues, render_email
from ats_app.mail.tag_values import offer_summary
from ats_app.organisation.reference_data import LANGUAGES, REJECTION_TYPES

TAG = re.compile(r"\{([a-z][a-z_-]*)\}")
ALLOWED_HTML = {"p", "br", "strong", "em", "ul", "li", "a"}
VOID = {"br"}
CASES = [(language, kind) for language in LANGUAGES for kind in KINDS]
TRANSLATED = [language for language in LANGUAGES if language != "en"]
REJECTIONS = [f"rejection.{code}" for code, _delay in REJECTION_TYPES]
INTERVIEWS = [kind.code for kind in KINDS if kind.code.startswith("interview.")]
LINKS = {"confirmlink", "setpasswordlink", "reviewlink"}


def _case_id(case):
    language, kind = case
    return f"{language}-{kind.code}"


class _Html(HTMLParser):
    """Collects the tags a body uses and whether they nest and close properly."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.used: set[str] = set()
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.used.add(tag)
        if tag == "a" and [name for name, _value in attrs] != ["href"]:
            self.errors.append(f"<a> with attributes {attrs}")
        elif tag != "a" and attrs:
            self.errors.append(f"<{tag}> with attributes {attrs}")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.used.add(tag)
        if tag not in VOID:
            self.errors.append(f"<{tag}/> is not a void element")

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> does not close {self.open[-1:] or 'anything'}")
        else:
            self.open.pop()

    def handle_data(self, data):
        if data.strip() and not self.open:
            self.errors.append(f"text outside a paragraph: {data.strip()[:40]!r}")


def _without_tags(text: str) -> str:
    return TAG.sub("{}", text)


def test_every_language_and_kind_has_a_text():
    assert set(DEFAULT_TEXTS) == set(LANGUAGES) == set(i18n.LANGUAGES)
    for language, texts in DEFAULT_TEXTS.items():
        assert set(texts) == set(KINDS_BY_CODE), language


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_subject_is_one_short_line(case):
    language, kind = case
    subject, _body = DEFAULT_TEXTS[language][kind.code]
    assert subject.strip() == subject and subject
    assert "\n" not in subject and "\r" not in subject and "<" not in subject
    assert len(subject) <= 150


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_only_the_kinds_tags_are_used(case):
    language, kind = case
    subject, body = DEFAULT_TEXTS[language][kind.code]
    used = set(TAG.findall(subject)) | set(TAG.findall(body))
    assert used <= set(kind.tags), f"not allowed in {kind.code}: {sorted(used - set(kind.tags))}"
    assert "firstname" in used or "fullname" in used or "reviewername" in used


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_no_template_syntax_scripts_or_styles(case):
    language, kind = case
    for text in DEFAULT_TEXTS[language][kind.code]:
        for bad in ("{{", "}}", "{%", "<script", "style="):
            assert bad not in text.lower()
        # Every brace belongs to a tag: no stray or upper-case {Tags} the renderer would leave as they are.
        assert "{" not in TAG.sub("", text) and "}" not in TAG.sub("", text)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_body_is_simple_html(case):
    language, kind = case
    _subject, body = DEFAULT_TEXTS[language][kind.code]
    assert body.strip() == body and body.startswith("<p>") and body.endswith("</p>")
    parser = _Html()
    parser.feed(body)
    parser.close()
    assert parser.used <= ALLOWED_HTML, f"tags not allowed: {sorted(parser.used - ALLOWED_HTML)}"
    assert parser.errors == [] and parser.open == []
    assert "&" not in re.sub(r"&(amp|lt|gt|quot|nbsp);", "", body), "unescaped &"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_link_tags_stand_alone_in_their_paragraph(case):
    language, kind = case
    _subject, body = DEFAULT_TEXTS[language][kind.code]
    for tag in LINKS & set(TAG.findall(body)):
        assert body.count(f"{{{tag}}}") == 1
        assert f"<p>{{{tag}}}</p>" in body


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_message_has_its_own_paragraph(case):
    """The renderer drops <p>{message}</p> when the recruiter left the message empty."""
    language, kind = case
    _subject, body = DEFAULT_TEXTS[language][kind.code]
    if "message" in kind.tags:
        assert body.count("{message}") == 1 and "<p>{message}</p>" in body
    else:
        assert "{message}" not in body


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_signed_by_the_recruiter_and_company(case):
    language, kind = case
    _subject, body = DEFAULT_TEXTS[language][kind.code]
    assert body.endswith("<br>{recruitername}<br>{companyname}</p>")


@pytest.mark.parametrize("language", LANGUAGES)
def test_kinds_carry_what_they_are_for(language):
    texts = DEFAULT_TEXTS[language]
    assert {code for code in KINDS_BY_CODE if code.startswith("rejection.")} == set(REJECTIONS)
    for code in REJECTIONS + ["letter.application_rejected"]:
        assert "<p>{message}</p>" in texts[code][1], code
    assert INTERVIEWS
    for code in INTERVIEWS:
        body = texts[code][1]
        for tag in ("interviewdate", "interviewtime", "address", "confirmlink"):
            assert f"{{{tag}}}" in body, (code, tag)
    assert "<p>{setpasswordlink}</p>" in texts["candidate_saved"][1]
    assert "48" in texts["candidate_saved"][1]
    assert "<p>{reviewlink}</p>" in texts["panel_review"][1]
    assert "{reviewername}" in texts["panel_review"][1]
    assert "7" in texts["panel_review"][1]
    assert "<p>{contractlink}</p>" in texts["contract"][1]
    for tag in ("offerposition", "offervaliduntil", "offersummary", "offerterms"):  # the terms it carries
        assert f"{{{tag}}}" in texts["offer"][1], tag
    for tag in ("salary", "hours", "placeofwork", "startdate"):  # optional terms only through the summary
        assert f"{{{tag}}}" not in texts["offer"][1], tag
    assert "<p>{offerlink}</p>" in texts["offer"][1] and "<p>{offerterms}</p>" in texts["offer"][1]
    assert "<p>{offersummary}</p>" in texts["offer"][1] and "<li>" not in texts["offer"][1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_default_offer_lists_only_the_terms_that_are_set(language):
    """No "Salary:" line with nothing after it: the summary leaves out the terms the offer does not name, stands
    as a list in the HTML part and as lines in the text part."""
    subject, body = DEFAULT_TEXTS[language]["offer"]
    terms = {"offerposition": "Backend developer", "offerdepartment": "", "startdate": "1 March 2027",
             "salary": "", "hours": "", "placeofwork": "Bergen"}
    values = {**terms, "offersummary": offer_summary(terms, language), "offerterms": "",
              "offervaliduntil": "20 February 2027", "firstname": "Kari"}
    email = render_email(subject, body, TagValues(values, {"offerlink": ("https://ats.example/offer/x", "Open")}),
                         kind="offer", language=language)
    assert "<ul" in email.html and "<p><ul" not in email.html and "<p></p>" not in email.html
    lines = [line.strip(" *•\t") for line in email.text.splitlines()]
    position, start, place = (gettext(language, label) for label in ("Position", "Start date", "Place of work"))
    assert f"{position}: Backend developer" in lines and f"{start}: 1 March 2027" in lines
    assert f"{place}: Bergen" in lines
    for label in ("Salary", "Working hours", "Department"):
        assert f"{gettext(language, label)}:" not in email.text, label


@pytest.mark.parametrize("language", LANGUAGES)
def test_letters_are_for_paper(language):
    for kind in KINDS:
        if kind.group == "letter":
            _subject, body = DEFAULT_TEXTS[language][kind.code]
            assert "<a" not in body and "link" not in " ".join(TAG.findall(body))
            assert "{fullname}" in body


@pytest.mark.parametrize("language", TRANSLATED)
def test_translated_not_copied_from_english(language):
    for kind in KINDS:
        for text, english in zip(DEFAULT_TEXTS[language][kind.code], DEFAULT_TEXTS["en"][kind.code], strict=True):
            assert _without_tags(text) != _without_tags(english), f"{language} {kind.code} is the English text"


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_sentence_left_in_a_translation(language):
    """A paragraph copied from English (tags aside) is a sentence left untranslated."""
    english = {_without_tags(part) for _s, body in DEFAULT_TEXTS["en"].values()
               for part in re.split(r"</?(?:p|li)>", body) if len(TAG.sub("", part)) > 20}
    for code, (_subject, body) in DEFAULT_TEXTS[language].items():
        for part in re.split(r"</?(?:p|li)>", body):
            assert _without_tags(part) not in english, f"{language} {code}: {part!r}"


def test_default_template():
    assert default_template("offer", "nb") == DEFAULT_TEXTS["nb"]["offer"]
    assert default_template("offer", "no") == DEFAULT_TEXTS["nb"]["offer"]
    assert default_template("offer", "de") == DEFAULT_TEXTS["en"]["offer"]
    assert default_template("offer", "") == DEFAULT_TEXTS["en"]["offer"]
    with pytest.raises(KeyError):
        default_template("no.such.kind", "en")
    with pytest.raises(KeyError):
        default_template("custom", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_defaults_survive_the_editor_and_render(language):
    """Opening a default in the editor and saving it unchanged stores the same HTML, and every default
    renders without a leftover tag or an empty paragraph when the recruiter wrote no message."""
    from ats_app.mail.markup import html_to_markdown, markdown_to_html

    for code, (subject, body) in DEFAULT_TEXTS[language].items():
        assert markdown_to_html(html_to_markdown(body)) == re.sub(r">\s+<", "><", body), code
        tags = KINDS_BY_CODE[code].tags
        links = {tag: (f"https://ats.example/{tag}", "Open") for tag in LINKS & set(tags)}
        values = {tag: f"[{tag}]" for tag in tags if tag not in links} | {"message": ""}
        email = render_email(subject, body, TagValues(values, links), kind=code, language=language)
        assert "{" not in email.subject + email.text and "<p></p>" not in email.html, code
