"""Authenticated download of printed letters: the PDF Send letter stored privately, for recruiters only.

The key is server-generated and unguessable; the route still asks for a recruiter's or admin's session,
because the letters carry candidates' names and postal addresses.
"""

import asyncio
import hmac

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ats_app.accounts import auth
from ats_app.accounts.access import may_act
from ats_app.core import files
from ats_app.core.db import session_scope
from ats_app.letters.printing import download_signature

_PRIVATE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


def _read(key: str) -> bytes | None:
    try:
        return files.read_bytes(key)
    except (ValueError, FileNotFoundError):  # not a key we made, or gone
        return None


async def download_letters(request: Request) -> Response:
    """GET /files/letters/{key}: the letters PDF as an attachment; 401 without a session, 404 for an
    unknown key or a user who may not run actions (hiring managers)."""
    token = request.cookies.get(auth.SESSION_COOKIE)
    key = request.path_params["key"]

    def lookup():
        with session_scope() as session:
            user = auth.user_for_token(session, token)
        if user is None:
            return None, None
        signed = hmac.compare_digest(request.query_params.get("sig", ""), download_signature(key, user.id))
        return user, (_read(key) if may_act(user) and signed else None)

    user, pdf = await asyncio.to_thread(lookup)
    if user is None:
        return PlainTextResponse("Log in to download files.", status_code=401, headers=_PRIVATE)
    if pdf is None:
        return PlainTextResponse("Not found.", status_code=404, headers=_PRIVATE)
    return Response(pdf, media_type="application/pdf",
                    headers={**_PRIVATE, "Content-Disposition": 'attachment; filename="letters.pdf"'})
