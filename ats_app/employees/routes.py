"""The Employees downloads: the filtered list as CSV and a contract on an employee's record, for logged-in users
who may see those employees (anyone can type the address, so the route checks as the page does)."""

import asyncio
import re
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ats_app.accounts import auth
from ats_app.accounts.audit_log import record_export
from ats_app.accounts.audit_routes import client_address
from ats_app.core import files
from ats_app.core.db import session_scope
from ats_app.core.errors import EmployeeNotFound
from ats_app.core.spreadsheet import csv_rows
from ats_app.employees.export import FILENAME, employees_csv
from ats_app.employees.profile import contract_file
from ats_app.employees.register import SHOWN, Filters
from ats_app.web.public_pages import RowId

_PRIVATE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


def _filters(request: Request) -> Filters | None:
    """?q=&department=&shown= as the page's filters (None when a value is malformed, as is a department id too
    long for the database: the route's rowid rule)."""
    params = request.query_params
    department = params.get("department", "").strip()
    shown = params.get("shown", "current").strip() or "current"
    if (department and not re.fullmatch(RowId.regex, department)) or shown not in SHOWN:
        return None
    return Filters(params.get("q", "")[:200], int(department) if department else None, shown)


async def employees_export(request: Request) -> Response:
    """GET /employees/export.csv: 401 without a session, else the employees the user may see, filtered."""
    filters = _filters(request)
    if filters is None:
        return PlainTextResponse("Bad filter.", status_code=400, headers=_PRIVATE)
    token, address = request.cookies.get(auth.SESSION_COOKIE), client_address(request)

    def build() -> str | None:
        with session_scope() as session:
            user = auth.user_for_token(session, token)
            if user is None:
                return None
            text = employees_csv(session, user, filters)
            record_export(session, user, "Employees CSV", rows=csv_rows(text), client_ip=address,
                          searched=bool(filters.search.strip()), department_id=filters.department_id,
                          shown=filters.shown)
            return text

    text = await asyncio.to_thread(build)
    if text is None:
        return PlainTextResponse("Log in to download files.", status_code=401, headers=_PRIVATE)
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={**_PRIVATE, "Content-Disposition": f'attachment; filename="{FILENAME}"'})


async def employee_contract(request: Request) -> Response:
    """GET /employees/{employee_id}/contracts/{contract_id}: the contract PDF from private storage."""
    employee_id, contract_id = request.path_params["employee_id"], request.path_params["contract_id"]
    token = request.cookies.get(auth.SESSION_COOKIE)

    def lookup() -> tuple[bool, tuple[str, bytes] | None]:
        with session_scope() as session:
            user = auth.user_for_token(session, token)
            if user is None:
                return False, None
            try:
                contract = contract_file(session, user, employee_id, contract_id)
                return True, (contract.filename, files.read_bytes(contract.file_key))
            except (EmployeeNotFound, FileNotFoundError, ValueError):
                return True, None

    logged_in, found = await asyncio.to_thread(lookup)
    if not logged_in:
        return PlainTextResponse("Log in to download files.", status_code=401, headers=_PRIVATE)
    if found is None:
        return PlainTextResponse("Not found.", status_code=404, headers=_PRIVATE)
    filename, content = found
    return Response(content, media_type="application/pdf",
                    headers={**_PRIVATE, "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})
