"""The Reflex app: the pages and the Starlette routes on the same port."""

import reflex as rx

from . import pages  # noqa: F401  (registers every route)
from .api import api

# The theme lives in rxconfig.py (RadixThemesPlugin); App(theme=...) is deprecated since Reflex 0.9.
app = rx.App(api_transformer=api)
