"""A local fake of the Resend API, so tests, the benchmark and developers send email without the internet.

The real `resend` SDK works against it (`resend.api_url = fake.url`): it answers the endpoints the outbox
uses with Resend's shapes and error bodies, keeps Resend's idempotency promise (same key and body: same
id, no second delivery), and lets tests inject failures, including "accepted, then the connection died",
which is what proves a retry with the same idempotency key does not deliver twice.

    python -m ats_devtools.fake_resend --port 8025      # prints its URL, serves until Ctrl-C

Control endpoints (no API key needed): POST/GET/DELETE /_faults, GET/DELETE /_emails, GET /_stats.
"""

import argparse
import base64
import copy
import hashlib
import hmac
import json
import re
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

import httpx

from ats_devtools.fake_server import LocalFake

BATCH_LIMIT = 100
MAX_RECIPIENTS = 50
IDEMPOTENCY_SECONDS = 24 * 3600
IDEMPOTENCY_KEY_LIMIT = 256
DROP = "dropped"  # the stats "status" of a request whose connection the fake closed unanswered

_BARE = re.compile(r"^[^\s@<>,;\"]+@[^\s@<>,;\"]+\.[^\s@<>,;\"]+$")
_NAMED = re.compile(r"^[^<>]*<([^<>]+)>$")
_ERROR_NAMES = {400: "validation_error", 401: "missing_api_key", 403: "invalid_api_key", 404: "not_found",
                405: "method_not_allowed", 409: "invalid_idempotent_request", 422: "validation_error",
                429: "rate_limit_exceeded", 500: "application_error", 503: "service_unavailable"}
_FAULT_MESSAGES = {429: "Too many requests. You can only make 2 requests per second.",
                   500: "An unexpected error occurred.", 503: "The service is temporarily unavailable."}
_HEADERS_OF_INTEREST = ("Idempotency-Key", "x-batch-validation", "User-Agent")


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat()


def _error(status: int, message: str, name: str | None = None) -> tuple[int, dict, dict]:
    """A Resend-shaped error reply: {"statusCode", "name", "message"}."""
    return status, {"statusCode": status, "name": name or _ERROR_NAMES.get(status, "application_error"),
                    "message": message}, {}


