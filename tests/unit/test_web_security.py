"""The middleware in front of everything (web.security): the session's hash for Reflex, headers, body limits;
and no session token anywhere in Reflex's state."""

import pickle

from reflex_base.utils.format import json_dumps
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient

from ats_app.accounts import auth
from ats_app.accounts.ui.auth_state import AuthState
from ats_app.core import tokens
from ats_app.projects.ui.overview_state import OverviewState
from ats_app.web.routes import api
from ats_app.web.security import REFLEX_CSP, security_middleware, session_headers
from tests.unit.factories import make_user
from tests.unit.state_helpers import call, client, state_of, with_session


async def _echo(request):
    return JSONResponse({k: v for k, v in request.headers.items()})


async def _echo_socket(websocket):
    await websocket.accept()
    await websocket.send_json(dict(websocket.headers.items()))
    await websocket.close()


async def _swallow(request):
    await request.body()
    return PlainTextResponse("read it")


ECHO = Starlette(routes=[Route("/_event/", _echo, methods=["GET", "POST"]), Route("/other", _echo),
                         Route("/upload-here", _swallow, methods=["POST"]), Route("/jobs/3/apply", _swallow,
                                                                                  methods=["POST"]),
                         WebSocketRoute("/_event", _echo_socket)])


def _through(app=ECHO) -> TestClient:
    return TestClient(security_middleware(app))


def test_the_event_endpoint_gets_the_sessions_hash_instead_of_the_cookie():
    seen = _through().get("/_event/?EIO=4", headers={"cookie": "ats_locale=nb; ats_session=tok123; other=1",
                                                     "authorization": "f" * 64}).json()
    assert seen["authorization"] == tokens.token_hash("tok123")
    assert seen["cookie"] == "ats_locale=nb; other=1" and "tok123" not in str(seen)


def test_a_forged_session_header_is_dropped_everywhere():
    forged = {"authorization": tokens.token_hash("someone else's")}
    assert "authorization" not in _through().get("/_event/?EIO=4", headers=forged).json()
    assert "authorization" not in _through().get("/other", headers=forged).json()
    other = _through().get("/other", headers={"cookie": "ats_session=tok123"}).json()
    assert "authorization" not in other and "ats_session=tok123" in other["cookie"]  # our routes read the cookie


def test_the_websocket_handshake_is_mapped_too():
    with _through().websocket_connect("/_event", headers={"cookie": "ats_session=tok9", "authorization": "x"}) as ws:
        seen = ws.receive_json()
    assert seen["authorization"] == tokens.token_hash("tok9") and "cookie" not in seen


def test_session_headers_keep_everything_else():
    kept = session_headers([(b"host", b"a"), (b"cookie", b"ats_session=t"), (b"accept-language", b"nb")])
    assert kept == [(b"host", b"a"), (b"accept-language", b"nb"), (b"authorization", tokens.token_hash("t").encode())]


def test_every_response_gets_the_security_headers(session):
    response = _through().get("/other")
    assert response.headers["content-security-policy"] == REFLEX_CSP
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert "strict-transport-security" not in response.headers
    secure = TestClient(security_middleware(ECHO), base_url="https://ats.example").get("/other")
    assert "max-age=" in secure.headers["strict-transport-security"]
    proxied = _through().get("/other", headers={"x-forwarded-proto": "https"})
    assert "strict-transport-security" in proxied.headers
    jobs = TestClient(security_middleware(api)).get("/jobs")  # a server-rendered page keeps its own CSP
    assert "frame-ancestors 'none'" in jobs.headers["content-security-policy"]
    assert jobs.headers["x-frame-options"] == "DENY"


def test_bodies_over_the_limit_get_a_413(monkeypatch):
    browser = _through()
    assert browser.post("/upload-here", content=b"x" * 65536).status_code == 200
    assert browser.post("/upload-here", content=b"x" * 65537).status_code == 413
    streamed = browser.post("/upload-here", content=iter([b"x" * 40000, b"x" * 40000]))  # no Content-Length
    assert streamed.status_code == 413
    assert browser.post("/jobs/3/apply", content=b"x" * 1_000_000).status_code == 200  # the application form
    monkeypatch.setenv("ATS_MAX_BODY_BYTES", "10")
    assert browser.post("/upload-here", content=b"x" * 11).status_code == 413
    monkeypatch.setenv("ATS_MAX_UPLOAD_BYTES", "100")
    assert browser.post("/jobs/3/apply", content=b"x" * 101).status_code == 413
    assert browser.post("/_event/?EIO=4", content=b"x" * 100).status_code == 200  # Reflex caps its own


def test_a_413_replaces_a_route_that_swallowed_the_overrun(session):
    response = TestClient(security_middleware(api)).post("/login", content=b"email=" + b"x" * 70000,
                                                         headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


async def test_no_session_token_in_reflex_state_after_log_in(session):
    make_user(session)
    token = auth.log_in(session, "admin@example.com", "demo")
    root = with_session(client(), tokens.token_hash(token))
    auth_state = state_of(root, AuthState)
    await call(auth_state, "require_login")
    assert auth_state.logged_in
    overview = state_of(root, OverviewState)
    assert await call(overview, "load") is None
    dumped = pickle.dumps(root) + repr(root.router_data).encode() + repr(root.dict()).encode()
    assert token.encode() not in dumped
    assert "session_token" not in AuthState.base_vars and not any("token" in v for v in AuthState.vars)
    # What the page receives (the state as sent to the browser) does not hold the session's hash either.
    assert tokens.token_hash(token) not in json_dumps(root.dict())
