"""The Reflex app: the pages and the Starlette routes on the same port."""

import reflex as rx

from . import pages  # noqa: F401  (registers every route)
from .api import api
from .services.delivery_worker import in_app_worker

# The theme lives in rxconfig.py (RadixThemesPlugin); App(theme=...) is deprecated since Reflex 0.9.
app = rx.App(api_transformer=api)
# The outbox worker runs beside each backend process; `ats worker` can run more, or instead of it.
app.register_lifespan_task(in_app_worker)
