"""Liveness and database readiness for load balancers and `make run` checks."""

import asyncio

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse

from ats_app.core.db import get_engine


def _db_ok() -> bool:
    try:
        with get_engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001  (any failure means not ready)
        return False


async def health(_request: Request) -> JSONResponse:
    """200 with {"status": "ok"} when the database answers, else 503."""
    ok = await asyncio.to_thread(_db_ok)
    return JSONResponse({"status": "ok" if ok else "unavailable", "db": ok}, status_code=200 if ok else 503)
