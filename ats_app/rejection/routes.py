"""Report downloads: the rejection reasons report as a CSV file, for recruiters and admins.

A plain route rather than a Reflex event, so the browser downloads the file itself; it checks the
session cookie and the role exactly as the page's state does, since anyone can type the address.
"""

import asyncio

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ats_app.accounts import auth
from ats_app.accounts.access import may_act
from ats_app.accounts.audit_log import record_export
from ats_app.accounts.audit_routes import client_address
from ats_app.core.db import session_scope
from ats_app.core.errors import ProjectNotFound
from ats_app.rejection.report import rejection_report, report_csv

_PRIVATE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}
FILENAME = "rejection-reasons.csv"


async def rejection_report_csv(request: Request) -> Response:
    """GET /reports/rejections.csv?project_id=: 401 without a session, 403 for a hiring manager, 404 for a
    project the user may not see, else the report as a UTF-8 CSV attachment in the user's language."""
    token = request.cookies.get(auth.SESSION_COOKIE)
    raw = request.query_params.get("project_id", "").strip()
    if raw and not raw.isdigit():
        return PlainTextResponse("project_id must be a number.", status_code=400, headers=_PRIVATE)
    project_id = int(raw) if raw else None

    def build():
        with session_scope() as session:
            user = auth.user_for_token(session, token)
            if user is None or not may_act(user):
                return user, None
            try:
                report = rejection_report(session, user, project_id)
            except ProjectNotFound:
                return user, ""
            record_export(session, user, "Rejection reasons CSV", rows=len(report.rows), project_id=project_id,
                          client_ip=client_address(request))
            return user, report_csv(report, user.language)

    user, text = await asyncio.to_thread(build)
    if user is None:
        return PlainTextResponse("Log in to download reports.", status_code=401, headers=_PRIVATE)
    if text is None:
        return PlainTextResponse("You do not have the right to do this.", status_code=403, headers=_PRIVATE)
    if text == "":
        return PlainTextResponse("Not found.", status_code=404, headers=_PRIVATE)
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={**_PRIVATE, "Content-Disposition": f'attachment; filename="{FILENAME}"'})
