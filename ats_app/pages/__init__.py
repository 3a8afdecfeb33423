"""One module per page; importing this package registers every route."""

from . import login, overview, placeholders  # noqa: F401
