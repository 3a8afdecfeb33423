"""GET /audit/export.csv: the audit log as filtered on the audit page, for admins only. A plain route so the
browser downloads the file itself; it checks the session cookie and the role as the page does, since anyone
can type the address, and the download leaves its own EXPORT line."""

import asyncio

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ats_app.accounts import audit_log, auth
from ats_app.core.db import session_scope

_PRIVATE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


def client_address(request: Request) -> str:
    """The address the request came from (as the server sees it)."""
    return request.client.host if request.client else ""


async def audit_export(request: Request) -> Response:
    """401 without a session, 403 for anyone but an admin, 400 for a malformed filter, else the CSV."""
    filters = audit_log.filters_from(request.query_params)
    token, address = request.cookies.get(auth.SESSION_COOKIE), client_address(request)

    def build() -> tuple[int, str]:
        with session_scope() as session:
            user = auth.user_for_token(session, token)
            if user is None:
                return 401, "Log in to download files."
            if not audit_log.may_see(user):
                return 403, "You do not have the right to do this."
            if filters is None:
                return 400, "Bad filter."
            return 200, audit_log.export_csv(session, user, filters, client_ip=address)

    status, text = await asyncio.to_thread(build)
    if status != 200:
        return PlainTextResponse(text, status_code=status, headers=_PRIVATE)
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={**_PRIVATE, "Content-Disposition": f'attachment; filename="{audit_log.FILENAME}"'})
