"""GET /first-run: the page a database without users shows (no one can log in yet): run `ats create-admin` on
the server and open the link it prints. Server-rendered, phone first, no form and no JavaScript; once a user
exists it sends the visitor to the log-in page (303)."""

from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ats_app.accounts.first_run import needs_first_admin
from ats_app.web import public_pages

TEMPLATES = Path(__file__).resolve().parent / "templates"
HEADERS = {**public_pages.PRIVATE_HEADERS, "Cache-Control": "no-store"}
COMMAND = "ats create-admin you@example.com"


async def first_run_page(request: Request) -> Response:
    """The first-run page while the database has no user, else 303 to /login."""
    if not await public_pages.in_transaction(needs_first_admin):
        return RedirectResponse("/login", status_code=303, headers=HEADERS)
    language = public_pages.sealed_link_language(request, None)
    html = public_pages.environment(TEMPLATES, language).get_template("first_run.html").render(
        lang=language, switch=public_pages.language_switch(request, language), command=COMMAND)
    return HTMLResponse(html, headers=HEADERS)


ROUTES = [Route("/first-run", first_run_page, methods=["GET"])]
