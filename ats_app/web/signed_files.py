"""Private files handed to the user who made them (a letters PDF, a contract preview): a session, a link
signed for that user until a moment (?exp=, Unix seconds), and a right; anything else is 401 or 404 (we never say
which file exists)."""

import asyncio
import hmac
import time
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ats_app.accounts import auth
from ats_app.core import files
from ats_app.core.db import session_scope

PRIVATE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


def _fresh(expires: str) -> bool:
    return expires.isdigit() and len(expires) <= 12 and int(expires) >= time.time()


def _same(sent: str, expected: str) -> bool:
    """compare_digest on bytes: on str it raises TypeError for non-ASCII text (a 500 instead of a 404)."""
    return hmac.compare_digest(sent.encode("utf-8", "surrogatepass"), expected.encode())


def _read(key: str) -> bytes | None:
    try:
        return files.read_bytes(key)
    except (ValueError, FileNotFoundError):  # not a key we made, or gone
        return None


async def signed_pdf(request: Request, signature: Callable[[str, int, int], str],
                     allowed: Callable[[auth.CurrentUser], bool], disposition: str) -> Response:
    """The PDF stored under the path's {key} when ?sig= is signature(key, user id, exp) for the logged-in user,
    ?exp= has not passed, and allowed(user); disposition is the Content-Disposition header (attachment or
    inline, with its filename)."""
    token = request.cookies.get(auth.SESSION_COOKIE)
    key = request.path_params["key"]

    def lookup():
        with session_scope() as session:
            user = auth.user_for_token(session, token)
        if user is None:
            return None, None
        expires = request.query_params.get("exp", "")
        signed = _fresh(expires) and _same(request.query_params.get("sig", ""), signature(key, user.id, int(expires)))
        return user, (_read(key) if signed and allowed(user) else None)

    user, pdf = await asyncio.to_thread(lookup)
    if user is None:
        return PlainTextResponse("Log in to download files.", status_code=401, headers=PRIVATE)
    if pdf is None:
        return PlainTextResponse("Not found.", status_code=404, headers=PRIVATE)
    return Response(pdf, media_type="application/pdf", headers={**PRIVATE, "Content-Disposition": disposition})
