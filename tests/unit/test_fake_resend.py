"""The fake Resend server, driven by the real resend SDK: the outbox's tests are only as good as this fake."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import resend
from resend.exceptions import (
    ApplicationError,
    InvalidApiKeyError,
    MissingApiKeyError,
    MissingRequiredFieldsError,
    RateLimitError,
    ResendError,
    ValidationError,
)

from ats_devtools.fake_resend import FakeResend, delivery_event, sign_webhook

EMAIL = {"from": "Nordlys Recruitment <recruitment@example.com>", "to": ["kari.nordmann@example.com"],
         "subject": "Your application", "html": "<p>Thank you</p>", "text": "Thank you"}


@pytest.fixture
def fake():
    """A running fake with the SDK pointed at it; the SDK's module globals are restored afterwards."""
    saved = resend.api_key, resend.api_url
    with FakeResend() as server:
        resend.api_key, resend.api_url = "re_test_key", server.url
        try:
            yield server
        finally:
            resend.api_key, resend.api_url = saved


def test_send_records_the_email_and_get_reads_it_back(fake):
    sent = resend.Emails.send(EMAIL)
    recorded = fake.emails()
    assert [e["id"] for e in recorded] == [sent["id"]]
    assert recorded[0]["body"] == EMAIL and recorded[0]["endpoint"] == "/emails"
    email = resend.Emails.get(sent["id"])
    assert email["subject"] == "Your application" and email["to"] == ["kari.nordmann@example.com"]
    assert email["last_event"] == "delivered"


def test_validation_like_resend(fake):
    without_subject = {k: v for k, v in EMAIL.items() if k != "subject"}
    with pytest.raises(MissingRequiredFieldsError) as missing:
        resend.Emails.send(without_subject)
    assert missing.value.code == 422 and "subject" in missing.value.message
    with pytest.raises(MissingRequiredFieldsError):
        resend.Emails.send({k: v for k, v in EMAIL.items() if k not in ("html", "text")})
    for bad in ({"to": ["not-an-address"]}, {"to": "kari@"}, {"from": "Nordlys <nobody>"}):
        with pytest.raises(ValidationError) as invalid:
            resend.Emails.send({**EMAIL, **bad})
        assert invalid.value.code == 422 and invalid.value.error_type == "validation_error"
    resend.Emails.send({**EMAIL, "to": "Kari Nordmann <kari.nordmann@example.com>"})
    assert len(fake.emails()) == 1


def test_api_key_is_required(fake):
    with httpx.Client(base_url=fake.url) as client:
        response = client.post("/emails", json=EMAIL)
    assert response.status_code == 401 and response.json()["name"] == "missing_api_key"
    resend.api_key = None  # the SDK then sends "Bearer None"
    with pytest.raises((MissingApiKeyError, InvalidApiKeyError)):
        resend.Emails.send(EMAIL)
    assert fake.emails() == []


def test_batch_sends_up_to_a_hundred(fake):
    items = [{**EMAIL, "to": [f"applicant{i}@example.com"]} for i in range(100)]
    sent = resend.Batch.send(items)
    assert len(sent["data"]) == 100 and len({d["id"] for d in sent["data"]}) == 100
    recorded = fake.emails()
    assert [e["body"]["to"] for e in recorded] == [item["to"] for item in items]
    assert [e["id"] for e in recorded] == [d["id"] for d in sent["data"]]
    with pytest.raises(ValidationError):
        resend.Batch.send(items + [EMAIL])
    with pytest.raises(ValidationError):
        resend.Batch.send([EMAIL, {**EMAIL, "attachments": [{"filename": "a.pdf", "content": "JVBERi0="}]}])
    with pytest.raises(ValidationError):
        resend.Batch.send([{**EMAIL, "scheduled_at": "in 1 hour"}])
    assert len(fake.emails()) == 100


