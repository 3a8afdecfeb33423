"""The Employees list as a CSV file: the filtered list the user sees (the same scope), headers in their
language, UTF-8 with a byte-order mark so Excel reads æøå (see rejection.report.report_csv for why)."""

from datetime import date

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.core.i18n import N_, gettext
from ats_app.core.phones import readable_phone
from ats_app.core.spreadsheet import csv_text, text_cell
from ats_app.employees.history import END_REASONS
from ats_app.employees.register import Filters, all_rows

COLUMNS = (N_("First name"), N_("Last name"), N_("Email"), N_("Mobile"), N_("Position"), N_("Department"),
           N_("Start date"), N_("End date"), N_("Reason"), N_("Hired from"))
FILENAME = "employees.csv"


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def employees_csv(session: Session, user: CurrentUser, filters: Filters) -> str:
    """The filtered list as CSV (RFC 4180, CRLF), dates ISO so every spreadsheet reads them as dates. Names,
    positions and a mobile number (which starts with "+") are kept as text, never run as a formula."""
    rows = []
    for row in all_rows(session, user, filters):
        reason = gettext(user.language, END_REASONS[row.end_reason]) if row.end_reason in END_REASONS else ""
        typed = [row.first_name, row.last_name, row.email, readable_phone(row.mobile), row.position, row.department]
        rows.append([*map(text_cell, typed), _iso(row.start_date), _iso(row.end_date), reason,
                     text_cell(row.project)])
    return csv_text([gettext(user.language, column) for column in COLUMNS], rows)
