"""The careers site: the open projects (`/jobs`, searchable, filtered by department, paged), one advert
(`/jobs/{id}`, with its schema.org JobPosting) and the Atom feed (`/jobs/feed.atom`). Server-rendered with
Jinja2, no JavaScript, in the visitor's language among the project's languages, with a language switch.

Every response gets strict headers (a CSP without scripts: the JSON-LD block is data, never run); the list,
the advert and the feed may be cached briefly by browsers and proxies (they hold nothing personal and vary by
Accept-Language), everything else says no-store. Drafts, closed and deleted projects answer a friendly 404.
The application form's routes (intake.routes) use this module's page helpers, so both look and behave alike.
"""

from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.careers import listing
from ats_app.careers.feed import atom_feed
from ats_app.core import config, i18n
from ats_app.core.i18n import N_
from ats_app.mail.tag_values import company_name
from ats_app.projects.editing import organisation_today
from ats_app.web import public_pages

TEMPLATES = Path(__file__).resolve().parent / "templates"
PUBLIC_CACHE = "public, max-age=120"
HEADERS = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}
EMPLOYMENT_TYPES = {
    "FULL_TIME": N_("Full time"), "PART_TIME": N_("Part time"), "TEMPORARY": N_("Temporary"),
    "CONTRACTOR": N_("Contractor"), "INTERN": N_("Internship"), "PER_DIEM": N_("Per diem"),
    "VOLUNTEER": N_("Volunteer"), "OTHER": N_("Other"),
}
SECTION_TITLES = {"introduction": None, "job": N_("The job"), "offer": N_("We offer"), "contact": N_("Contact")}
NO_SUCH_JOB = N_("This job is not advertised (any more). It may have been filled or closed.")
Handler = Callable[[Request], Awaitable[Response]]


def visitor_language(request: Request, form=None) -> str:
    """An explicit choice (?lang= or the form's lang), else the browser's Accept-Language."""
    chosen = (form.get("lang") if form is not None else None) or request.query_params.get("lang")
    if chosen in i18n.LANGUAGES:
        return str(chosen)
    return i18n.language_from_accept(request.headers.get("accept-language"))


def render(request: Request, templates: Path | tuple[Path, ...], template: str, language: str, *,
           status: int = 200, cache: str = "no-store", **context) -> HTMLResponse:
    """The page in language; the context gets lang, errors and the language switch (switch=None: none)."""
    context.setdefault("switch", public_pages.language_switch(request, language))
    html = public_pages.environment(templates, language).get_template(template).render(
        lang=language, errors=context.pop("errors", {}), format_day=lambda d: i18n.format_day(d, language),
        **context)
    response = HTMLResponse(html, status_code=status)
    response.headers["Cache-Control"] = cache
    if cache != "no-store":
        response.headers["Vary"] = "Accept-Language"
    return response


def message(request: Request, language: str, status: int, title: str, text: str, *,
            link: tuple[str, str] | None = ("/jobs", N_("See all vacant positions"))) -> HTMLResponse:
    """A friendly page for whatever went wrong, with the way forward (link: href and label)."""
    return render(request, TEMPLATES, "message.html", language, status=status, title=title, text=text, link=link)


def not_found(request: Request, language: str, text: str = NO_SUCH_JOB) -> HTMLResponse:
    return message(request, language, 404, N_("Not found"), text)


def _friendly(request: Request, status: int) -> Response:
    """The site's answer to a wrong method (405) or an unexpected failure (500), in the visitor's language."""
    if status == 405:
        return message(request, visitor_language(request), 405, N_("Not found"), N_("There is no such page."))
    return message(request, visitor_language(request), 500, N_("Something went wrong"),
                   N_("Nothing was changed. Please try again in a little while."))


