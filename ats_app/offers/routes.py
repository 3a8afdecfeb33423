"""The candidate's offer page (/offer/{token}): the terms and the validity, Accept, Decline (with an optional
reason) and Ask a question. Server-rendered with Jinja2, no JavaScript, phone first, in the candidate's language
(a language switch offers the six).

GET never changes anything (mail scanners open links); every form is a POST with a double-submit CSRF token,
counted per client address and link; Accept and Decline are final, so each asks once more. Every response says
no-store, no-referrer (the URL holds the token) and a strict CSP; an unknown link is a friendly 404, the link of
a deleted application or one moved to another project a friendly 410 (the offer no longer stands). The rules
live in offers.answers; this module reads forms, picks the language and renders.
"""

from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.core import throttle, tokens
from ats_app.core.errors import AnswerRefused, InvalidChoice
from ats_app.core.i18n import N_, gettext
from ats_app.offers import answers
from ats_app.web import public_pages

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSRF_COOKIE = "ats_offer_csrf"
COOKIE_PATH = "/offer"
COOKIE_AGE = 60 * 60 * 24 * 30
HEADERS = public_pages.PRIVATE_HEADERS
POST_LIMIT = "30 per 10 minutes"  # forms per client address and link (ATS_OFFER_RATE_LIMIT)
FRIENDLY = {
    404: (N_("Not found"), N_("We could not find this offer. Check that you opened the whole link from the "
                              "email, or contact the recruiter.")),
    405: (N_("Not found"), N_("There is no such page.")),
    410: (N_("This link can no longer be used"), N_("This offer is no longer available. If you have questions, "
                                                    "please contact the recruiter.")),
    500: (N_("Something went wrong"), N_("Nothing was changed. Please try again in a little while.")),
}
CONFIRM = ("accept", "decline")  # final answers: asked once more


def _language(request: Request, candidate_language: str | None) -> str:
    return public_pages.sealed_link_language(request, candidate_language)


def _render(request: Request, template: str, language: str, *, status: int = 200, **context) -> HTMLResponse:
    context.setdefault("errors", {})
    return public_pages.render_sealed_link_page(request, TEMPLATES, template, language, cookie=CSRF_COOKIE,
                                                cookie_path=COOKIE_PATH, cookie_age=COOKIE_AGE, status=status,
                                                note_max=answers.NOTE_MAX, **context)


def _message(request: Request, language: str, status: int, title: str, text: str, *, back: bool = False):
    return _render(request, "message.html", language, status=status, title=title, text=text, back=back)


def _friendly(request: Request, status: int, language: str | None = None) -> HTMLResponse:
    title, text = FRIENDLY[status]
    return _message(request, language or _language(request, None), status, title, text)


async def _view(request: Request):
    """(language, the offer's view, status) for the link in the path: the view is None, with 404 for an unknown
    link and 410 for the link of a deleted or moved application."""
    token = request.path_params["token"]

    def work(session):
        offer = answers.offer_for_token(session, token)
        if offer is None:
            return _language(request, None), None, 404
        language = _language(request, answers.candidate_language(session, offer))
        if answers.link_gone(session, offer):
            return language, None, 410
        return language, answers.offer_view(session, offer, language), 200
    return await public_pages.in_transaction(work)


def _done(request: Request) -> str:
    done = request.query_params.get("done", "")
    return done if done in answers.ANSWERS else ""


async def offer_page(request: Request) -> Response:
    """GET /offer/{token}: the terms and the answers (or what became of the offer)."""
    language, view, found = await _view(request)
    if view is None:
        return _friendly(request, found, language)
    return _render(request, "offer.html", language, view=view, done=_done(request), entered="",
                   refused=answers.NOT_OPEN.get(view.state, ""))


async def offer_submit(request: Request) -> Response:
    """POST /offer/{token}: Accept or Decline (after confirm=yes) or a question, then the page again."""
    language, view, found = await _view(request)
    if view is None:
        return _friendly(request, found, language)
    token = request.path_params["token"]
    client = request.client.host if request.client else ""
    if not throttle.allow("offer", "ATS_OFFER_RATE_LIMIT", POST_LIMIT, client or "unknown",
                          tokens.token_hash(token)[:16]):
        return _message(request, language, 429, N_("Please wait a little"),
                        N_("Many forms have been sent from your network in a short time. Please try again in "
                           "ten minutes."), back=True)
    form = await request.form()
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _message(request, language, 403, N_("Please try again"),
                        N_("This form was too old or did not come from this site, so nothing was changed. "
                           "Go back, reload the page and send it again."), back=True)
    choice, note = form.get("answer"), str(form.get("note") or "")
    page = dict(view=view, done="", refused=answers.NOT_OPEN.get(view.state, ""))
    if choice not in answers.ANSWERS:
        return _render(request, "offer.html", language, status=400, entered="", **page)
    if choice in CONFIRM and form.get("confirm") != "yes" and view.state == answers.OPEN:
        return _render(request, "confirm.html", language, view=view, choice=choice, entered=note)

    def work(session):
        offer = answers.offer_for_token(session, token)
        answers.answer(session, offer, str(choice), note)
    try:
        await public_pages.in_transaction(work)
    except AnswerRefused as refused:
        return _message(request, language, 409, N_("Your answer was not saved"), refused.message, back=True)
    except InvalidChoice as wrong:
        errors = {wrong.field: gettext(language, wrong.message).format(**wrong.params)}
        if choice == "decline":
            return _render(request, "confirm.html", language, status=400, view=view, choice=choice, entered=note,
                           errors=errors)
        return _render(request, "offer.html", language, status=400, entered=note, errors=errors, **page)
    return RedirectResponse(f"/offer/{token}?lang={language}&done={choice}", status_code=303)


def _page(get, post=None):
    return public_pages.endpoint(get, post, HEADERS, _friendly, "offer page")


METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
ROUTES = [
    Route("/offer/{token}", _page(offer_page, offer_submit), methods=METHODS),
]
