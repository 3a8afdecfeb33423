"""One module per page; importing this package registers every route."""

from . import (application, application_handling, cv_database, deleted, email_templates, employees, login,  # noqa: F401
               outbox, overview, placeholders)
from . import tasks  # noqa: F401
from . import rejection_report  # noqa: F401
from . import settings  # noqa: F401
from . import calendar  # noqa: F401
