"""The recruiter's writing format for email bodies: plain text with a little Markdown.

Recruiters write paragraphs (blank line), line breaks, **bold**, *italic*, "- " lists and
[text](https://link); we store clean HTML (nh3) and turn it back into the same text for editing.
Keeping the format this small makes the round trip exact and leaves no room for markup tricks.
"""

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def clean_html(body: str) -> str:
    """body with everything but the few formatting tags removed (nh3); links get rel=noopener."""
    return nh3.clean(body, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def _inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = _LINK.sub(r'<a href="\2">\1</a>', out)  # already escaped with the rest of the text
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return _ITALIC.sub(r"<em>\1</em>", out)


def markdown_to_html(text: str) -> str:
    """The recruiter's text as clean HTML: blocks split on blank lines, "- " lines become a list."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    parts = []
    for block in blocks:
        lines = [line.rstrip() for line in block.split("\n")]
        if not any(lines):
            continue
        if all(line.lstrip().startswith(("- ", "* ")) for line in lines if line):
            items = "".join(f"<li>{_inline(line.lstrip()[2:])}</li>" for line in lines if line)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return clean_html("".join(parts))


def _text_of(fragment: str) -> str:
    fragment = re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>',
                      r"[\2](\1)", fragment, flags=re.S)
    fragment = re.sub(r"</?strong>", "**", fragment)
    fragment = re.sub(r"</?em>", "*", fragment)
    fragment = re.sub(r"<br\s*/?>", "\n", fragment)
    fragment = re.sub(r"<[^>]+>", "", fragment)
    return html.unescape(fragment).strip()


def html_to_markdown(body: str) -> str:
    """Stored HTML back in the recruiter's format (exact for what markdown_to_html produces)."""
    body = clean_html(body)
    blocks = []
    for match in re.finditer(r"<(p|ul)>(.*?)</\1>", body, flags=re.S):
        if match.group(1) == "ul":
            items = re.findall(r"<li>(.*?)</li>", match.group(2), flags=re.S)
            blocks.append("\n".join(f"- {_text_of(item)}" for item in items))
        else:
            blocks.append(_text_of(match.group(2)))
    if not blocks:
        return _text_of(body)
    return "\n\n".join(blocks)
