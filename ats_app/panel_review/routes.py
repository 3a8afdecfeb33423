"""The reviewer's review page (/review/{token}): the overview of the panel's candidates, one candidate with the
shared material and the 1–7 rating form, Done, and the shared files. Server-rendered with Jinja2, no
JavaScript, phone first, in the reviewer's language (a language switch offers the six).

GET never changes anything (mail scanners open links); every form is a POST with a double-submit CSRF token,
counted per client address and link, and Done asks once more. Every response says no-store, no-referrer (the
URL holds the token) and a strict CSP; an unknown link is a friendly 404, a revoked or closed one a 410. The
rules live in panel_review.review_page and reviewing; this module reads forms, picks the language, renders.
"""

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.core.errors import InvalidInput, ReviewClosed
from ats_app.core.i18n import N_
from ats_app.panel_review import review_page, reviewing
from ats_app.web import public_pages

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSRF_COOKIE = "ats_review_csrf"
COOKIE_PATH = "/review"
COOKIE_AGE = 60 * 60 * 24 * 30
HEADERS = public_pages.PRIVATE_HEADERS
FRIENDLY = {
    404: (N_("Not found"), N_("We could not find this review. Check that you opened the whole link from the "
                              "email, or contact the recruiter who sent it.")),
    405: (N_("Not found"), N_("There is no such page.")),
    410: (N_("This link can no longer be used"), N_("This review has been closed or withdrawn. If you have "
                                                    "questions, please contact the recruiter who sent it.")),
    500: (N_("Something went wrong"), N_("Nothing was changed. Please try again in a little while.")),
}
NOT_IN_PANEL = N_("This candidate is no longer part of the review.")


def _language(request: Request, reviewer_language: str | None) -> str:
    return public_pages.sealed_link_language(request, reviewer_language)


def _render(request: Request, template: str, language: str, *, status: int = 200, **context) -> HTMLResponse:
    return public_pages.render_sealed_link_page(request, TEMPLATES, template, language, cookie=CSRF_COOKIE,
                                                cookie_path=COOKIE_PATH, cookie_age=COOKIE_AGE, status=status,
                                                ends=review_page.ENDS, comment_max=reviewing.COMMENT_MAX, **context)


def _message(request: Request, language: str, status: int, title: str, text: str, *,
             back: bool = False) -> HTMLResponse:
    """A friendly page; back: with the way back to the overview (the link still works)."""
    return _render(request, "message.html", language, status=status, title=title, text=text, back=back)


def _friendly(request: Request, status: int, language: str | None = None) -> HTMLResponse:
    title, text = FRIENDLY[status]
    return _message(request, language or _language(request, None), status, title, text)


async def _visit(request: Request, build: Callable | None = None):
    """(status, language, what build(session, reviewer, panel, language) made) for the link in the path."""
    token = request.path_params["token"]

    def work(session):
        opened = review_page.open_link(session, token)
        language = _language(request, opened.language)
        if opened.status != review_page.OPEN or build is None:
            return opened.status, language, None
        return opened.status, language, build(session, opened.reviewer, opened.panel, language)
    return await public_pages.in_transaction(work)


async def _refused(request: Request, language: str):
    """The 429 page when the client has sent too many forms on this link, the 403 page when the form's CSRF
    token is wrong, else (None, the form)."""
    if not review_page.allow_post(request.client.host if request.client else "", request.path_params["token"]):
        return _message(request, language, 429, N_("Please wait a little"),
                        N_("Many forms have been sent from your network in a short time. Please try again in "
                           "ten minutes."), back=True), None
    form = await request.form()
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _message(request, language, 403, N_("Please try again"),
                        N_("This form was too old or did not come from this site, so nothing was changed. "
                           "Go back, reload the page and send it again."), back=True), None
    return None, form


def _closed(request: Request, language: str, problem: ReviewClosed) -> HTMLResponse:
    return _message(request, language, 409, N_("Your rating was not saved"), problem.message, back=True)


def _saved_id(request: Request) -> int | None:
    saved = request.query_params.get("saved", "")
    return int(saved) if saved.isdigit() and len(saved) < 10 else None


async def overview_page(request: Request) -> Response:
    """GET /review/{token}: the project, the due date, the candidates with the reviewer's ratings, Done."""
    saved = _saved_id(request)
    status, language, found = await _visit(request, lambda s, reviewer, panel, lang: (
        review_page.overview(s, reviewer, panel, lang), review_page.name_in_panel(s, panel, saved, lang)))
    if status != review_page.OPEN:
        return _friendly(request, status, language)
    view, saved_name = found
    return _render(request, "overview.html", language, view=view, saved=saved_name)


