"""The candidate's interview answer page ({confirmlink}): a small server-rendered page (Starlette + Jinja2,
no JavaScript) showing the interview with four answer buttons, in the candidate's language.

GET never changes anything (mail scanners open links); each answer is a POST with a double-submit CSRF
token, and withdrawing asks once more. Every response says no-store, no-referrer (the URL holds the token)
and a strict CSP; an unknown or expired link gets a friendly page, never a trace. The rules live in
interviews.answers; this module reads forms, picks the language and renders.
"""

from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.core import i18n
from ats_app.core.errors import AnswerRefused
from ats_app.core.i18n import N_
from ats_app.interviews import answer_links, answers
from ats_app.web import public_pages

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSRF_COOKIE = "ats_interview_csrf"
COOKIE_PATH = "/interview"
COOKIE_AGE = 60 * 60 * 24 * 30
HEADERS = public_pages.PRIVATE_HEADERS
Handler = Callable[[Request], Awaitable[Response]]


def _render(request: Request, template: str, language: str, *, status: int = 200, **context) -> HTMLResponse:
    csrf = public_pages.csrf_value(request, CSRF_COOKIE)
    page = public_pages.environment(TEMPLATES, language).get_template(template)
    html = page.render(lang=language, csrf=csrf, **context)
    response = HTMLResponse(html, status_code=status)
    public_pages.keep_csrf(request, response, CSRF_COOKIE, csrf, COOKIE_PATH, COOKIE_AGE)
    return response


def _message(request: Request, language: str, status: int, title: str, text: str, back: str | None = None):
    return _render(request, "message.html", language, status=status, title=title, text=text, back=back)


def _visitor_language(request: Request) -> str:
    return i18n.language_from_accept(request.headers.get("accept-language"))


def _load(token: str):
    """(interview id, language, view) for a link that can be answered, else (None, 410 or 404, None)."""
    def work(session):
        interview = answer_links.interview_for_token(session, token)
        if interview is None or answers.application_of(session, interview) is None:
            return None, 410 if answers.link_gone(session, token) else 404, None
        language = answers.candidate_language(session, interview)
        return interview.id, language, answers.interview_view(session, interview, language)
    return public_pages.in_transaction(work)


def _unusable(request: Request, status: int) -> HTMLResponse:
    """The friendly page for an unknown (404) or expired/cancelled (410) link."""
    if status == 410:
        return _message(request, _visitor_language(request), 410, N_("This link can no longer be used"),
                        N_("The interview is over or has been cancelled. If you have questions, please contact "
                           "the recruiter."))
    return _message(request, _visitor_language(request), 404, N_("Not found"),
                    N_("We could not find this interview. Check that you opened the whole link from the email, "
                       "or contact the recruiter."))


async def answer_page(request: Request) -> Response:
    """GET /interview/{token}: the interview and the four buttons (or, after an answer, the thank-you)."""
    token = request.path_params["token"]
    interview_id, language, view = await _load(token)
    if interview_id is None:
        return _unusable(request, language)
    template = "thanks.html" if request.query_params.get("answered") and view["answer"] else "answer.html"
    return _render(request, template, language, view=view, token=token, buttons=answers.BUTTONS)


async def answer_submit(request: Request) -> Response:
    """POST /interview/{token}: record the answer (withdraw only with confirm=yes), then the thank-you."""
    token = request.path_params["token"]
    form = await request.form()
    interview_id, language, view = await _load(token)
    if interview_id is None:
        return _unusable(request, language)
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _message(request, language, 403, N_("Please try again"),
                        N_("This form was too old or did not come from this site, so nothing was changed. "
                           "Go back, reload the page and send it again."), back=f"/interview/{token}")
    choice = form.get("answer")
    if choice not in answers.ANSWERS:
        return _render(request, "answer.html", language, status=400, view=view, token=token, buttons=answers.BUTTONS)
    if choice == "withdraw" and form.get("confirm") != "yes":
        return _render(request, "withdraw.html", language, view=view, token=token, buttons=answers.BUTTONS)

    def work(session):
        interview = answer_links.interview_for_token(session, token)
        if interview is None:
            return N_("This interview is over, so the answer can no longer be changed.")
        try:
            answers.answer(session, interview, choice)
        except AnswerRefused as refused:
            return refused.message
        return None
    problem = await public_pages.in_transaction(work)
    if problem is not None:
        return _message(request, language, 409, N_("Your answer was not saved"), problem, back=f"/interview/{token}")
    return RedirectResponse(f"/interview/{token}?answered=1", status_code=303)


def _friendly(request: Request, status: int) -> HTMLResponse:
    """A wrong method (405) or an unexpected failure (500), in the visitor's language."""
    if status == 405:
        return _message(request, _visitor_language(request), 405, N_("Not found"), N_("There is no such page."))
    return _message(request, _visitor_language(request), 500, N_("Something went wrong"),
                    N_("Nothing was changed. Please try again in a little while."))


def _page(get: Handler, post: Handler) -> Handler:
    """GET/HEAD and POST to their handlers (web.public_pages.endpoint), every response with the private headers;
    the log never names the path, which holds the token."""
    return public_pages.endpoint(get, post, HEADERS, _friendly, "interview answer page")


METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
ROUTES = [
    Route("/interview/{token}", _page(answer_page, answer_submit), methods=METHODS),
]
