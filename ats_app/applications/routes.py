"""Authenticated downloads: CVs stream from the private folder to logged-in users who may see them."""

import asyncio
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ats_app.accounts import auth
from ats_app.applications.cv_files import cv_for_download
from ats_app.core.db import session_scope

_PRIVATE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


async def download_cv(request: Request) -> Response:
    """GET /files/cv/{candidate_id}: the CV as an attachment, 401 without a session, 404 when not allowed."""
    token = request.cookies.get(auth.SESSION_COOKIE)
    candidate_id = request.path_params["candidate_id"]

    def lookup():
        with session_scope() as session:
            user = auth.user_for_token(session, token)
            if user is None:
                return None, None
            return user, cv_for_download(session, user, candidate_id)

    user, cv = await asyncio.to_thread(lookup)
    if user is None:
        return PlainTextResponse("Log in to download files.", status_code=401, headers=_PRIVATE)
    if cv is None:
        return PlainTextResponse("Not found.", status_code=404, headers=_PRIVATE)
    disposition = f"attachment; filename*=UTF-8''{quote(cv.filename)}"
    return Response(cv.content, media_type="application/pdf",
                    headers={**_PRIVATE, "Content-Disposition": disposition})