def test_batch_strict_refuses_all_permissive_reports_errors(fake):
    items = [EMAIL, {**EMAIL, "to": ["bad address"]}, {**EMAIL, "to": ["ok@example.com"]}]
    with pytest.raises(ValidationError):
        resend.Batch.send(items)
    assert fake.emails() == []
    sent = resend.Batch.send(items, {"batch_validation": "permissive"})
    assert len(sent["data"]) == 2 and [e["index"] for e in sent["errors"]] == [1]
    assert [e["batch_index"] for e in fake.emails()] == [0, 2]


def test_idempotent_retry_returns_the_same_id_and_delivers_once(fake):
    first = resend.Emails.send(EMAIL, {"idempotency_key": "rejection/application-17"})
    again = resend.Emails.send(EMAIL, {"idempotency_key": "rejection/application-17"})
    assert again["id"] == first["id"]
    assert [e["idempotency_key"] for e in fake.emails()] == ["rejection/application-17"]
    with pytest.raises(ResendError) as conflict:
        resend.Emails.send({**EMAIL, "subject": "Changed"}, {"idempotency_key": "rejection/application-17"})
    assert conflict.value.code == 409 and conflict.value.error_type == "invalid_idempotent_request"
    batch = [EMAIL, {**EMAIL, "to": ["b@example.com"]}]
    ids = resend.Batch.send(batch, {"idempotency_key": "batch/job-1"})["data"]
    assert resend.Batch.send(batch, {"idempotency_key": "batch/job-1"})["data"] == ids
    assert len(fake.emails()) == 3


@pytest.mark.parametrize("status, error", [(429, RateLimitError), (500, ApplicationError), (422, ValidationError)])
def test_injected_faults_raise_the_sdk_errors(fake, status, error):
    fake.fail_next(status, count=2, path="/emails")
    for _ in range(2):
        with pytest.raises(error) as raised:
            resend.Emails.send(EMAIL)
        assert raised.value.code == status
    if status == 429:
        assert raised.value.headers.get("retry-after") == "1"
    assert fake.emails() == []
    resend.Emails.send(EMAIL)
    assert len(fake.emails()) == 1
    assert fake.stats()["requests"]["POST /emails"] == {str(status): 2, "200": 1}


def test_fault_for_one_path_leaves_the_others_alone(fake):
    fake.fail_next(503, path="/emails/batch")
    resend.Emails.send(EMAIL)
    with pytest.raises(ResendError) as raised:
        resend.Batch.send([EMAIL])
    assert raised.value.code == 503
    resend.Batch.send([EMAIL])
    assert len(fake.emails()) == 2


def test_faults_over_http_and_reset(fake):
    with httpx.Client(base_url=fake.url) as control:
        assert control.post("/_faults", json={"status": 429, "count": 1}).status_code == 200
        assert control.post("/_faults", json={"mode": "nonsense"}).status_code == 400
        with pytest.raises(RateLimitError):
            resend.Emails.send(EMAIL)
        resend.Emails.send(EMAIL, {"idempotency_key": "k"})
        assert len(control.get("/_emails").json()["data"]) == 1
        control.post("/_faults", json={"status": 500, "count": 5})
        assert control.delete("/_emails").status_code == 200
        assert control.get("/_emails").json()["data"] == [] and control.get("/_stats").json()["emails"] == 0
    second = resend.Emails.send(EMAIL, {"idempotency_key": "k"})  # faults and keys were forgotten too
    assert [e["id"] for e in fake.emails()] == [second["id"]]


