"""The delivery worker: claims due outbox rows, sends them outside any transaction, marks the result.

It runs inside the web app (a thread started by a lifespan task, one per backend process) and as
`ats worker`; any number may run at once because the claim is atomic. Bulk mail goes out in Resend
batches of up to 100 (attachments go one by one); a throttle keeps to the provider's rate limit.

Periodic jobs ride on the same loop: a concern above delivery (the automatic rejection) registers a callable
with register_periodic at start (the app module and the `ats worker` command do), and the worker calls it
with its engine at most every N seconds, so delivery never imports what the job does. A job must be
idempotent and safe when several workers run it at once (it claims its own rows).
"""

import logging
import threading
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, event
from sqlmodel import Session

from ats_app.core import config
from ats_app.core.db import get_engine
from ats_app.core.errors import DeliveryError
from ats_app.delivery import outbox
from ats_app.delivery.email_providers import BATCH_LIMIT, HeldBackend, Outgoing, backend_from_env, outgoing
from ats_app.delivery.sms import deliver_due_sms

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0
_wake = threading.Event()


def poke() -> None:
    """Tell this process's worker that messages were queued (it looks at once instead of polling)."""
    _wake.set()


def poke_after_commit(session) -> None:
    """poke() each time session commits from now on (the messages are visible to the worker then)."""
    if not event.contains(session, "after_commit", _poke_on_commit):
        event.listen(session, "after_commit", _poke_on_commit)


def _poke_on_commit(_session) -> None:
    _wake.set()


@dataclass
class PeriodicJob:
    """Work the worker does on its schedule: job(engine) at most every `every` seconds in this process."""

    name: str
    every: float
    job: Callable[[Engine], object]
    next_at: float = 0.0  # time.monotonic() when it is due again (0: on the worker's first turn)


_periodic: dict[str, PeriodicJob] = {}
_periodic_lock = threading.Lock()


def register_periodic(name: str, every: float, job: Callable[[Engine], object]) -> None:
    """Have every worker loop of this process call job(engine) at most every `every` seconds, the first time on
    its first turn. Registering a name again replaces its job (so the app and the CLI may both register)."""
    with _periodic_lock:
        _periodic[name] = PeriodicJob(name, every, job)


def unregister_periodic(name: str) -> None:
    """Forget a periodic job (tests)."""
    with _periodic_lock:
        _periodic.pop(name, None)


def run_periodic(engine: Engine | None = None, *, force: bool = False) -> list[str]:
    """Run the periodic jobs that are due (force: all of them); the names of those that ran. A failing job
    is logged and tried again at its next turn; it never stops the worker."""
    now = time.monotonic()
    with _periodic_lock:
        jobs = [job for job in _periodic.values() if force or job.next_at <= now]
        for job in jobs:
            job.next_at = now + job.every
    for job in jobs:
        try:
            job.job(engine or get_engine())
        except Exception:  # noqa: BLE001  (a job's trouble must not end the delivery)
            log.exception("periodic job %s failed; trying again at its next turn", job.name)
    return [job.name for job in jobs]


