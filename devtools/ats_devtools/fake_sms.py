"""A local fake of the 46elks SMS API, so tests and developers send SMS without the internet or a bill.

It answers `POST /a1/sms` (form fields from, to, message; Basic auth) with 46elks' JSON shape, refuses
what 46elks refuses (bad credentials, a bad sender or number, no text) with a plain-text reason, and lets
tests inject failures with fail_next(status, count).

    python -m ats_devtools.fake_sms --port 8026      # prints its URL, serves until Ctrl-C

Then ATS_SMS_BACKEND=46elks, ATS_SMS_API_URL=<url>/a1, ATS_SMS_USERNAME/ATS_SMS_PASSWORD as printed.
Control endpoints (no auth): GET/DELETE /_messages.
"""

import argparse
import base64
import copy
import json
import re
import sys
import threading
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from ats_app.delivery.sms import sms_parts, valid_sender
from ats_devtools.fake_server import LocalFake

_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
_FAULT_TEXT = {429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}


class _State:
    """What the fake remembers, behind one lock (handlers run on many threads)."""

    def __init__(self, username: str, password: str):
        self.username, self.password = username, password
        self.lock = threading.Lock()
        self.messages: list[dict] = []
        self.faults: list[list[int]] = []  # [status, count left]

    def take_fault(self) -> int | None:
        with self.lock:
            if not self.faults:
                return None
            fault = self.faults[0]
            fault[1] -= 1
            if fault[1] <= 0:
                self.faults.pop(0)
            return fault[0]

    def authorised(self, header: str | None) -> str | None:
        """The user name when the Basic credentials match, else None."""
        if not header or not header.startswith("Basic "):
            return None
        try:
            user, _, password = base64.b64decode(header[6:].strip()).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        return user if (user, password) == (self.username, self.password) else None

    def send(self, form: dict[str, str], user: str) -> tuple[int, object]:
        """46elks' checks, then the record and its JSON answer (or status and a plain-text reason)."""
        for field in ("from", "to", "message"):
            if not form.get(field):
                return 400, f"Missing key {field}"
        if not valid_sender(form["from"]):
            return 403, "Invalid from, must be a number in E.164 or 3-11 letters and digits"
        if not _E164.match(form["to"]):
            return 403, "Invalid to number"
        parts = sms_parts(form["message"])
        record = {"id": f"s{uuid.uuid4().hex}", "status": "created", "direction": "outgoing",
                  "from": form["from"], "to": form["to"], "message": form["message"],
                  "created": datetime.now(timezone.utc).isoformat(), "parts": parts.parts,
                  "encoding": parts.encoding, "cost": 3500 * parts.parts, "username": user,
                  "extra": {k: v for k, v in form.items() if k not in ("from", "to", "message")}}
        with self.lock:
            self.messages.append(record)
        answer = {k: record[k] for k in ("id", "status", "direction", "from", "to", "message", "created",
                                         "parts", "cost")}
        return 200, answer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Fake46elks/1.0"
    timeout = 30

    def log_message(self, *_args):
        pass

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def do_DELETE(self):
        self._handle("DELETE")

    def _handle(self, method: str) -> None:
        state: _State = self.server.state  # type: ignore[attr-defined]
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = urlsplit(self.path).path.rstrip("/") or "/"
        if path == "/_messages":
            if method == "DELETE":
                with state.lock:
                    state.messages.clear()
                    state.faults.clear()
            with state.lock:
                self._reply(200, {"data": copy.deepcopy(state.messages)})
            return
        if path != "/a1/sms":
            self._reply(404, "Not found")
            return
        user = state.authorised(self.headers.get("Authorization"))
        if user is None:
            self._reply(401, "Authorization required", {"WWW-Authenticate": 'Basic realm="46elks"'})
            return
        if method == "GET":
            with state.lock:
                self._reply(200, {"data": [m for m in reversed(state.messages) if m["username"] == user]})
            return
        if method != "POST":
            self._reply(405, "Method not allowed")
            return
        fault = state.take_fault()
        if fault:
            self._reply(fault, _FAULT_TEXT.get(fault, "Injected failure"), {"Retry-After": "1"} if fault == 429 else {})
            return
        if "application/x-www-form-urlencoded" not in (self.headers.get("Content-Type") or ""):
            self._reply(400, "Expected a form (application/x-www-form-urlencoded)")
            return
        form = {k: v[-1] for k, v in parse_qs(raw.decode("utf-8"), keep_blank_values=True).items()}
        self._reply(*state.send(form, user))

    def _reply(self, status: int, payload: object, extra: dict | None = None) -> None:
        is_json = not isinstance(payload, str)
        data = (json.dumps(payload) if is_json else payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if is_json else "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class FakeSms(LocalFake):
    """The fake for tests: start(), url (the base to give ATS_SMS_API_URL), messages(), fail_next(), stop()."""

    handler = _Handler
    thread_name = "fake-sms"

    def __init__(self, port: int = 0, host: str = "127.0.0.1", username: str = "u_fake",
                 password: str = "fake-secret"):
        super().__init__(_State(username, password), port, host)
        self.username, self.password = username, password

    @property
    def url(self) -> str:
        """The API base, as ATS_SMS_API_URL wants it (…/a1)."""
        return f"http://{self.host}:{self.port}/a1"

    def messages(self) -> list[dict]:
        """Every accepted SMS in order: id, from, to, message, parts, encoding, username, extra fields."""
        with self._state.lock:
            return copy.deepcopy(self._state.messages)

    def fail_next(self, status: int, count: int = 1) -> None:
        """Answer the next count authorised POSTs with status (429 carries Retry-After: 1)."""
        if not 400 <= status <= 599 or count < 1:
            raise ValueError("fail_next needs an HTTP error status and a count of at least 1")
        with self._state.lock:
            self._state.faults.append([status, count])

    def reset(self) -> None:
        """Forget messages and pending faults."""
        with self._state.lock:
            self._state.messages.clear()
            self._state.faults.clear()



def main(argv: list[str] | None = None) -> int:
    """Run the fake in the foreground until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m ats_devtools.fake_sms", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8026, help="0 picks a free port (default 8026)")
    parser.add_argument("--username", default="u_fake")
    parser.add_argument("--password", default="fake-secret")
    args = parser.parse_args(argv)
    fake = FakeSms(args.port, args.host, args.username, args.password).start()
    print(fake.url, flush=True)
    print(f"Fake 46elks API: ATS_SMS_BACKEND=46elks ATS_SMS_API_URL={fake.url} ATS_SMS_USERNAME={args.username} "
          f"ATS_SMS_PASSWORD={args.password}. Ctrl-C stops it.", file=sys.stderr, flush=True)
    try:
        while fake._thread is not None and fake._thread.is_alive():
            fake._thread.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
