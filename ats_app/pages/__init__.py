"""One module per page; importing this package registers every route."""

from . import (application, application_handling, cv_database, deleted, employees, login, overview,  # noqa: F401
               placeholders)
