"""A delivery worker in its own process for the concurrency test. Kept apart from the test module so a
spawned process does not import conftest (which would reset the test database)."""

import json
import os
from pathlib import Path


def worker_process(db_url: str, api_url: str, out: str) -> None:
    """One of four delivery workers in its own process; writes every message id it sent."""
    os.environ["REFLEX_DB_URL"] = db_url
    from ats_app.core.db import get_engine as engine_for
    from ats_app.delivery import worker as worker_module
    from ats_app.delivery.email_providers import ResendBackend as Backend

    sent: list[int] = []

    class Recording(Backend):
        def send_one(self, item):
            sent.append(item.message_id)
            return super().send_one(item)

        def send_batch(self, items, key):
            sent.extend(item.message_id for item in items)
            return super().send_batch(items, key)

    backend = Recording("re_test", api_url)
    idle = 0
    while idle < 3:
        claimed = worker_module.deliver_due(engine_for(db_url), backend, limit=25,
                                            throttle=worker_module.Throttle(0))
        idle = 0 if claimed else idle + 1
    Path(out).write_text(json.dumps(sent))
