"""The application form (`/jobs/{id}/apply`) and its thank-you page (`/jobs/{id}/thanks`), server-rendered like
the rest of the careers site (careers.routes: its headers, language choice and friendly pages).

A POST is refused before it is read when its body is over 25 MB or its client address has sent too many
(core.throttle); then it must carry the double-submit CSRF token; a filled-in honeypot field (hidden from
people, tempting to bots) is thanked and dropped. The rule (intake.applying) checks and stores everything in one
transaction; when something is wrong the form comes back with each message next to its field and everything
typed kept (files must be chosen again, and the form says so). Success is a 303 to the thank-you page.
"""

from datetime import datetime, timezone
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.requests import ClientDisconnect, Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ats_app.careers import routes as careers
from ats_app.core import throttle
from ats_app.core.errors import AlreadyApplied, InvalidInput, NotTakingApplications
from ats_app.core.i18n import N_
from ats_app.intake import applying
from ats_app.intake.form_view import ApplicationFormView, form_for
from ats_app.intake.uploads import Upload
from ats_app.mail.tag_values import company_name
from ats_app.models import RecruitmentProject
from ats_app.projects.editing import organisation_today
from ats_app.web import public_pages

TEMPLATES = (Path(__file__).resolve().parent / "templates", careers.TEMPLATES)
CSRF_COOKIE = "ats_jobs_csrf"
COOKIE_PATH = "/jobs"
MAX_BODY = 25 * 1024 * 1024
HONEYPOT = "website"
TEXT_FIELDS = ("first_name", "last_name", "email", "mobile", "address", "postal_code", "city", "cover_letter")
FILE_FIELDS = ("cv", "cover_letter_file")
NOT_TAKING = N_("This job no longer takes applications. It may have been filled, or its deadline has passed.")


def _no_longer(request: Request, language: str) -> Response:
    return careers.message(request, language, 404, N_("No longer taking applications"), NOT_TAKING)


def _form_page(request: Request, view: ApplicationFormView, *, status: int = 200, entered: dict | None = None,
               answers: dict | None = None, errors: dict | None = None, files_chosen: tuple = ()) -> Response:
    csrf = public_pages.csrf_value(request, CSRF_COOKIE)
    response = careers.render(request, TEMPLATES, "apply.html", view.language, status=status, form=view, csrf=csrf,
                              entered=entered or {}, answers=answers or {}, errors=errors or {},
                              files_chosen=files_chosen, company=view.company, honeypot=HONEYPOT,
                              switch=public_pages.language_switch(request, view.language, view.languages))
    public_pages.keep_csrf(request, response, CSRF_COOKIE, csrf, COOKIE_PATH, 7200)
    return response


async def _view(request: Request, language: str) -> ApplicationFormView | None:
    project_id = request.path_params["project_id"]
    return await public_pages.in_transaction(
        lambda s: form_for(s, project_id, language, organisation_today(s)))


async def apply_page(request: Request) -> Response:
    """GET /jobs/{id}/apply: the empty form in the visitor's language among the project's."""
    language = careers.visitor_language(request)
    view = await _view(request, language)
    if view is None:
        return _no_longer(request, language)
    return _form_page(request, view)


async def _read_body(request: Request) -> bool:
    """Read the body into the request (so the form parser reads it from memory) unless it is over MAX_BODY."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        return False
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return False
    request._body = bytes(body)  # Starlette's own cache of the body: request.form() parses it from here
    return True


async def _uploads(form) -> dict[str, Upload | None]:
    found: dict[str, Upload | None] = {}
    for field in FILE_FIELDS:
        sent = form.get(field)
        if isinstance(sent, UploadFile) and (sent.filename or sent.size):
            found[field] = Upload(sent.filename or "", await sent.read(applying_limit()))
        else:
            found[field] = None
    return found


def applying_limit() -> int:
    """Bytes read of one file: one more than the 10 MB allowed, so an oversized file is refused as such."""
    return 10 * 1024 * 1024 + 1


async def apply_submit(request: Request) -> Response:
    """POST /jobs/{id}/apply: store the application, or show the form again with the problems."""
    language = careers.visitor_language(request)
    if not throttle.allow_application(request.client.host if request.client else ""):
        return careers.message(request, language, 429, N_("Please wait a little"),
                               N_("Many applications have been sent from your network in a short time. "
                                  "Please try again in ten minutes."), link=None)
    try:
        within = await _read_body(request)
    except ClientDisconnect:
        return Response(status_code=400)
    if not within:
        return careers.message(request, language, 413, N_("The files are too large"),
                               N_("Together the files may be at most 25 MB, and each one at most 10 MB. Go back "
                                  "and choose smaller files."), link=None)
    form = await request.form(max_files=4, max_fields=200)
    language = careers.visitor_language(request, form)
    if not public_pages.csrf_ok(request, form, CSRF_COOKIE):
        return careers.message(request, language, 403, N_("Please try again"),
                               N_("This form was too old or did not come from this site, so nothing was sent. "
                                  "Go back, reload the page and send it again."), link=None)
    project_id = request.path_params["project_id"]
    thanks = RedirectResponse(f"/jobs/{project_id}/thanks?lang={language}", status_code=303)
    if str(form.get(HONEYPOT) or "").strip():
        return thanks  # a bot: thanked, nothing stored
    entered = {field: str(form.get(field) or "") for field in TEXT_FIELDS if not isinstance(form.get(field),
                                                                                              UploadFile)}
    view = await _view(request, language)
    if view is None:
        return _no_longer(request, language)
    answers = {q.id: ([str(v) for v in form.getlist(q.field)] if q.kind == "several_choices"
                      else str(form.get(q.field) or "")) for q in view.questions}
    files_sent = await _uploads(form)
    submitted: applying.ApplicationForm = {
        **entered, "answers": answers, "consent": form.get("consent") == "yes",  # type: ignore[typeddict-item]
        "update_contact": form.get("update_contact") == "yes", "language": view.language,
        "privacy_version": str(form.get("privacy_version") or "")}
    now = datetime.now(timezone.utc)
    try:
        await public_pages.in_transaction(
            lambda s: applying.receive_application(s, project_id, submitted, files_sent, now=now))
    except NotTakingApplications:
        return _no_longer(request, language)
    except AlreadyApplied:
        return thanks  # as for anyone: the form never says whether an address has applied
    except InvalidInput as refused:
        entered.update(consent="yes" if submitted.get("consent") else "",
                       update_contact="yes" if submitted.get("update_contact") else "")
        chosen = tuple(field for field, upload in files_sent.items() if upload is not None)
        return _form_page(request, view, status=400, entered=entered, answers=answers, errors=refused.errors,
                          files_chosen=chosen)
    return thanks


async def thanks_page(request: Request) -> Response:
    """GET /jobs/{id}/thanks: the thank-you page in the candidate's language (no personal data in it)."""
    language = careers.visitor_language(request)
    project_id = request.path_params["project_id"]
    project, company = await public_pages.in_transaction(lambda s: (
        s.get(RecruitmentProject, project_id), company_name(s)))
    shown = project is not None and project.deleted_at is None and project.published_at is not None  # was public
    return careers.render(request, TEMPLATES, "thanks.html", language, title=project.title if shown else "",
                          company=company, switch=public_pages.language_switch(request, language,
                                                                          project.languages if shown else None))


ROUTES = [
    Route("/jobs/{project_id:rowid}/apply", careers.page(apply_page, apply_submit), methods=careers.METHODS),
    Route("/jobs/{project_id:rowid}/thanks", careers.page(thanks_page), methods=careers.METHODS),
]
