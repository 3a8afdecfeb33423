"""Plain Starlette routes served on the app's one port, ahead of Reflex's own."""

from starlette.applications import Starlette
from starlette.routing import Route

from .files import download_cv
from .health import health
from .interview_answers import ROUTES as INTERVIEW_ANSWER_ROUTES
from .letters import download_letters
from .portal import ROUTES as PORTAL_ROUTES
from .reports import rejection_report_csv
from .webhooks import resend_webhook

api = Starlette(routes=[
    Route("/health", health, methods=["GET"]),
    Route("/files/cv/{candidate_id:int}", download_cv, methods=["GET"]),
    Route("/files/letters/{key}", download_letters, methods=["GET"]),
    Route("/webhooks/resend", resend_webhook, methods=["POST"]),
    Route("/reports/rejections.csv", rejection_report_csv, methods=["GET"]),
    *PORTAL_ROUTES,
    *INTERVIEW_ANSWER_ROUTES,
])
