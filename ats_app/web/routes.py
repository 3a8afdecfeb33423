"""Plain Starlette routes served on the app's one port, ahead of Reflex's own."""

from starlette.applications import Starlette
from starlette.routing import Route

from ats_app.accounts.audit_routes import audit_export
from ats_app.accounts.first_run_routes import ROUTES as FIRST_RUN_ROUTES
from ats_app.accounts.password_routes import ROUTES as PASSWORD_ROUTES
from ats_app.applications.routes import download_cover_letter, download_cv
from ats_app.careers.routes import FALLBACK as CAREERS_FALLBACK
from ats_app.careers.routes import ROUTES as CAREERS_ROUTES
from ats_app.contracts.routes import ROUTES as CONTRACT_ROUTES
from ats_app.delivery.routes import resend_webhook
from ats_app.employees.routes import employee_contract, employees_export
from ats_app.intake.routes import ROUTES as INTAKE_ROUTES
from ats_app.interviews.routes import ROUTES as INTERVIEW_ANSWER_ROUTES
from ats_app.letters.routes import download_letters
from ats_app.offers.routes import ROUTES as OFFER_ROUTES
from ats_app.panel_review.routes import ROUTES as PANEL_REVIEW_ROUTES
from ats_app.portal.routes import ROUTES as PORTAL_ROUTES
from ats_app.rejection.routes import rejection_report_csv
from ats_app.web import public_pages  # noqa: F401  (registers the {…:rowid} convertor used below)
from ats_app.web.health import health

api = Starlette(routes=[
    Route("/health", health, methods=["GET"]),
    Route("/files/cv/{candidate_id:rowid}", download_cv, methods=["GET"]),
    Route("/files/cover-letter/{application_id:rowid}", download_cover_letter, methods=["GET"]),
    Route("/files/letters/{key}", download_letters, methods=["GET"]),
    Route("/webhooks/resend", resend_webhook, methods=["POST"]),
    Route("/reports/rejections.csv", rejection_report_csv, methods=["GET"]),
    Route("/employees/export.csv", employees_export, methods=["GET"]),
    Route("/audit/export.csv", audit_export, methods=["GET"]),
    Route("/employees/{employee_id:rowid}/contracts/{contract_id:rowid}", employee_contract, methods=["GET"]),
    *FIRST_RUN_ROUTES,
    *PASSWORD_ROUTES,
    *PORTAL_ROUTES,
    *INTERVIEW_ANSWER_ROUTES,
    *PANEL_REVIEW_ROUTES,
    *CONTRACT_ROUTES,
    *OFFER_ROUTES,
    *CAREERS_ROUTES,
    *INTAKE_ROUTES,
    *CAREERS_FALLBACK,
])
