"""What every CSV download shares: text a spreadsheet will not run as a formula, and the UTF-8 byte-order mark
Excel needs to read æøå (see rejection.report.report_csv for why). The rejection report, the Employees list
and the audit log all write their CSV through here."""

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    """Text typed by people, kept as text: a leading apostrophe when it would start a formula."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """RFC 4180 CSV (commas, CRLF, quotes where needed) with the byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def csv_rows(text: str) -> int:
    """How many rows below the header a CSV text holds (a cell may span lines)."""
    return max(sum(1 for _ in csv.reader(io.StringIO(text.lstrip("\ufeff")))) - 1, 0)
