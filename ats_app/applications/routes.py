"""Authenticated downloads: CVs and cover letter files stream from the private folder to logged-in users who
may see them."""

import asyncio
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ats_app.accounts import auth
from ats_app.applications.cv_files import CvFile, cover_letter_for_download, cv_for_download
from ats_app.core.db import session_scope

_PRIVATE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


async def download_for_user(request: Request, find) -> Response:
    """find(session, user) in a worker thread, streamed as an attachment; 401 without a session, 404 when not
    allowed or gone (also the contracts' downloads)."""
    token = request.cookies.get(auth.SESSION_COOKIE)

    def lookup() -> tuple[object, CvFile | None]:
        with session_scope() as session:
            user = auth.user_for_token(session, token)
            return (None, None) if user is None else (user, find(session, user))

    user, document = await asyncio.to_thread(lookup)
    if user is None:
        return PlainTextResponse("Log in to download files.", status_code=401, headers=_PRIVATE)
    if document is None:
        return PlainTextResponse("Not found.", status_code=404, headers=_PRIVATE)
    disposition = f"attachment; filename*=UTF-8''{quote(document.filename)}"
    return Response(document.content, media_type=document.media_type,
                    headers={**_PRIVATE, "Content-Disposition": disposition})


async def download_cv(request: Request) -> Response:
    """GET /files/cv/{candidate_id}: the candidate's CV as an attachment."""
    candidate_id = request.path_params["candidate_id"]
    return await download_for_user(request, lambda session, user: cv_for_download(session, user, candidate_id))


async def download_cover_letter(request: Request) -> Response:
    """GET /files/cover-letter/{application_id}: the cover letter file sent with that application."""
    application_id = request.path_params["application_id"]
    return await download_for_user(request,
                                   lambda session, user: cover_letter_for_download(session, user, application_id))