class Throttle:
    """At most rate requests per second (0: no limit), shared by the threads of one worker."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            time.sleep(delay)


def _groups(items: list[tuple[Outgoing, str | None]]) -> list[tuple[str | None, list[Outgoing]]]:
    """Batches to send: earlier batches whole under their key; new mail in fresh batches of ≤ 100."""
    earlier: dict[str, list[Outgoing]] = {}
    singles, fresh = [], []
    for item, key in items:
        if key:
            earlier.setdefault(key, []).append(item)
        elif item.has_attachments:
            singles.append(item)
        else:
            fresh.append(item)
    groups: list[tuple[str | None, list[Outgoing]]] = list(earlier.items())
    for start in range(0, len(fresh), BATCH_LIMIT):
        groups.append((None, fresh[start:start + BATCH_LIMIT]))
    groups += [(None, [item]) for item in singles]
    return groups


def _mark(engine: Engine, worker: str, results: list[tuple[int, str | DeliveryError]]) -> None:
    with Session(engine, expire_on_commit=False) as session:
        for message_id, result in results:
            if isinstance(result, DeliveryError):
                if result.retryable:
                    outbox.mark_retry(session, message_id, worker, str(result), result.retry_after,
                                      counts=not result.rate_limited)
                else:
                    outbox.mark_failed(session, message_id, worker, str(result))
            else:
                outbox.mark_sent(session, message_id, worker, result)
        session.commit()


def _send_group(engine: Engine, backend, worker: str, key: str | None, items: list[Outgoing],
                throttle: Throttle) -> None:
    throttle.wait()
    if len(items) == 1 and key is None:
        if not outbox.hold_for_sending(engine, [items[0].message_id], worker):
            return  # the lease went to another worker meanwhile: it sends this one
        try:
            result: str | DeliveryError = backend.send_one(items[0])
        except DeliveryError as exc:
            result = exc
        _mark(engine, worker, [(items[0].message_id, result)])
        return
    fresh = key is None
    key = key or outbox.new_key("batch")
    held = set(outbox.hold_for_sending(engine, [item.message_id for item in items], worker,
                                       batch_key=key if fresh else None))
    if len(held) != len(items):
        # Part of the group went to another worker: an earlier batch must go whole or not at all; a new
        # one just goes without the rows this worker lost (their key is cleared by their new holder's run).
        if not fresh:
            return
        items = [item for item in items if item.message_id in held]
        if not items:
            return
    try:
        results = backend.send_batch(items, key)
    except DeliveryError as exc:
        results = [exc] * len(items)
        _mark(engine, worker, [(item.message_id, exc) for item in items])
        return
    with Session(engine) as session:  # answered: rows Resend did not take may join another batch later
        for item, result in zip(items, results):
            if isinstance(result, DeliveryError) and result.retryable:
                outbox.clear_batch_key(session, item.message_id)
        session.commit()
    _mark(engine, worker, [(item.message_id, result) for item, result in zip(items, results)])


def deliver_due(engine: Engine | None = None, backend=None, worker: str | None = None, limit: int = 500,
                throttle: Throttle | None = None) -> int:
    """Claim and deliver what is due now; the number of messages claimed (0: nothing to do)."""
    engine = engine or get_engine()
    backend = backend or backend_from_env()
    worker = worker or outbox.worker_name()
    throttle = throttle or Throttle(config.rate_limit_per_second())
    ids = outbox.claim_due(engine, worker, limit)
    if not ids:
        return 0
    with Session(engine, expire_on_commit=False) as session:
        messages = outbox.load(session, ids)
        if isinstance(backend, HeldBackend):
            for message in messages:
                outbox.mark_held(session, message.id, worker)
            session.commit()
            return len(ids)
        items = []
        for message in messages:
            if message.attempts > outbox.MAX_ATTEMPTS:  # its workers kept dying on it: stop trying
                outbox.mark_failed(session, message.id, worker, f"gave up after {outbox.MAX_ATTEMPTS} attempts")
                continue
            try:
                items.append((outgoing(message, session), message.batch_key))
            except OSError as exc:  # an attachment's file is gone: no retry will bring it back
                outbox.mark_failed(session, message.id, worker, f"attachment missing: {exc}")
            except Exception as exc:  # noqa: BLE001  (one broken row must not hold up the others)
                log.exception("message %s cannot be prepared", message.id)
                outbox.mark_failed(session, message.id, worker, f"cannot be prepared: {exc}")
        session.commit()
    for key, group in _groups(items):
        _send_group(engine, backend, worker, key, group, throttle)
    return len(ids)


def run(stop: threading.Event, engine: Engine | None = None, poll: float = POLL_SECONDS) -> None:
    """Deliver until stop is set: straight on while there is work, else wait for a poke or the poll."""
    worker = outbox.worker_name()
    throttle = Throttle(config.rate_limit_per_second())
    while not stop.is_set():
        try:
            claimed = deliver_due(engine, backend_from_env(), worker, throttle=throttle)
        except Exception:  # noqa: BLE001  (a database hiccup must not end the worker)
            log.exception("outbox delivery failed; trying again shortly")
            claimed = 0
        try:
            claimed += deliver_due_sms(engine, worker=worker)
        except Exception:  # noqa: BLE001
            log.exception("SMS delivery failed; trying again shortly")
        if run_periodic(engine):
            continue  # a job may have queued email: look again at once
        if not claimed:
            _wake.wait(poll)
            _wake.clear()


@asynccontextmanager
async def in_app_worker():
    """Lifespan task: the worker in a thread beside the web app (off with ATS_WORKER_IN_APP=0)."""
    if not config.worker_in_app():
        yield
        return
    stop = threading.Event()
    thread = threading.Thread(target=run, args=(stop,), name="outbox-worker", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        _wake.set()
        thread.join(timeout=10)
