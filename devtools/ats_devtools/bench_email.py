"""`ats bench`, email part: personalised emails for 1,000 ticked applicants rendered and queued, and the
delivery worker's rate against the local fake Resend (rate limit off). Targets (README): queueing
<= 2 s for 1,000; delivery >= 200 emails/s using batches.
"""

import time

import resend

from ats_app.delivery import worker as delivery_worker
from ats_app.delivery.email_providers import ResendBackend
from ats_app.handling import further_progress
from ats_app.mail.compose import drafts_from_template, languages_of
from ats_app.models import Message
from ats_devtools.fake_resend import FakeResend


def run(session, user, application_ids: list[int]) -> dict:
    """Measure on the benchmark database; prints and returns the numbers."""

    languages = languages_of(session, application_ids)
    drafts = [d.as_dict() for d in drafts_from_template(session, "application_received", languages)]
    choices = {"sender": "Bench <recruitment@example.com>", "drafts": drafts}
    start = time.perf_counter()
    result = further_progress.run(session, user, "send_email", application_ids, choices)
    queueing = time.perf_counter() - start
    print(f"\nSend email to {len(application_ids):,} ticked applicants in {len(languages)} languages "
          f"(render + queue + history): {queueing:.2f} s ({result.done} done)")

    saved = resend.api_key, resend.api_url
    engine = session.get_bind()
    with FakeResend() as fake:
        backend = ResendBackend("re_bench", fake.url)
        throttle = delivery_worker.Throttle(0)
        start = time.perf_counter()
        delivered = 0
        while claimed := delivery_worker.deliver_due(engine, backend, "bench", limit=500, throttle=throttle):
            delivered += claimed
        seconds = time.perf_counter() - start
        received = len(fake.emails())
        batches = fake.stats()["requests"].get("POST /emails/batch", {})
    resend.api_key, resend.api_url = saved
    sent = session.query(Message).filter(Message.status == "sent").count()
    rate = delivered / seconds if seconds else 0
    print(f"delivery worker, rate limit off: {delivered:,} emails in {seconds:.2f} s = {rate:,.0f} emails/s "
          f"({sum(batches.values())} batch requests; fake Resend received {received:,}; {sent:,} marked sent)")
    return {"queue_seconds": queueing, "queued": result.done, "languages": len(languages),
            "delivery_seconds": seconds, "delivered": delivered, "emails_per_second": rate}
