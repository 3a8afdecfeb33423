"""What the public, server-rendered pages share (the candidate portal, the interview answer page, the panel
review page): per-language Jinja2 environments, a transaction in a worker thread, double-submit CSRF tokens,
and an endpoint that dispatches by method and answers every failure with a friendly page."""

import asyncio
import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader
from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from ats_app.core import i18n
from ats_app.core.db import session_scope

CSRF_FIELD = "csrf"
SHARED_TEMPLATES = Path(__file__).resolve().parent / "templates"  # partials every public page may include
PRIVATE_HEADERS = {  # a page whose URL holds a token: never cached, never sent on as a referrer, no scripts
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
}
log = logging.getLogger(__name__)
Handler = Callable[[Request], Awaitable[Response]]


class RowId(Convertor):
    """A database id in a public path: 1 to 9 digits, so a 20-digit id is no route (the friendly 404) rather
    than an integer the database cannot take (a 500 and a stack trace in the log, on anyone's demand)."""

    regex = "[0-9]{1,9}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("rowid", RowId())


@lru_cache(maxsize=None)
def environment(templates: Path | tuple[Path, ...], language: str) -> Environment:
    """One environment per folder (or folders, searched in order) and language with its catalog installed once:
    installing it per request on one shared environment would let two requests in different languages swap each
    other's words. The shared partials (web/templates) are found after the page's own folders."""
    folders = [*templates] if isinstance(templates, tuple) else [templates]
    env = Environment(loader=FileSystemLoader([*folders, SHARED_TEMPLATES]), autoescape=True,
                      extensions=["jinja2.ext.i18n"])
    # Added by the i18n extension at run time, so the type checker cannot know it.
    env.install_gettext_translations(i18n.translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env


async def in_transaction(work: Callable):
    """Run work(session) in a worker thread inside one transaction (committed when it returns)."""
    def run():
        with session_scope() as session:
            return work(session)
    return await asyncio.to_thread(run)


def csrf_value(request: Request, cookie: str) -> str:
    """The visitor's CSRF token: the cookie's when it looks like one of ours, else a fresh one."""
    current = request.cookies.get(cookie, "")
    return current if 32 <= len(current) <= 64 and current.isascii() else secrets.token_urlsafe(32)


def csrf_ok(request: Request, form, cookie: str) -> bool:
    """Double submit: the hidden field must equal the cookie (a foreign site can set neither)."""
    cookie_value, field = request.cookies.get(cookie, ""), form.get(CSRF_FIELD, "")
    return bool(cookie_value) and isinstance(field, str) and cookie_value.isascii() and field.isascii() \
        and hmac.compare_digest(cookie_value.encode(), field.encode())


def keep_csrf(request: Request, response: Response, cookie: str, token: str, path: str, max_age: int) -> None:
    """Set the CSRF cookie to token (the page's hidden field) unless the request already carried it."""
    if request.cookies.get(cookie) != token:
        https = request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
        response.set_cookie(cookie, token, max_age=max_age, path=path, httponly=True, samesite="lax", secure=https)


def endpoint(get: Handler, post: Handler | None, headers: dict[str, str],
             friendly: Callable[[Request, int], Response], name: str) -> Handler:
    """One address of a public page: GET/HEAD and POST to their handlers, another method the friendly 405,
    an unexpected failure the friendly 500 (logged without the path, which may hold a token); every response
    gets headers."""
    async def serve(request: Request) -> Response:
        handler = get if request.method in ("GET", "HEAD") else post if request.method == "POST" else None
        response: Response
        try:
            response = friendly(request, 405) if handler is None else await handler(request)
        except Exception:
            log.exception("%s: %s failed", name, request.method)
            try:
                response = friendly(request, 500)
            except Exception:
                response = PlainTextResponse("Something went wrong. Please try again later.", status_code=500)
        response.headers.update(headers)
        return response
    return serve


def language_switch(request: Request, language: str, offered: list[str] | None = None) -> list[dict]:
    """The same page in each offered language (all six when None), each named in itself."""
    query = {k: v for k, v in request.query_params.items() if k != "lang"}
    codes = [c for c in i18n.LANGUAGES if offered is None or c in offered]
    if len(codes) < 2:
        return []
    return [{"code": code, "name": i18n.LANGUAGES[code], "current": code == language,
             "href": f"{request.url.path}?{urlencode({**query, 'lang': code})}"} for code in codes]


def sealed_link_language(request: Request, own_language: str | None) -> str:
    """The language of a page behind a sealed link: chosen with ?lang=, else its holder's (the candidate's or
    the reviewer's), else the browser's."""
    chosen = request.query_params.get("lang")
    if chosen in i18n.LANGUAGES:
        return str(chosen)
    return own_language or i18n.language_from_accept(request.headers.get("accept-language"))


def render_sealed_link_page(request: Request, templates: Path, template: str, language: str, *, cookie: str,
                            cookie_path: str, cookie_age: int, status: int = 200, **context) -> HTMLResponse:
    """A page behind a sealed link (/review, /offer, /contract): rendered in language with its CSRF token kept
    in cookie, the language switch, the way home (the link's first page, cookie_path/token) and ?lang= kept."""
    csrf = csrf_value(request, cookie)
    token = request.path_params.get("token", "")
    html = environment(templates, language).get_template(template).render(
        lang=language, csrf=csrf, switch=language_switch(request, language), home=f"{cookie_path}/{token}",
        q=f"?lang={language}", **context)
    response = HTMLResponse(html, status_code=status)
    keep_csrf(request, response, cookie, csrf, cookie_path, cookie_age)
    return response