async def overview_submit(request: Request) -> Response:
    """POST /review/{token}: Done. Without confirm=yes it asks first; then completes and shows the overview."""
    status, language, view = await _visit(request, review_page.overview)
    if status != review_page.OPEN:
        return _friendly(request, status, language)
    refused, form = await _refused(request, language)
    if refused is not None:
        return refused
    if form.get("confirm") != "yes":
        return _render(request, "done.html", language, view=view)
    token = request.path_params["token"]
    try:
        await public_pages.in_transaction(
            lambda s: review_page.complete(s, review_page.open_link(s, token).reviewer))
    except ReviewClosed as closed:
        return _closed(request, language, closed)
    return RedirectResponse(f"/review/{token}?lang={language}", status_code=303)


def _candidate(request: Request):
    application_id = request.path_params["application_id"]
    return lambda s, reviewer, panel, lang: review_page.candidate_page(s, reviewer, panel, application_id, lang)


async def candidate_page(request: Request) -> Response:
    """GET /review/{token}/candidate/{id}: one candidate, the reviewer's rating form, the way on."""
    saved = _saved_id(request)
    status, language, found = await _visit(request, lambda s, reviewer, panel, lang: (
        _candidate(request)(s, reviewer, panel, lang), review_page.name_in_panel(s, panel, saved, lang)))
    if status != review_page.OPEN:
        return _friendly(request, status, language)
    view, saved_name = found
    if view is None:
        return _message(request, language, 404, N_("Not found"), NOT_IN_PANEL, back=True)
    return _render(request, "candidate.html", language, view=view, saved=saved_name, errors={},
                   entered={"score": str(view.score or ""), "comment": view.comment})


async def candidate_submit(request: Request) -> Response:
    """POST /review/{token}/candidate/{id}: save the rating and go to the next candidate (the overview after
    the last); a bad field shows the form again with its message and what was typed."""
    status, language, view = await _visit(request, _candidate(request))
    if status != review_page.OPEN:
        return _friendly(request, status, language)
    if view is None:
        return _message(request, language, 404, N_("Not found"), NOT_IN_PANEL, back=True)
    refused, form = await _refused(request, language)
    if refused is not None:
        return refused
    token, application_id = request.path_params["token"], request.path_params["application_id"]
    score, comment = form.get("score"), form.get("comment")
    try:
        following = await public_pages.in_transaction(lambda s: review_page.save(
            s, review_page.open_link(s, token).reviewer, application_id, score, comment))
    except InvalidInput as refused_input:
        entered = {"score": str(score or ""), "comment": str(comment or "")}
        return _render(request, "candidate.html", language, status=400, view=view, saved="",
                       errors=refused_input.errors, entered=entered)
    except ReviewClosed as closed:
        return _closed(request, language, closed)
    then = f"/candidate/{following}" if following is not None else ""
    return RedirectResponse(f"/review/{token}{then}?lang={language}&saved={application_id}", status_code=303)


def _download(kind: str):
    async def download(request: Request) -> Response:
        """GET /review/{token}/candidate/{id}/cv or /cover-letter: the file, when the panel shares it."""
        application_id = request.path_params["application_id"]
        if not review_page.allow_download(request.client.host if request.client else "", request.path_params["token"]):
            return _message(request, _language(request, None), 429, N_("Please wait a little"),
                            N_("Many files have been downloaded from your network in a short time. Please try again "
                               "in ten minutes."), back=True)
        status, language, document = await _visit(request, lambda s, reviewer, panel, lang: (
            review_page.review_file(s, reviewer, panel, application_id, kind)))
        if status != review_page.OPEN:
            return _friendly(request, status, language)
        if document is None:
            return _message(request, language, 404, N_("Not found"),
                            N_("This file is not shared with the review."), back=True)
        disposition = f"attachment; filename*=UTF-8''{quote(document.filename)}"
        return Response(document.content, media_type=document.media_type,
                        headers={"Content-Disposition": disposition})
    return download


async def unknown_page(request: Request) -> Response:
    """Any other /review/… address: the friendly 404."""
    return _friendly(request, 404)


def _page(get, post=None):
    return public_pages.endpoint(get, post, HEADERS, _friendly, "panel review page")


METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
CANDIDATE = "/review/{token}/candidate/{application_id:rowid}"
ROUTES = [
    Route("/review/{token}", _page(overview_page, overview_submit), methods=METHODS),
    Route(CANDIDATE, _page(candidate_page, candidate_submit), methods=METHODS),
    Route(f"{CANDIDATE}/cv", _page(_download("cv")), methods=METHODS),
    Route(f"{CANDIDATE}/cover-letter", _page(_download("cover-letter")), methods=METHODS),
    Route("/review/{rest:path}", _page(unknown_page, unknown_page), methods=METHODS),
]