def page(get: Handler, post: Handler | None = None) -> Handler:
    """One endpoint per address (web.public_pages.endpoint) with the site's headers; pages are never cached
    unless they say so (the feed)."""
    serve = public_pages.endpoint(get, post, HEADERS, _friendly, "careers site")

    async def endpoint(request: Request) -> Response:
        response = await serve(request)
        response.headers.setdefault("Cache-Control", "no-store")
        return response
    return endpoint


def _number(text: str | None, default: int = 0) -> int:
    return int(text) if text and text.isdigit() and len(text) < 9 else default


async def jobs_page(request: Request) -> Response:
    """GET /jobs: the open projects, nearest deadline first, with the search box and the department filter."""
    language = visitor_language(request)
    search = request.query_params.get("q", "")[:listing.SEARCH_MAX]
    department = _number(request.query_params.get("department"))
    page_number = _number(request.query_params.get("page"), 1)

    def work(session):
        return (listing.open_projects(session, organisation_today(session), language, search=search,
                                      department_id=department or None, page=page_number), company_name(session))
    found, company = await public_pages.in_transaction(work)
    query: dict = {"lang": language, **({"q": search} if search else {})}
    if department:
        query["department"] = department
    pages = [(n, f"/jobs?{urlencode({**query, 'page': n})}") for n in range(1, found.pages + 1)]
    return render(request, TEMPLATES, "list.html", language, cache=PUBLIC_CACHE, listing=found, search=search,
                  department=department, company=company, pages=pages)


async def advert_page(request: Request) -> Response:
    """GET /jobs/{id}: the advert in the visitor's language among the project's, with its JobPosting JSON-LD."""
    wanted = visitor_language(request)
    project_id = request.path_params["project_id"]
    item = await public_pages.in_transaction(
        lambda s: listing.advert(s, project_id, wanted, organisation_today(s)))
    if item is None:
        return not_found(request, wanted)
    language = item.language
    posting = listing.job_posting(item, config.link(f"/jobs/{item.id}"))
    return render(request, TEMPLATES, "advert.html", language, cache=PUBLIC_CACHE, advert=item,
                  json_ld=listing.json_ld(posting),
                  switch=public_pages.language_switch(request, language, item.languages),
                  employment=EMPLOYMENT_TYPES.get(item.employment_type), section_titles=SECTION_TITLES,
                  company=item.company)


async def feed(request: Request) -> Response:
    """GET /jobs/feed.atom: the open projects as an Atom feed (newest first, at most 200)."""
    language = visitor_language(request)

    def work(session):
        found = listing.open_projects(session, organisation_today(session), language, per_page=200)
        return found, company_name(session)
    found, company = await public_pages.in_transaction(work)
    entries = sorted(found.projects, key=lambda p: (p.published is not None, p.published), reverse=True)
    words = i18n.translations(language)
    rows = [(p, p.published, " · ".join(x for x in (p.department, p.place,
                                                    words.gettext("Apply by {date}").format(
                                                        date=i18n.format_day(p.deadline, language))
                                                    if p.deadline else "") if x)) for p in entries]
    body = atom_feed(rows, title=f"{company}: {words.gettext('Vacant positions')}", site=config.public_url(),
                     company=company, updated=max((p.published for p in entries if p.published), default=None))
    return Response(body, media_type="application/atom+xml; charset=utf-8",
                    headers={"Cache-Control": "public, max-age=300", "Vary": "Accept-Language"})


async def unknown_page(request: Request) -> Response:
    """Any other /jobs/… address: a friendly 404 ("/jobs/" itself leads to the list)."""
    if request.path_params.get("rest") == "":
        return RedirectResponse("/jobs", status_code=303)
    return not_found(request, visitor_language(request), N_("There is no such page."))


METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
ROUTES = [
    Route("/jobs", page(jobs_page), methods=METHODS),
    Route("/jobs/feed.atom", page(feed), methods=METHODS),
    Route("/jobs/{project_id:rowid}", page(advert_page), methods=METHODS),
]
FALLBACK = [Route("/jobs/{rest:path}", page(unknown_page, unknown_page), methods=METHODS)]
