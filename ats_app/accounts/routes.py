"""The staff log-in page and log-out (server-rendered, no JavaScript): the session lives in an HttpOnly cookie
set here, never in Reflex's state (web.security hands Reflex its hash).

GET /login shows the form (straight on to the app when already logged in, to /first-run while the database
has no user). POST /login carries a double-submit CSRF token, is throttled before any hashing
(accounts.login_throttle) and answers the same for an unknown email, a wrong password and a locked account.
POST /logout must come from our own pages (Origin or Referer on this host; the cookie is SameSite=Lax too).
"""

from pathlib import Path
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.accounts import auth, first_run, login
from ats_app.core import config, i18n
from ats_app.core.i18n import N_
from ats_app.core.passwords import HashingBusy
from ats_app.web import public_pages
from ats_app.web.security import is_https

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSRF_COOKIE = "ats_login_csrf"
LOCALE_COOKIE = "ats_locale"  # the UI language Reflex keeps (ui.locale): the log-in page starts from it
SESSION_AGE = int(auth.SESSION_LIFETIME.total_seconds())
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                               "frame-ancestors 'none'",
}
WRONG = N_("The email or password is not right.")
THROTTLED = N_("Too many attempts. Wait a minute and try again.")
BUSY = N_("Many people are logging in right now. Try again in a moment.")
EMPTY = N_("Enter your email and password.")
STALE = N_("The page was too old, so you were not logged in. Please try again.")
FAILED = N_("Something went wrong. Please try again.")


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _language(request: Request, form=None) -> str:
    """An explicit choice (the form's, or ?lang=), else the app's remembered one, else the browser's."""
    for chosen in ((form.get("lang") if form is not None else None), request.query_params.get("lang"),
                   request.cookies.get(LOCALE_COOKIE)):
        if chosen in i18n.LANGUAGES:
            return str(chosen)
    return i18n.language_from_accept(request.headers.get("accept-language"))


def safe_next(target: str | None) -> str:
    """Where to go after log-in: a path on this site only ("/" for anything else)."""
    target = (target or "").strip()
    if not target.startswith("/") or target.startswith("//") or "\\" in target or any(ord(c) < 33 for c in target):
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and not target.startswith("/login") else "/"


def _page(request: Request, language: str, *, status: int = 200, error: str | None = None, email: str = "",
          next_path: str = "/") -> HTMLResponse:
    csrf = public_pages.csrf_value(request, CSRF_COOKIE)
    html = public_pages.environment(TEMPLATES, language).get_template("login.html").render(
        lang=language, csrf=csrf, switch=public_pages.language_switch(request, language), error=error,
        email=email, next=next_path if next_path != "/" else "", q=f"?lang={language}")
    response = HTMLResponse(html, status_code=status)
    public_pages.keep_csrf(request, response, CSRF_COOKIE, csrf, "/login", SESSION_AGE)
    return response


def _friendly(request: Request, status: int) -> Response:
    if status == 405:
        return RedirectResponse("/login", status_code=303)
    return _page(request, _language(request), status=status, error=FAILED)


async def login_page(request: Request) -> Response:
    """GET /login."""
    token = request.cookies.get(auth.SESSION_COOKIE)

    def look(session):
        return first_run.needs_first_admin(session), auth.user_for_token(session, token) is not None
    needs_admin, logged_in = await public_pages.in_transaction(look)
    if needs_admin:
        return RedirectResponse("/first-run", status_code=303)
    next_path = safe_next(request.query_params.get("next"))
    if logged_in:
        return RedirectResponse(next_path, status_code=303)
    return _page(request, _language(request), next_path=next_path)


async def login_submit(request: Request) -> Response:
    """POST /login: a session cookie and on to the app, or the form again with one neutral message."""
    form = await request.form()
    language = _language(request, form)
    email, password = str(form.get("email", "")).strip(), str(form.get("password", ""))
    next_path = safe_next(str(form.get("next", "")))
    if cross_site(request) or not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _page(request, language, status=403, error=STALE, email=email, next_path=next_path)
    if not email or not password:
        return _page(request, language, status=400, error=EMPTY, email=email, next_path=next_path)
    try:
        result = await public_pages.in_transaction(lambda s: login.attempt(s, email, password, _client(request)))
    except HashingBusy:
        return _page(request, language, status=503, error=BUSY, email=email, next_path=next_path)
    if result.token is None:
        throttled = result.outcome == login.THROTTLED
        return _page(request, language, status=429 if throttled else 400, error=THROTTLED if throttled else WRONG,
                     email=email, next_path=next_path)
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(auth.SESSION_COOKIE, result.token, max_age=SESSION_AGE, path="/", httponly=True,
                        samesite="lax", secure=is_https(request.scope))
    response.delete_cookie(CSRF_COOKIE, path="/login")  # a fresh token for the next log-in
    return response


def same_site(request: Request) -> bool:
    """True when the form was sent from one of our own pages (Origin, else Referer, names this host)."""
    source = request.headers.get("origin") or request.headers.get("referer") or ""
    return bool(source) and source != "null" and urlsplit(source).netloc in _our_hosts(request)


def _our_hosts(request: Request) -> set[str]:
    """The names this site answers to: the request's Host, and ATS_PUBLIC_URL's (a proxy may rewrite Host)."""
    return {name for name in (request.headers.get("host", ""), urlsplit(config.public_url()).netloc) if name}


def cross_site(request: Request) -> bool:
    """True when the browser says the form came from another site (an Origin naming another host). Beside the
    double-submit token, this stops a sibling subdomain that can plant cookies from logging a visitor in as
    someone else. Without an Origin, or with "null" (what a page under Referrer-Policy no-referrer sends, as
    the shared sealed-link page does), the token alone decides."""
    origin = request.headers.get("origin", "")
    return bool(origin) and origin != "null" and urlsplit(origin).netloc not in _our_hosts(request)


async def logout_submit(request: Request) -> Response:
    """POST /logout: end this session, forget the cookie, back to the log-in page."""
    if not same_site(request):
        return _page(request, _language(request), status=403, error=STALE)
    token = request.cookies.get(auth.SESSION_COOKIE)
    await public_pages.in_transaction(lambda s: login.log_out(s, token, _client(request)))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


async def to_login(request: Request) -> Response:
    """GET /logout: nothing to show; the log-in page."""
    return RedirectResponse("/login", status_code=303)


METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
ROUTES = [
    Route("/login", public_pages.endpoint(login_page, login_submit, HEADERS, _friendly, "log-in"), methods=METHODS),
    Route("/login/", public_pages.endpoint(login_page, login_submit, HEADERS, _friendly, "log-in"), methods=METHODS),
    Route("/logout", public_pages.endpoint(to_login, logout_submit, HEADERS, _friendly, "log-out"), methods=METHODS),
]
