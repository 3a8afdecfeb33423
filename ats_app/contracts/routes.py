"""The candidate's contract page (/contract/{token}) and its PDF (/contract/{token}/document.pdf); the recruiter's
download (/files/contracts/{id}) and the Employment contract form's preview (/files/contract-preview/{key}).

The candidate's page is server-rendered with Jinja2, no JavaScript, phone first, in the candidate's language
(a language switch offers the six). GET never changes anything (mail scanners open links); the acknowledgement
is a POST with a double-submit CSRF token, counted per client address and link like the downloads. Every
response says no-store, no-referrer (the URL holds the token) and a strict CSP; an unknown link is a friendly
404, the link of a deleted application a 410. The rules live in contracts.acknowledging.
"""

from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.applications.routes import download_for_user
from ats_app.contracts import acknowledging, issued, sending
from ats_app.contracts.preview import preview_signature
from ats_app.contracts.template_library import RIGHT
from ats_app.core.errors import InvalidInput
from ats_app.core.i18n import N_
from ats_app.web import public_pages
from ats_app.web.signed_files import signed_pdf

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSRF_COOKIE = "ats_contract_csrf"
COOKIE_PATH = "/contract"
COOKIE_AGE = 60 * 60 * 24 * 30
HEADERS = public_pages.PRIVATE_HEADERS
FRIENDLY = {
    404: (N_("Not found"), N_("We could not find this contract. Check that you opened the whole link from the "
                              "email, or contact the recruiter who sent it.")),
    405: (N_("Not found"), N_("There is no such page.")),
    410: (N_("This link can no longer be used"), N_("This contract is no longer available. If you have "
                                                    "questions, please contact the recruiter who sent it.")),
    429: (N_("Please wait a little"), N_("Many forms have been sent from your network in a short time. Please "
                                         "try again in ten minutes.")),
    500: (N_("Something went wrong"), N_("Nothing was changed. Please try again in a little while.")),
}
STATUS = {acknowledging.UNKNOWN: 404, acknowledging.GONE: 410}


def _language(request: Request, candidate_language: str | None) -> str:
    return public_pages.sealed_link_language(request, candidate_language)


def _render(request: Request, template: str, language: str, *, status: int = 200, **context) -> HTMLResponse:
    return public_pages.render_sealed_link_page(request, TEMPLATES, template, language, cookie=CSRF_COOKIE,
                                                cookie_path=COOKIE_PATH, cookie_age=COOKIE_AGE, status=status,
                                                **context)


def _friendly(request: Request, status: int, language: str | None = None) -> HTMLResponse:
    title, text = FRIENDLY[status]
    return _render(request, "message.html", language or _language(request, None), status=status, title=title,
                   text=text)


async def _visit(request: Request):
    """(status, language, view) for the link in the path."""
    token = request.path_params["token"]

    def work(session):
        opened = acknowledging.open_link(session, token)
        language = _language(request, opened.language)
        if opened.status in STATUS:
            return opened.status, language, None
        return opened.status, language, acknowledging.contract_view(session, opened.contract, language)
    return await public_pages.in_transaction(work)


def _page(request: Request, status: str, language: str, view, *, code: int = 200, errors=None,
          typed: str = "") -> HTMLResponse:
    return _render(request, "contract.html", language, status=code, view=view,
                   superseded=status == acknowledging.SUPERSEDED, errors=errors or {}, typed=typed,
                   acknowledged_now=request.query_params.get("acknowledged") == "1",
                   name_max=acknowledging.NAME_MAX)


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


async def contract_page(request: Request) -> Response:
    """GET /contract/{token}: the organisation, the position, the PDF, and the acknowledgement (or when it was
    given)."""
    status, language, view = await _visit(request)
    if status in STATUS:
        return _friendly(request, STATUS[status], language)
    return _page(request, status, language, view)


async def contract_submit(request: Request) -> Response:
    """POST /contract/{token}: "I have received and accept this contract" with the name typed."""
    status, language, view = await _visit(request)
    if status in STATUS:
        return _friendly(request, STATUS[status], language)
    token = request.path_params["token"]
    if not acknowledging.allow_post(_client(request), token):
        return _friendly(request, 429, language)
    form = await request.form()
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return _render(request, "message.html", language, status=403, title=N_("Please try again"),
                       text=N_("This form was too old or did not come from this site, so nothing was changed. "
                               "Go back, reload the page and send it again."), back=True)
    if status == acknowledging.SUPERSEDED:
        return _page(request, status, language, view, code=409)
    typed = str(form.get("name") or "")[:acknowledging.NAME_MAX]

    def work(session):
        opened = acknowledging.open_link(session, token)
        if opened.status != acknowledging.OPEN:
            return opened.status
        acknowledging.acknowledge(session, opened.contract, typed)
        return acknowledging.OPEN
    try:
        now = await public_pages.in_transaction(work)
    except InvalidInput as refused:
        return _page(request, status, language, view, code=400, errors=refused.errors, typed=typed)
    if now != acknowledging.OPEN:
        return await contract_page(request)
    return RedirectResponse(f"/contract/{token}?lang={language}&acknowledged=1", status_code=303)


async def contract_document(request: Request) -> Response:
    """GET /contract/{token}/document.pdf: the contract's PDF (a superseded one too: it is the candidate's)."""
    token = request.path_params["token"]
    if not acknowledging.allow_post(_client(request), token):
        return _friendly(request, 429)

    def work(session):
        opened = acknowledging.open_link(session, token)
        if opened.status in STATUS:
            return opened.status, opened.language, None
        return opened.status, opened.language, issued.read_contract(opened.contract)
    status, language, document = await public_pages.in_transaction(work)
    if status in STATUS or document is None:
        return _friendly(request, STATUS.get(status, 410), _language(request, language))
    disposition = f"attachment; filename*=UTF-8''{quote(document.filename)}"
    return Response(document.content, media_type=document.media_type, headers={"Content-Disposition": disposition})


async def unknown_page(request: Request) -> Response:
    """Any other /contract/… address: the friendly 404."""
    return _friendly(request, 404)


def _public(get, post=None):
    return public_pages.endpoint(get, post, HEADERS, _friendly, "contract page")


async def download_contract(request: Request) -> Response:
    """GET /files/contracts/{id}: a sent contract's PDF, for a user who may see its application."""
    contract_id = request.path_params["contract_id"]
    return await download_for_user(request,
                                   lambda session, user: issued.contract_for_download(session, user, contract_id))


async def download_contract_preview(request: Request) -> Response:
    """GET /files/contract-preview/{key}?sig=…: a contract preview shown in the browser (the Contracts page's, or
    the Employment contract form's); 401 without a session, 404 unless the link was signed for this user and
    they may manage contract templates or send contracts."""
    return await signed_pdf(request, preview_signature, lambda user: user.has(RIGHT) or user.has(sending.RIGHT),
                            'inline; filename="contract-preview.pdf"')


METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
ROUTES = [
    Route("/contract/{token}", _public(contract_page, contract_submit), methods=METHODS),
    Route("/contract/{token}/document.pdf", _public(contract_document), methods=METHODS),
    Route("/contract/{rest:path}", _public(unknown_page, unknown_page), methods=METHODS),
    Route("/files/contracts/{contract_id:rowid}", download_contract, methods=["GET"]),
    Route("/files/contract-preview/{key}", download_contract_preview, methods=["GET"]),
]