def test_accept_then_drop_records_once_and_the_retry_does_not_deliver_again(fake):
    with httpx.Client(base_url=fake.url) as control:
        control.post("/_faults", json={"mode": "accept_then_drop", "count": 1})
    with pytest.raises(ResendError) as dropped:
        resend.Emails.send(EMAIL, {"idempotency_key": "offer/application-4711"})
    assert dropped.value.error_type == "HttpClientError"
    assert len(fake.emails()) == 1  # Resend did send it, the client never heard
    retried = resend.Emails.send(EMAIL, {"idempotency_key": "offer/application-4711"})
    assert [e["id"] for e in fake.emails()] == [retried["id"]]

    fake.drop_after_accept(path="/emails/batch", status=500)
    batch = [{**EMAIL, "to": [f"p{i}@example.com"]} for i in range(3)]
    with pytest.raises(ApplicationError):
        resend.Batch.send(batch, {"idempotency_key": "batch/job-2"})
    resend.Batch.send(batch, {"idempotency_key": "batch/job-2"})
    assert len(fake.emails()) == 4


def test_scheduled_email_can_be_cancelled_once(fake):
    scheduled = resend.Emails.send({**EMAIL, "scheduled_at": "in 1 hour"})
    assert resend.Emails.get(scheduled["id"])["last_event"] == "scheduled"
    resend.Emails.cancel(scheduled["id"])
    assert resend.Emails.get(scheduled["id"])["last_event"] == "canceled"
    with pytest.raises(ValidationError):
        resend.Emails.cancel(scheduled["id"])
    with pytest.raises(ResendError) as unknown:
        resend.Emails.get("00000000-0000-0000-0000-000000000000")
    assert unknown.value.code == 404


def test_batches_are_fast_enough_for_the_benchmark(fake):
    items = [{**EMAIL, "to": [f"applicant{i}@example.com"]} for i in range(100)]
    started = time.perf_counter()
    for job in range(10):
        resend.Batch.send(items, {"idempotency_key": f"bench/{job}"})
    assert len(fake.emails()) == 1000
    assert time.perf_counter() - started < 5  # ≥ 200 emails/s with a wide margin (it does ~1000s/s)


def test_signed_webhook_verifies_with_the_sdk(fake):
    secret = "whsec_" + "c2VjcmV0LWtleS1mb3ItdGVzdHM="
    body = json.dumps(delivery_event("email.bounced", "abc", to="kari@example.com"))
    now = int(time.time())
    headers = sign_webhook(secret, "msg_1", now, body)
    verified = resend.Webhooks.verify({"payload": body, "webhook_secret": secret, "headers": {
        "id": headers["svix-id"], "timestamp": headers["svix-timestamp"], "signature": headers["svix-signature"]}})
    assert verified["type"] == "email.bounced" and verified["data"]["bounce"]["type"] == "Permanent"
    with pytest.raises(ValueError):
        resend.Webhooks.verify({"payload": body.replace("abc", "abd"), "webhook_secret": secret, "headers": {
            "id": "msg_1", "timestamp": str(now), "signature": headers["svix-signature"]}})


def test_send_event_posts_a_signed_webhook_about_a_recorded_email(fake):
    received = {}

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            received["headers"] = dict(self.headers)
            received["body"] = self.rfile.read(int(self.headers["Content-Length"])).decode()
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args):
            pass

    secret = "whsec_" + "c2VjcmV0LWtleS1mb3ItdGVzdHM="
    sent = resend.Emails.send(EMAIL)
    with ThreadingHTTPServer(("127.0.0.1", 0), Receiver) as receiver:
        threading.Thread(target=receiver.handle_request, daemon=True).start()
        response = fake.send_event(f"http://127.0.0.1:{receiver.server_address[1]}/webhooks/resend",
                                   "email.delivered", sent["id"], secret, event_id="msg_42")
    assert response.status_code == 200
    headers = {k.lower(): v for k, v in received["headers"].items()}
    verified = resend.Webhooks.verify({"payload": received["body"], "webhook_secret": secret, "headers": {
        "id": headers["svix-id"], "timestamp": headers["svix-timestamp"], "signature": headers["svix-signature"]}})
    assert headers["svix-id"] == "msg_42" and verified["type"] == "email.delivered"
    assert verified["data"]["email_id"] == sent["id"] and verified["data"]["to"] == EMAIL["to"]
