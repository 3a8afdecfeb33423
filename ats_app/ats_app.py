"""The Reflex app: the pages, the theme, and the Starlette routes on the same port."""

import reflex as rx

from . import pages  # noqa: F401  (registers every route)
from .api import api

app = rx.App(
    theme=rx.theme(appearance="light", accent_color="teal", gray_color="slate", radius="medium", scaling="100%"),
    api_transformer=api,
    stylesheets=[],
)
