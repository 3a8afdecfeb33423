"""Authenticated download of printed letters: the PDF Send letter stored privately, for recruiters only.

The key is server-generated and unguessable; the route still asks for a recruiter's or admin's session,
because the letters carry candidates' names and postal addresses.
"""

from starlette.requests import Request
from starlette.responses import Response

from ats_app.accounts.access import may_act
from ats_app.letters.printing import download_signature
from ats_app.web.signed_files import signed_pdf


async def download_letters(request: Request) -> Response:
    """GET /files/letters/{key}: the letters PDF as an attachment; 401 without a session, 404 for an
    unknown key or a user who may not run actions (hiring managers)."""
    return await signed_pdf(request, download_signature, may_act, 'attachment; filename="letters.pdf"')
