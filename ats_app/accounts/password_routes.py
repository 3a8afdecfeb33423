"""The staff app's public password pages (server-rendered, no JavaScript, phone first, CSRF, rate-limited):
GET/POST /forgot-password, which always gives the same answer so it never tells whether an address is a
user's, and GET/POST /set-password?token=…, where an invited user (or one who forgot) chooses a password
from their one-time link and then goes on to log in. The rules live in accounts.own_account and
accounts.password_links; this module reads forms, picks the language and renders."""

from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.accounts import own_account, password_links
from ats_app.core import i18n, passwords, throttle
from ats_app.core.errors import InvalidInput, LinkUnusable
from ats_app.core.i18n import N_
from ats_app.web import public_pages

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSRF_COOKIE = "ats_password_csrf"
COOKIE_AGE = 2 * 3600
HEADERS = public_pages.PRIVATE_HEADERS
TOO_MANY = N_("Too many tries from here. Please wait a few minutes and try again.")
NOT_THE_SAME = N_("The two passwords are not the same.")
BUSY = N_("Many people are logging in right now. Try again in a moment.")


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _language(request: Request, form=None, own: str | None = None) -> str:
    chosen = form.get("lang") if form is not None else None
    if chosen in i18n.LANGUAGES:
        return str(chosen)
    return public_pages.sealed_link_language(request, own)


def _render(request: Request, template: str, language: str, *, status: int = 200, **context) -> HTMLResponse:
    csrf = public_pages.csrf_value(request, CSRF_COOKIE)
    html = public_pages.environment(TEMPLATES, language).get_template(template).render(
        lang=language, csrf=csrf, switch=public_pages.language_switch(request, language),
        errors=context.pop("errors", {}), **context)
    response = HTMLResponse(html, status_code=status)
    public_pages.keep_csrf(request, response, CSRF_COOKIE, csrf, "/", COOKIE_AGE)
    return response


def _message(request: Request, language: str, status: int, title: str, text: str, href: str, label: str):
    return _render(request, "password_message.html", language, status=status, title=title, text=text, href=href,
                   label=label)


def _link_gone(request: Request, language: str) -> HTMLResponse:
    return _message(request, language, 410, N_("This link can no longer be used"),
                    N_("A link to choose a password works once, and only for a while. Ask for a new one: write your "
                       "email address and we will send it."),
                    "/forgot-password", N_("Send me a new link"))


def _forbidden(request: Request, language: str, href: str) -> HTMLResponse:
    return _message(request, language, 403, N_("Please try again"),
                    N_("This form was too old or did not come from this site, so nothing was changed. "
                       "Go back, reload the page and send it again."), href, N_("Try again"))


def _friendly(request: Request, status: int) -> Response:
    language = _language(request)
    if status == 405:
        return _message(request, language, 405, N_("Not found"), N_("There is no such page."), "/login",
                        N_("Back to log in"))
    return _message(request, language, 500, N_("Something went wrong"),
                    N_("Something went wrong. Please try again later."), "/login", N_("Back to log in"))


async def forgot_page(request: Request) -> Response:
    """GET /forgot-password: the email field."""
    return _render(request, "forgot_password.html", _language(request), email="", sent=False)


async def forgot_submit(request: Request) -> Response:
    """POST /forgot-password: the same answer for every address; an active user's gets a link by email."""
    form = await request.form()
    language = _language(request, form)
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _forbidden(request, language, "/forgot-password")
    email = str(form.get("email", "")).strip()[:254]
    if not email:
        return _render(request, "forgot_password.html", language, status=400, email="",
                       errors={"email": N_("Please fill in this field.")}, sent=False)
    client = _client(request)
    if not throttle.allow("forgot_password_client", "ATS_FORGOT_PASSWORD_RATE_LIMIT", "10 per 10 minutes",
                          client or "unknown"):
        return _render(request, "forgot_password.html", language, status=429, email=email,
                       errors={"form": TOO_MANY}, sent=False)
    response = _render(request, "forgot_password.html", language, email=email, sent=True)
    if throttle.allow("forgot_password_email", "ATS_FORGOT_PASSWORD_EMAIL_RATE_LIMIT", "3 per hour",
                      email.lower()):
        # after the answer has left: a user's address (a link made, an email queued) must not answer slower
        response.background = BackgroundTask(
            public_pages.in_transaction, lambda s: own_account.request_reset(s, email, client_ip=client))
    return response


async def set_password_page(request: Request) -> Response:
    """GET /set-password?token=: whose account, and the password twice (looking never uses the link up)."""
    token = request.query_params.get("token", "")[:200]
    holder = await public_pages.in_transaction(lambda s: password_links.holder_of(s, token))
    if holder is None:
        return _link_gone(request, _language(request))
    return _render(request, "set_password.html", _language(request, own=holder.language), token=token,
                   holder=holder)


async def set_password_submit(request: Request) -> Response:
    """POST /set-password: the password is set (the link used up), then on to log in."""
    form = await request.form()
    token, password, again = (str(form.get(k, ""))[:1200] for k in ("token", "password", "password_again"))
    holder = await public_pages.in_transaction(lambda s: password_links.holder_of(s, token))
    language = _language(request, form, holder.language if holder else None)
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _forbidden(request, language, "/forgot-password")
    if holder is None:
        return _link_gone(request, language)
    if not throttle.allow("set_password", "ATS_SET_PASSWORD_RATE_LIMIT", "30 per 10 minutes",
                          _client(request) or "unknown"):
        return _render(request, "set_password.html", language, status=429, token=token, holder=holder,
                       errors={"form": TOO_MANY})
    errors: dict[str, str] = {}
    if problem := passwords.password_problem(password, holder.email):
        errors["password"] = problem
    elif password != again:
        errors["password_again"] = NOT_THE_SAME
    else:
        try:
            await public_pages.in_transaction(
                lambda s: own_account.set_password_from_link(s, token, password, client_ip=_client(request)))
        except LinkUnusable:
            return _link_gone(request, language)
        except InvalidInput as refused:
            errors = refused.errors
        except passwords.HashingBusy:  # nothing was saved: the link still works
            return _render(request, "set_password.html", language, status=503, token=token, holder=holder,
                           errors={"form": BUSY})
    if errors:
        return _render(request, "set_password.html", language, status=400, token=token, holder=holder,
                       errors=errors)
    return RedirectResponse("/login?password_set=1", status_code=303)


ROUTES = [
    Route("/forgot-password", public_pages.endpoint(forgot_page, forgot_submit, HEADERS, _friendly, "forgot password"),
          methods=["GET", "HEAD", "POST"]),
    Route("/set-password", public_pages.endpoint(set_password_page, set_password_submit, HEADERS, _friendly,
                                                 "set password"), methods=["GET", "HEAD", "POST"]),
]
