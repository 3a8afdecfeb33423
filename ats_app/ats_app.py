"""The Reflex app: every page, the Starlette routes on the same port, and the outbox worker beside it."""

import reflex as rx

# Importing a page module registers its route (@rx.page): this list is the app's table of pages.
from ats_app.accounts.ui import account_page, audit_page, login_page, users_page  # noqa: F401
from ats_app.contracts import previews
from ats_app.contracts.ui import contracts_page  # noqa: F401
from ats_app.delivery.ui import outbox_page  # noqa: F401
from ats_app.delivery.worker import in_app_worker, register_periodic
from ats_app.employees.ui import employee_page, employees_page  # noqa: F401
from ats_app.handling.ui import application_page, cv_database_page, deleted_page, list_page  # noqa: F401
from ats_app.interviews.ui import calendar_page  # noqa: F401
from ats_app.mail.ui import templates_page  # noqa: F401
from ats_app.offers import expiry
from ats_app.organisation.ui import departments_page, settings_page  # noqa: F401
from ats_app.panel_review import reminders
from ats_app.projects.ui import editor_page, overview_page  # noqa: F401
from ats_app.rejection import automatic
from ats_app.rejection.ui import report_page  # noqa: F401
from ats_app.tasks.ui import tasks_page  # noqa: F401
from ats_app.web.routes import api

# The theme lives in rxconfig.py (RadixThemesPlugin); App(theme=...) is deprecated since Reflex 0.9.
app = rx.App(api_transformer=api)
# The outbox worker runs beside each backend process; `ats worker` can run more, or instead of it.
app.register_lifespan_task(in_app_worker)
# Jobs on the worker's schedule: knocked-out applicants rejected automatically (rejection.automatic), and
# the day-before reminders to a panel's pending reviewers (panel_review.reminders).
register_periodic(automatic.JOB_NAME, automatic.RUN_EVERY, automatic.reject_due)
register_periodic(reminders.JOB_NAME, reminders.RUN_EVERY, reminders.remind_due)
register_periodic(expiry.JOB_NAME, expiry.RUN_EVERY, expiry.expire_due)  # offers past their validity
register_periodic(previews.JOB_NAME, previews.RUN_EVERY, previews.sweep_previews)  # contract previews left behind