def sign_webhook(secret: str, msg_id: str, timestamp: int | str, body: str | bytes) -> dict[str, str]:
    """The Svix headers Resend sends with a webhook: HMAC-SHA256 of "{id}.{timestamp}.{body}" (tests reuse it)."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    digest = hmac.new(key, f"{msg_id}.{timestamp}.{text}".encode("utf-8"), hashlib.sha256).digest()
    return {"svix-id": msg_id, "svix-timestamp": str(timestamp),
            "svix-signature": "v1," + base64.b64encode(digest).decode("ascii")}


def delivery_event(event_type: str, email_id: str, *, to: str | list[str] = "candidate@example.com",
                   subject: str = "", sender: str = "recruitment@example.com", data: dict | None = None) -> dict:
    """A Resend webhook payload for an email event ("email.delivered", "email.bounced", ...)."""
    payload = {"created_at": _now_iso(), "email_id": email_id, "from": sender,
               "to": [to] if isinstance(to, str) else list(to), "subject": subject}
    if event_type == "email.bounced":
        payload["bounce"] = {"message": "The recipient's mailbox does not exist.", "subType": "General",
                             "type": "Permanent"}
    elif event_type == "email.failed":
        payload["failed"] = {"reason": "reached_daily_quota"}
    payload.update(data or {})
    return {"type": event_type, "created_at": _now_iso(), "data": payload}


def _address_ok(value) -> bool:
    if not isinstance(value, str):
        return False
    named = _NAMED.match(value.strip())
    return bool(_BARE.match(named.group(1).strip() if named else value.strip()))


def _problem(item) -> tuple[int, str, str] | None:
    """Why Resend would refuse this email, as (status, name, message), or None."""
    if not isinstance(item, dict):
        return 422, "validation_error", "The email must be a JSON object."
    for field in ("from", "to", "subject"):
        if item.get(field) in (None, "", []):
            return 422, "missing_required_field", f"Missing `{field}` field."
    if not any(item.get(k) for k in ("html", "text", "template", "react")):
        return 422, "missing_required_field", "Missing `html` or `text` field."
    if not _address_ok(item["from"]):
        return 422, "validation_error", ("Invalid `from` field. The email address needs to follow the "
                                         "`email@example.com` or `Name <email@example.com>` format.")
    for field in ("to", "cc", "bcc", "reply_to"):
        value = item.get(field)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if field == "to" and len(values) > MAX_RECIPIENTS:
            return 422, "validation_error", f"Too many recipients in `to`: at most {MAX_RECIPIENTS}."
        if not all(_address_ok(v) for v in values):
            return 422, "validation_error", (f"Invalid `{field}` field. The email address needs to follow the "
                                             "`email@example.com` or `Name <email@example.com>` format.")
    return None


def _route(method: str, path: str) -> str:
    """The stats name of a request: "POST /emails/{id}/cancel" rather than one line per id."""
    parts = path.split("/")
    if len(parts) >= 3 and parts[1] == "emails" and parts[2] not in ("batch", ""):
        parts[2] = "{id}"
    return f"{method} {'/'.join(parts)}"


class _State:
    """Everything the fake remembers, behind one lock (handlers run on many threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.emails: list[dict] = []
            self.by_id: dict[str, dict] = {}
            self.idempotency: dict[str, tuple[str, float, int, dict]] = {}
            self.faults: list[dict] = []
            self.stats: Counter = Counter()

    def add_fault(self, fault: dict) -> None:
        mode = fault.get("mode", "error")
        if mode not in ("error", "accept_then_drop"):
            raise ValueError(f"unknown fault mode {mode!r}")
        status = fault.get("status")
        if mode == "error" and (not isinstance(status, int) or not 400 <= status <= 599):
            raise ValueError("an error fault needs an HTTP error status")
        count = int(fault.get("count", 1))
        if count < 1:
            raise ValueError("count must be at least 1")
        with self.lock:
            self.faults.append({**fault, "mode": mode, "count": count,
                                "path": (fault.get("path") or "").rstrip("/") or None})

    def take_fault(self, path: str) -> dict | None:
        """The first pending fault for path, used up by one."""
        with self.lock:
            for fault in self.faults:
                if fault["path"] in (None, path):
                    fault["count"] -= 1
                    if fault["count"] <= 0:
                        self.faults.remove(fault)
                    return dict(fault)
        return None

    def count(self, route: str, status: int | str) -> None:
        with self.lock:
            self.stats[(route, str(status))] += 1

    def stats_view(self) -> dict:
        with self.lock:
            requests: dict[str, dict[str, int]] = {}
            for (route, status), n in sorted(self.stats.items()):
                requests.setdefault(route, {})[status] = n
            return {"requests": requests, "emails": len(self.emails), "pending_faults": len(self.faults)}

    # --- the API -------------------------------------------------------------------------------------------

    def handle(self, method: str, path: str, headers, raw: bytes) -> tuple[int, dict, dict]:
        """Answer one API request as (status, JSON body, extra headers)."""
        auth = headers.get("Authorization") or ""
        key = auth[7:].strip() if auth.startswith("Bearer ") else ""
        if not key:
            return _error(401, "Missing API key in the authorization header.")
        if key == "None":  # the SDK's "Bearer None" when resend.api_key was never set
            return _error(403, "API key is invalid.")
        parts = path.strip("/").split("/")
        if parts[0] != "emails":
            return _error(404, "The requested endpoint does not exist.")
        if method == "POST" and path in ("/emails", "/emails/batch"):
            try:
                body = json.loads(raw or b"null")
            except ValueError:
                return _error(400, "The request body is not valid JSON.")
            return self._idempotent(path, headers, body)
        if len(parts) == 2 and method == "GET":
            return self._get(parts[1])
        if len(parts) == 3 and parts[2] == "cancel" and method == "POST":
            return self._cancel(parts[1])
        return _error(405, "Method not allowed.")

    def _idempotent(self, path: str, headers, body) -> tuple[int, dict, dict]:
        key = headers.get("Idempotency-Key")
        if key is None:
            with self.lock:
                return self._accept(path, headers, body, None)
        if not key or len(key) > IDEMPOTENCY_KEY_LIMIT:
            return _error(400, f"The idempotency key must be 1 to {IDEMPOTENCY_KEY_LIMIT} characters.",
                          "invalid_idempotency_key")
        fingerprint = hashlib.sha256(f"{path}\n{json.dumps(body, sort_keys=True)}".encode()).hexdigest()
        with self.lock:
            seen = self.idempotency.get(key)
            if seen and seen[1] > time.monotonic():
                if seen[0] != fingerprint:
                    return _error(409, "Same idempotency key used with a different request payload. Change "
                                  "your idempotency key or payload.")
                return seen[2], copy.deepcopy(seen[3]), {}
            status, payload, extra = self._accept(path, headers, body, key)
            if status == 200:
                self.idempotency[key] = (fingerprint, time.monotonic() + IDEMPOTENCY_SECONDS, status,
                                         copy.deepcopy(payload))
            return status, payload, extra

    def _accept(self, path: str, headers, body, key: str | None) -> tuple[int, dict, dict]:
        """Validate and record one email or a batch (the caller holds the lock)."""
        if path == "/emails":
            problem = _problem(body)
            if problem:
                return _error(problem[0], problem[2], problem[1])
            return 200, {"id": self._record(path, headers, body, key, None)}, {}
        if not isinstance(body, list) or not body:
            return _error(422, "The batch must be a non-empty array of emails.")
        if len(body) > BATCH_LIMIT:
            return _error(422, f"Too many emails in the batch: at most {BATCH_LIMIT}.")
        for index, item in enumerate(body):
            for field in ("attachments", "scheduled_at"):
                if isinstance(item, dict) and item.get(field) is not None:
                    return _error(422, f"`{field}` is not supported in batch emails (emails[{index}]).")
        permissive = (headers.get("x-batch-validation") or "").lower() == "permissive"
        problems = [(i, _problem(item)) for i, item in enumerate(body)]
        errors = [{"index": i, "message": p[2]} for i, p in problems if p]
        if errors and not permissive:
            i, problem = next((i, p) for i, p in problems if p)
            return _error(problem[0], f"emails[{i}]: {problem[2]}", problem[1])
        data = [{"id": self._record(path, headers, item, key, i)} for i, item in enumerate(body) if not problems[i][1]]
        return 200, ({"data": data, "errors": errors} if permissive else {"data": data}), {}

    def _record(self, path: str, headers, item: dict, key: str | None, index: int | None) -> str:
        email_id = str(uuid.uuid4())
        record = {"id": email_id, "endpoint": path, "batch_index": index, "idempotency_key": key,
                  "headers": {h: headers[h] for h in _HEADERS_OF_INTEREST if headers.get(h) is not None},
                  "body": item, "created_at": _now_iso(),
                  "last_event": "scheduled" if item.get("scheduled_at") else "delivered"}
        self.emails.append(record)
        self.by_id[email_id] = record
        return email_id

    def _get(self, email_id: str) -> tuple[int, dict, dict]:
        with self.lock:
            record = self.by_id.get(email_id)
            if record is None:
                return _error(404, "Email not found.")
            body = record["body"]
            to = body.get("to")
            return 200, {"object": "email", "id": email_id, "from": body.get("from"),
                         "to": to if isinstance(to, list) else [to], "subject": body.get("subject"),
                         "html": body.get("html"), "text": body.get("text"), "cc": body.get("cc"),
                         "bcc": body.get("bcc"), "reply_to": body.get("reply_to"), "tags": body.get("tags"),
                         "scheduled_at": body.get("scheduled_at"), "created_at": record["created_at"],
                         "last_event": record["last_event"]}, {}

    def _cancel(self, email_id: str) -> tuple[int, dict, dict]:
        with self.lock:
            record = self.by_id.get(email_id)
            if record is None:
                return _error(404, "Email not found.")
            if record["last_event"] != "scheduled":
                return _error(422, "This email cannot be canceled because it is not scheduled.")
            record["last_event"] = "canceled"
            return 200, {"object": "email", "id": email_id}, {}


class _Handler(BaseHTTPRequestHandler):
    """Reads one request, asks the state for the answer, writes it (or drops the connection on purpose)."""

    protocol_version = "HTTP/1.1"
    server_version = "FakeResend/1.0"
    timeout = 30  # an idle keep-alive connection is closed after this long

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *_args):  # quiet: the benchmark sends thousands of requests
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
        if path.startswith("/_"):
            self._reply(*self._control(state, method, path, raw))
            return
        route = _route(method, path)
        fault = state.take_fault(path)
        if fault and fault["mode"] == "error":
            status = fault["status"]
            reply = _error(status, fault.get("message") or _FAULT_MESSAGES.get(status, "Injected failure."),
                           fault.get("name"))
            if status == 429:
                reply[2]["retry-after"] = "1"
            state.count(route, status)
            self._reply(*reply)
            return
        reply = state.handle(method, path, self.headers, raw)
        if fault:  # accept_then_drop: the work is done, the client never hears of it
            if fault.get("status"):
                state.count(route, fault["status"])
                self._reply(*_error(fault["status"], "The server failed after accepting the request."))
            else:
                state.count(route, DROP)
                self.close_connection = True
            return
        state.count(route, reply[0])
        self._reply(*reply)

    def _control(self, state: _State, method: str, path: str, raw: bytes) -> tuple[int, dict, dict]:
        if path == "/_emails" and method == "GET":
            with state.lock:
                return 200, {"data": copy.deepcopy(state.emails)}, {}
        if path == "/_emails" and method == "DELETE":
            state.reset()
            return 200, {"ok": True}, {}
        if path == "/_stats" and method == "GET":
            return 200, state.stats_view(), {}
        if path == "/_faults" and method == "GET":
            with state.lock:
                return 200, {"data": copy.deepcopy(state.faults)}, {}
        if path == "/_faults" and method == "DELETE":
            with state.lock:
                state.faults.clear()
            return 200, {"ok": True}, {}
        if path == "/_faults" and method == "POST":
            try:
                state.add_fault(json.loads(raw or b"{}"))
            except (ValueError, TypeError, AttributeError) as exc:
                return _error(400, f"Bad fault: {exc}")
            return 200, {"ok": True}, {}
        return _error(404, "No such control endpoint.")

    def _reply(self, status: int, payload: dict, extra: dict) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class FakeResend(LocalFake):
    """The fake as a Python object for tests: start(), url, emails(), fail_next(), reset(), stop()."""

    handler = _Handler
    thread_name = "fake-resend"

    def __init__(self, port: int = 0, host: str = "127.0.0.1"):
        super().__init__(_State(), port, host)

    @property
    def url(self) -> str:
        """The base URL to give resend.api_url / RESEND_API_URL."""
        return f"http://{self.host}:{self.port}"

    def emails(self) -> list[dict]:
        """Every accepted, non-duplicate email in order: id, endpoint, body, idempotency_key, headers, ..."""
        with self._state.lock:
            return copy.deepcopy(self._state.emails)

    def reset(self) -> None:
        """Forget emails, faults, idempotency keys and stats."""
        self._state.reset()

    def fail_next(self, status: int, count: int = 1, path: str | None = None) -> None:
        """Make the next count requests (to path only, when given) fail with status and a Resend error body."""
        self._state.add_fault({"status": status, "count": count, "path": path})

    def drop_after_accept(self, count: int = 1, path: str | None = None, status: int | None = None) -> None:
        """Accept the next count requests, then close the connection unanswered (or answer with status)."""
        self._state.add_fault({"mode": "accept_then_drop", "count": count, "path": path, "status": status})

    def stats(self) -> dict:
        """Requests by route and status, the number of recorded emails and pending faults."""
        return self._state.stats_view()

    def send_event(self, target_url: str, event_type: str, email_id: str, secret: str, *,
                   event_id: str | None = None, data: dict | None = None):
        """POST a signed Resend webhook about email_id to target_url (e.g. .../webhooks/resend); the response."""
        with self._state.lock:
            body = copy.deepcopy(self._state.by_id.get(email_id, {}).get("body") or {})
        fields = {k: v for k, v in (("to", body.get("to")), ("subject", body.get("subject")),
                                    ("sender", body.get("from"))) if v}
        payload = json.dumps(delivery_event(event_type, email_id, data=data, **fields))
        headers = sign_webhook(secret, event_id or f"msg_{uuid.uuid4().hex}", int(time.time()), payload)
        return httpx.post(target_url, content=payload.encode("utf-8"),
                          headers={**headers, "Content-Type": "application/json"}, timeout=10)



def main(argv: list[str] | None = None) -> int:
    """Run the fake in the foreground (for developers and the browser tests) until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m ats_devtools.fake_resend", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025, help="0 picks a free port (default 8025)")
    args = parser.parse_args(argv)
    fake = FakeResend(args.port, args.host).start()
    print(fake.url, flush=True)
    print(f"Fake Resend API: set RESEND_API_URL={fake.url} (any RESEND_API_KEY). Ctrl-C stops it.",
          file=sys.stderr, flush=True)
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
