"""Plain Starlette routes served on the app's one port, ahead of Reflex's own."""

from starlette.applications import Starlette
from starlette.routing import Route

from .files import download_cv
from .health import health

api = Starlette(routes=[
    Route("/health", health, methods=["GET"]),
    Route("/files/cv/{candidate_id:int}", download_cv, methods=["GET"]),
])
