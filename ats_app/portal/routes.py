"""The candidate portal: small server-rendered pages (Starlette + Jinja2, no JavaScript) where a candidate
sets a password from a one-time link, logs in, follows their applications, updates contact details,
withdraws an application and asks for their data to be deleted.

GET never changes anything; every POST carries a double-submit CSRF token. Every response says no-store,
no-referrer (the set-password URL holds a token) and a strict CSP; failures are friendly pages, never traces.
The rules live in portal.self_service and portal.accounts; this module only reads forms, picks the language and renders.
"""

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.core import i18n, passwords
from ats_app.core.errors import InvalidInput, LinkUnusable, PortalApplicationNotFound, PortalError
from ats_app.core.i18n import N_
from ats_app.portal import accounts, self_service
from ats_app.web import public_pages

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).resolve().parent / "templates"
SESSION_COOKIE = "ats_candidate"
CSRF_COOKIE = "ats_portal_csrf"
COOKIE_PATH = "/portal"
COOKIE_AGE = int(accounts.SESSION_LIFETIME.total_seconds())
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
}
# ?done=… after a POST-redirect-GET: which confirmation the portal page shows (codes only, never free text).
DONE = {
    "password": N_("Your password is set. Welcome!"),
    "contact": N_("Your contact details are saved."),
    "withdrawn": N_("Your application has been withdrawn."),
    "deletion": N_("We have passed on your request to delete your data. The recruiters will contact you."),
}
NO_SUCH_PAGE = N_("There is no such page.")
THROTTLED = N_("Too many attempts. Wait a minute and try again.")
BUSY = N_("Many people are logging in right now. Try again in a moment.")
Handler = Callable[[Request], Awaitable[Response]]


