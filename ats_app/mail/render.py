"""Turning a recruiter's template into an email: tags → sandboxed Jinja2 → inlined HTML + plain text.

Recruiters write EasyCruit tags (`{firstname}`), never Jinja: the compiler turns each allowed tag into a
variable and every other character into a literal, so `{{ … }}` in a template is just text. Rendering
runs in Jinja2's immutable sandbox with autoescaping, so candidate data (a name like `<script>`) is
always escaped. An unknown tag is an error for the editor, never a blank in a sent mail.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import css_inline
from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ats_app.core.errors import UnknownTag
from ats_app.mail.kinds import canonical_tag, kind_for

TAG = re.compile(r"\{([a-z][a-z_-]*)\}")
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|<br>)*</p>")
# A paragraph holding nothing but a list (a tag whose value is a list, "<p>{offersummary}</p>") is that list.
_LIST_PARAGRAPH = re.compile(r"<p>\s*(<ul>(?:(?!</?p>).)*?</ul>)\s*</p>", re.S)
_TEMPLATES_DIR = Path(__file__).resolve().parent / "layouts"
_HTML_ENV = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
_TEXT_ENV = ImmutableSandboxedEnvironment(autoescape=False, undefined=StrictUndefined)
_LAYOUT_ENV = ImmutableSandboxedEnvironment(loader=FileSystemLoader(_TEMPLATES_DIR), autoescape=True)
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False)
_TEXT_CONFIG = ParserConfig(css=CSS_PROFILES["strict"], display_links=True)


@dataclass
class TagValues:
    """What the tags of one email stand for: plain values, and links (url, label) made into anchors."""

    values: dict[str, str] = field(default_factory=dict)
    links: dict[str, tuple[str, str]] = field(default_factory=dict)

    def for_html(self) -> dict[str, object]:
        out: dict[str, object] = dict(self.values)
        for name, (url, label) in self.links.items():
            out[name] = Markup('<a href="{0}">{1}</a>').format(url, label)
        return out

    def for_text(self) -> dict[str, object]:
        return {**self.values, **{name: url for name, (url, _label) in self.links.items()}}


@dataclass(frozen=True)
class RenderedEmail:
    """A finished email: the subject, the HTML part (CSS inlined) and the plain-text part."""

    subject: str
    html: str
    text: str


def tags_in(source: str) -> list[str]:
    """The tags written in source, as written (aliases not yet resolved)."""
    return TAG.findall(source)


def unknown_tags(source: str, kind: str) -> list[str]:
    """Tags in source that the kind does not offer (empty when all is well)."""
    return tags_outside(source, kind_for(kind).tags)


def tags_outside(source: str, allowed: tuple[str, ...]) -> list[str]:
    """Tags in source that are not among allowed (a contract's own tag list: no email kind)."""
    return sorted({tag for tag in tags_in(source) if canonical_tag(tag) not in allowed})


def check_tags(source: str, kind: str) -> None:
    """Raise UnknownTag when source uses a tag the kind does not offer."""
    _check_allowed(source, kind_for(kind).tags)


def _check_allowed(source: str, allowed: tuple[str, ...]) -> None:
    unknown = tags_outside(source, allowed)
    if unknown:
        raise UnknownTag(unknown, allowed)


@lru_cache(maxsize=1024)
def _compiled(source: str, html: bool, allowed: tuple[str, ...]):
    """Compile once per (template, mode, tag list): literals become numbered variables, tags their names."""
    _check_allowed(source, allowed)
    literals: list[str] = []
    jinja = []
    position = 0
    for match in TAG.finditer(source):
        literals.append(source[position:match.start()])
        jinja.append("{{ _l%d }}" % (len(literals) - 1))
        jinja.append("{{ %s }}" % canonical_tag(match.group(1)).replace("-", "_"))
        position = match.end()
    literals.append(source[position:])
    jinja.append("{{ _l%d }}" % (len(literals) - 1))
    env = _HTML_ENV if html else _TEXT_ENV
    wrap = Markup if html else str  # the recruiter's HTML is already cleaned (nh3) and trusted
    return env.from_string("".join(jinja)), {f"_l{i}": wrap(text) for i, text in enumerate(literals)}


def render_fragment(source: str, values: TagValues, kind: str, *, html: bool = True) -> str:
    """source with its tags filled in: escaped for HTML, or plain for a subject line."""
    return render_with_tags(source, values, kind_for(kind).tags, html=html)


def render_with_tags(source: str, values: TagValues, allowed: tuple[str, ...], *, html: bool = True) -> str:
    """render_fragment for a document with its own tag list (a contract's self-defined variables)."""
    template, literals = _compiled(source, html, allowed)
    context = {k.replace("-", "_"): v for k, v in (values.for_html() if html else values.for_text()).items()}
    missing = {canonical_tag(tag) for tag in tags_in(source)} - set(context)
    for name in missing:  # a tag the kind offers but this email has no value for reads as nothing
        context[name.replace("-", "_")] = ""
    rendered = template.render(**context, **literals)
    return _LIST_PARAGRAPH.sub(r"\1", rendered) if html else rendered


def render_subject(source: str, values: TagValues, kind: str) -> str:
    """The subject on one line."""
    return " ".join(render_fragment(source, values, kind, html=False).split())


def wrap_in_layout(body_html: str, subject: str, language: str, footer: str) -> str:
    """The body in the developer-owned layout, with its CSS inlined (no remote fetches)."""
    body_html = _EMPTY_PARAGRAPH.sub("", body_html)
    page = _LAYOUT_ENV.get_template("layout.html").render(
        body=Markup(body_html), subject=subject, language=language, footer=footer)
    return _INLINER.inline(page)


def plain_text(html: str) -> str:
    """The plain-text part, links kept as "text: url"."""
    return get_text(html, _TEXT_CONFIG).strip() + "\n"


def render_email(subject_source: str, body_source: str, values: TagValues, *, kind: str, language: str,
                 footer: str = "") -> RenderedEmail:
    """A whole email from a template's subject and body (HTML) for one recipient."""
    subject = render_subject(subject_source, values, kind)
    body = render_fragment(body_source, values, kind, html=True)
    html = wrap_in_layout(body, subject, language, footer)
    return RenderedEmail(subject=subject, html=html, text=plain_text(html))