def _https(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


def _set_cookie(response: Response, request: Request, name: str, value: str) -> None:
    response.set_cookie(name, value, max_age=COOKIE_AGE, path=COOKIE_PATH, httponly=True, samesite="lax",
                        secure=_https(request))


def _visitor_language(request: Request, form=None, known: str | None = None) -> str:
    """Before log-in: an explicit choice (?lang= or the form's lang), else the candidate's own when the
    link tells us who it is, else the browser's Accept-Language."""
    chosen = (form.get("lang") if form is not None else None) or request.query_params.get("lang")
    if chosen in i18n.LANGUAGES:
        return chosen
    if known:
        return i18n.normalise_language(known)
    return i18n.language_from_accept(request.headers.get("accept-language"))


def _switch(request: Request, language: str) -> list[dict]:
    """The language switch: the same page (same token) in each language, each named in itself."""
    query = {k: v for k, v in request.query_params.items() if k not in ("lang", "done")}
    return [{"code": code, "name": name, "current": code == language,
             "href": f"{request.url.path}?{urlencode({**query, 'lang': code})}"}
            for code, name in i18n.LANGUAGES.items()]


def _render(request: Request, template: str, language: str, *, status: int = 200,
            candidate: accounts.PortalCandidate | None = None, **context) -> HTMLResponse:
    csrf = public_pages.csrf_value(request, CSRF_COOKIE)
    bound = _bound_csrf(request) if candidate else None
    html = public_pages.environment(TEMPLATES, language).get_template(template).render(
        lang=language, csrf=bound or csrf, candidate=candidate, errors=context.pop("errors", {}),
        switch=None if candidate else _switch(request, language), **context)
    response = HTMLResponse(html, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != csrf:
        _set_cookie(response, request, CSRF_COOKIE, csrf)
    return response


def _bound_csrf(request: Request) -> str | None:
    """The logged-in candidate's CSRF token, bound to their session cookie."""
    token = request.cookies.get(SESSION_COOKIE)
    return accounts.csrf_token(token) if token else None


def _bound_csrf_ok(request: Request, form) -> bool:
    """A logged-in form must carry the token of this very session (not the anonymous double-submit one)."""
    expected, sent = _bound_csrf(request), form.get(public_pages.CSRF_FIELD, "")
    return bool(expected) and isinstance(sent, str) and sent.isascii() and \
        hmac.compare_digest(expected.encode(), sent.encode())


def _message(request: Request, language: str, status: int, title: str, text: str, *,
             link: tuple[str, str] | None = None, candidate=None) -> HTMLResponse:
    """A friendly page for whatever went wrong, with the way forward (link: href and label)."""
    return _render(request, "message.html", language, status=status, candidate=candidate, title=title, text=text,
                   link=link)


def _link_gone(request: Request, language: str) -> HTMLResponse:
    return _message(request, language, 410, N_("This link can no longer be used"),
                    N_("A link to set your password works once, for 48 hours. Ask the recruiter for a new link. "
                       "If you have already set your password, just log in."),
                    link=("/portal/login", N_("Log in")))


def _forbidden(request: Request, language: str, candidate=None) -> HTMLResponse:
    return _message(request, language, 403, N_("Please try again"),
                    N_("This form was too old or did not come from this site, so nothing was changed. "
                       "Go back, reload the page and send it again."),
                    link=("/portal", N_("Back to the portal")), candidate=candidate)


def _not_found(request: Request, language: str, candidate=None, text: str = self_service.NOT_FOUND,
               status: int = 404) -> HTMLResponse:
    return _message(request, language, status, N_("Not found"), text, link=("/portal", N_("Back to the portal")),
                    candidate=candidate)


def _to_login(request: Request) -> RedirectResponse:
    response = RedirectResponse("/portal/login", status_code=303)
    if request.cookies.get(SESSION_COOKIE):
        response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)
    return response


def _logged_in(request: Request, session_token: str, target: str = "/portal") -> RedirectResponse:
    """To target with a fresh session cookie, and a fresh CSRF token for the new log-in."""
    response = RedirectResponse(target, status_code=303)
    _set_cookie(response, request, SESSION_COOKIE, session_token)
    _set_cookie(response, request, CSRF_COOKIE, secrets.token_urlsafe(32))
    return response


async def _candidate(request: Request) -> accounts.PortalCandidate | None:
    token = request.cookies.get(SESSION_COOKIE)
    return await public_pages.in_transaction(lambda s: accounts.candidate_for_token(s, token)) if token else None


# --- set password ---------------------------------------------------------------------------------------------

async def set_password_page(request: Request) -> Response:
    """GET /portal/set-password?token=: the form (looking at it never uses the link up)."""
    token = request.query_params.get("token", "")
    found = await public_pages.in_transaction(lambda s: accounts.candidate_for_link(s, token))
    if found is None:
        return _link_gone(request, _visitor_language(request))
    return _render(request, "set_password.html", _visitor_language(request, known=found.language), token=token,
                   email=found.email)


async def set_password_submit(request: Request) -> Response:
    """POST /portal/set-password: set the password (twice, matching), log in, go to the portal."""
    form = await request.form()
    token, password, again = (str(form.get(k, "")) for k in ("token", "password", "password_again"))
    found = await public_pages.in_transaction(lambda s: accounts.candidate_for_link(s, token))
    language = _visitor_language(request, form, found.language if found else None)
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _forbidden(request, language)
    if found is None:
        return _link_gone(request, language)
    errors = {}
    if problem := passwords.password_problem(password, found.email):
        errors["password"] = problem
    elif password != again:
        errors["password_again"] = N_("The two passwords are not the same.")
    if not errors:
        def work(session):
            return accounts.open_session(session, accounts.set_password(session, token, password))
        try:
            return _logged_in(request, await public_pages.in_transaction(work), "/portal?done=password")
        except LinkUnusable:
            return _link_gone(request, language)
        except InvalidInput as refused:
            errors = refused.errors
    return _render(request, "set_password.html", language, status=400, token=token, email=found.email, errors=errors)


# --- log in / out ---------------------------------------------------------------------------------------------

async def login_page(request: Request) -> Response:
    """GET /portal/login (straight on to the portal when already logged in)."""
    if await _candidate(request) is not None:
        return RedirectResponse("/portal", status_code=303)
    return _render(request, "login.html", _visitor_language(request), email="")


async def login_submit(request: Request) -> Response:
    """POST /portal/login: a wrong email or password gives one message and no session."""
    form = await request.form()
    language = _visitor_language(request, form)
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _forbidden(request, language)
    email, password = str(form.get("email", "")), str(form.get("password", ""))
    client = request.client.host if request.client else ""
    try:
        throttled, token = await public_pages.in_transaction(
            lambda s: accounts.throttled_log_in(s, email, password, client))
    except passwords.HashingBusy:
        return _render(request, "login.html", language, status=503, email=email, errors={"form": BUSY})
    if throttled:
        return _render(request, "login.html", language, status=429, email=email, errors={"form": THROTTLED})
    if token is None:
        return _render(request, "login.html", language, status=400, email=email,
                       errors={"form": N_("The email address or the password is wrong.")})
    return _logged_in(request, token)


async def logout_submit(request: Request) -> Response:
    """POST /portal/logout: end the session and forget the cookie."""
    form = await request.form()
    if await _candidate(request) is not None and not _bound_csrf_ok(request, form):
        return _forbidden(request, _visitor_language(request, form))
    token = request.cookies.get(SESSION_COOKIE)
    await public_pages.in_transaction(lambda s: accounts.log_out(s, token))
    response = RedirectResponse("/portal/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)
    return response


# --- the portal page and contact details ----------------------------------------------------------------------

async def _home(request: Request, candidate: accounts.PortalCandidate, *, entered: dict | None = None,
                errors: dict | None = None) -> Response:
    """The portal page; with entered and errors, the contact form as sent, each problem by its field."""
    def work(session):
        return (self_service.applications_for(session, candidate.id, candidate.language),
                entered or self_service.contact_of(session, candidate.id))
    applications, contact = await public_pages.in_transaction(work)
    return _render(request, "home.html", candidate.language, status=400 if errors else 200, candidate=candidate,
                   applications=applications, contact=contact, errors=errors or {},
                   done=None if errors else DONE.get(request.query_params.get("done", "")))


async def home_page(request: Request) -> Response:
    """GET /portal: the candidate's applications with their status, and the contact form."""
    candidate = await _candidate(request)
    if candidate is None:
        return _to_login(request)
    return await _home(request, candidate)


async def _logged_in_post(request: Request):
    """(candidate, form, None) for a logged-in POST with a valid CSRF token, else (…, response to send)."""
    candidate = await _candidate(request)
    if candidate is None:
        return None, None, _to_login(request)
    form = await request.form()
    if not _bound_csrf_ok(request, form):
        return candidate, form, _forbidden(request, candidate.language, candidate)
    return candidate, form, None


async def contact_page(request: Request) -> Response:
    """GET /portal/contact: the form lives on the portal page."""
    return RedirectResponse("/portal#contact", status_code=303)


async def contact_submit(request: Request) -> Response:
    """POST /portal/contact: save, or show each problem next to its field (and change nothing)."""
    candidate, form, refusal = await _logged_in_post(request)
    if refusal is not None:
        return refusal
    entered = {field: str(form.get(field, "")) for field in self_service.CONTACT_FIELDS}
    try:
        await public_pages.in_transaction(lambda s: self_service.update_contact(s, candidate.id, **entered))
    except InvalidInput as refused:
        return await _home(request, candidate, entered=entered, errors=refused.errors)
    return RedirectResponse("/portal?done=contact", status_code=303)


# --- withdraw -------------------------------------------------------------------------------------------------

async def withdraw_page(request: Request) -> Response:
    """GET /portal/withdraw/{id}: "Are you sure?" (or why it cannot be withdrawn)."""
    candidate = await _candidate(request)
    if candidate is None:
        return _to_login(request)
    wanted = request.path_params["application_id"]
    applications = await public_pages.in_transaction(
        lambda s: self_service.applications_for(s, candidate.id, candidate.language))
    application = next((a for a in applications if a.id == wanted), None)
    if application is None:
        return _not_found(request, candidate.language, candidate)
    return _render(request, "withdraw.html", candidate.language, candidate=candidate, application=application)


async def withdraw_submit(request: Request) -> Response:
    """POST /portal/withdraw/{id}: withdraw it; another candidate's application is simply not found."""
    candidate, form, refusal = await _logged_in_post(request)
    if refusal is not None:
        return refusal
    wanted = request.path_params["application_id"]
    try:
        await public_pages.in_transaction(lambda s: self_service.withdraw(s, candidate.id, wanted))
    except PortalApplicationNotFound:
        return _not_found(request, candidate.language, candidate)
    except PortalError as refused:
        return _message(request, candidate.language, 409, N_("The application was not withdrawn"), refused.message,
                        link=("/portal", N_("Back to the portal")), candidate=candidate)
    return RedirectResponse("/portal?done=withdrawn", status_code=303)


# --- delete my data -------------------------------------------------------------------------------------------

async def deletion_page(request: Request) -> Response:
    """GET /portal/delete-my-data: what happens, an optional note, and the confirm button."""
    candidate = await _candidate(request)
    if candidate is None:
        return _to_login(request)
    pending = await public_pages.in_transaction(
        lambda s: self_service.open_deletion_request(s, candidate.id) is not None)
    return _render(request, "delete.html", candidate.language, candidate=candidate, pending=pending, note="")


async def deletion_submit(request: Request) -> Response:
    """POST /portal/delete-my-data: the request reaches the recruiters as a task."""
    candidate, form, refusal = await _logged_in_post(request)
    if refusal is not None:
        return refusal
    note = str(form.get("note", ""))
    try:
        await public_pages.in_transaction(lambda s: self_service.request_deletion(s, candidate.id, note))
    except PortalError as refused:
        return _render(request, "delete.html", candidate.language, status=409, candidate=candidate, pending=True,
                       note=note, errors={"form": refused.message})
    return RedirectResponse("/portal?done=deletion", status_code=303)


# --- routing --------------------------------------------------------------------------------------------------

async def unknown_page(request: Request) -> Response:
    """Any other /portal/… address: a friendly 404 ("/portal/" itself leads to the portal)."""
    if request.path_params.get("rest") == "":
        return RedirectResponse("/portal", status_code=303)
    return _not_found(request, _visitor_language(request), text=NO_SUCH_PAGE)


def _page(get: Handler | None = None, post: Handler | None = None) -> Handler:
    """One endpoint per address: GET (and HEAD) and POST to their handlers, any other method a friendly 405;
    every response gets the portal's headers, and an unexpected failure a friendly 500 page."""
    async def endpoint(request: Request) -> Response:
        handler = get if request.method in ("GET", "HEAD") else post if request.method == "POST" else None
        response: Response
        try:
            if handler is None:
                response = _not_found(request, _visitor_language(request), text=NO_SUCH_PAGE, status=405)
            else:
                response = await handler(request)
        except Exception:
            log.exception("candidate portal: %s %s failed", request.method, request.url.path)
            try:
                response = _message(request, _visitor_language(request), 500, N_("Something went wrong"),
                                    N_("Nothing was changed. Please try again in a little while."),
                                    link=("/portal", N_("Back to the portal")))
            except Exception:
                response = PlainTextResponse("Something went wrong. Please try again later.", status_code=500)
        response.headers.update(HEADERS)
        return response
    return endpoint


# Every method reaches the endpoint, so even a wrong one gets the portal's headers and a friendly page.
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
ROUTES = [
    Route("/portal", _page(home_page), methods=METHODS),
    Route("/portal/set-password", _page(set_password_page, set_password_submit), methods=METHODS),
    Route("/portal/login", _page(login_page, login_submit), methods=METHODS),
    Route("/portal/logout", _page(post=logout_submit), methods=METHODS),
    Route("/portal/contact", _page(contact_page, contact_submit), methods=METHODS),
    Route("/portal/withdraw/{application_id:rowid}", _page(withdraw_page, withdraw_submit), methods=METHODS),
    Route("/portal/delete-my-data", _page(deletion_page, deletion_submit), methods=METHODS),
    Route("/portal/{rest:path}", _page(unknown_page, unknown_page), methods=METHODS),
]
