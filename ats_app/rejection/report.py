"""The rejection reasons report: why candidates were turned down, at which stage, and how long they waited.

Recruiters use it to see where a process loses people and whether candidates hear back in good time
(the blog's point: a quick, explained no is part of treating applicants well). A rejection counts while
the application is rejected now; deleted applications and ones moved to another project are left out,
so each person counts once, in the project where the decision stands.

"Time to rejection notice" runs from the application to the moment the candidate was told: the sending
of the rejection email when one left, else the status change to rejected (a call, a letter, no email).
Counts are aggregated in SQL; medians need every value, so one compact query reads only the type, the
reason and the two timestamps of the rejected applications, and Python takes the medians.
"""

from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from babel.numbers import format_decimal
from sqlalchemy import func
from sqlmodel import Session, col, select

from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.stages import STAGE_LABELS
from ats_app.core.errors import ProjectNotFound
from ats_app.core.i18n import DEFAULT_LANGUAGE, N_, babel_locale, gettext
from ats_app.core.spreadsheet import csv_text, text_cell
from ats_app.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Message,
    MessageStatus,
    RecruitmentProject,
    RejectionReason,
    RejectionType,
)
from ats_app.models.base import as_utc

NO_REASON = N_("No reason given")
NO_TYPE = N_("No type given")
# The CSV's columns (and the table's), translated when written.
COLUMNS = (N_("Rejection type"), N_("Reason"), N_("Rejections"), N_("Median days to rejection notice"))
NOTICE_SENT = (MessageStatus.SENT, MessageStatus.DELIVERED)  # a rejection email the candidate was sent
SECONDS_PER_DAY = 86400


@dataclass
class ReportRow:
    """One rejection type × reason: how many, and the median days until the candidate was told."""

    type_code: str  # "" when the rejection has no type
    type_label: str
    reason_code: str  # "" when no reason was given
    reason_label: str
    count: int
    median_days: float | None  # None when no rejection in the group has a known notice time


@dataclass
class Total:
    """A type's or a reason's rejections, over all the other dimension."""

    code: str
    label: str
    count: int
    median_days: float | None


@dataclass
class ProjectChoice:
    """A project the user may pick in the filter."""

    id: int
    title: str


@dataclass
class Report:
    """The whole report for one project (or all the user may see), in the user's language."""

    project_id: int | None
    rows: list[ReportRow]
    by_type: list[Total]
    by_reason: list[Total]
    total: int
    median_days: float | None
    projects: list[ProjectChoice]


def rejection_report(session: Session, user: CurrentUser, project_id: int | None) -> Report:
    """Rejections by type and reason with medians, for project_id or every project user may see.

    Raises ProjectNotFound when project_id is not a project user may see (we do not say which).
    """
    projects = [ProjectChoice(pid, title) for pid, title in session.exec(
        select(RecruitmentProject.id, RecruitmentProject.title).where(visible_projects(user))
        .order_by(RecruitmentProject.title, RecruitmentProject.id)).all()]
    if project_id is not None and project_id not in {p.id for p in projects}:
        raise ProjectNotFound(project_id)
    where = _rejected_now(user, project_id)
    types = {t.id: t for t in session.exec(select(RejectionType))}
    reason_codes, reason_labels = _reasons(session, user.language)

    def key(type_id: int | None, reason_id: int | None) -> tuple[str, str]:
        rejection_type = types.get(type_id)
        return (rejection_type.code if rejection_type else "", reason_codes.get(reason_id, ""))

    counts: dict[tuple[str, str], int] = defaultdict(int)
    for type_id, reason_id, n in session.exec(
            select(Application.rejection_type_id, Application.rejection_reason_id, func.count())
            .join(RecruitmentProject, RecruitmentProject.id == Application.project_id).where(*where)
            .group_by(Application.rejection_type_id, Application.rejection_reason_id)).all():
        counts[key(type_id, reason_id)] += n
    days: dict[tuple[str, str], list[float]] = defaultdict(list)
    for type_id, reason_id, applied_at, told_at in session.exec(
            select(Application.rejection_type_id, Application.rejection_reason_id, Application.applied_at,
                   _notice_time()).join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
            .where(*where)).all():
        if told_at is not None:
            waited = as_utc(told_at) - as_utc(applied_at)
            days[key(type_id, reason_id)].append(waited.total_seconds() / SECONDS_PER_DAY)

    sequence = {t.code: t.sequence for t in types.values()}

    def type_label(code: str) -> str:
        return _type_label(code, user.language)

    def reason_label(code: str) -> str:
        return reason_labels.get(code) or (code if code else gettext(user.language, NO_REASON))

    rows = [ReportRow(t, type_label(t), r, reason_label(r), n, _median(days.get((t, r), [])))
            for (t, r), n in counts.items()]
    rows.sort(key=lambda row: (_type_order(row.type_code, sequence), -row.count, row.reason_label))
    by_type = _totals(counts, days, 0, type_label)
    by_type.sort(key=lambda total: _type_order(total.code, sequence))
    by_reason = _totals(counts, days, 1, reason_label)
    by_reason.sort(key=lambda total: (-total.count, total.code == "", total.label))
    every_day = [d for values in days.values() for d in values]
    return Report(project_id, rows, by_type, by_reason, sum(counts.values()), _median(every_day), projects)


def report_csv(report: Report, language: str) -> str:
    """The report's type × reason rows as CSV (RFC 4180: commas, CRLF, quotes where needed), the header in
    language (the rows keep the labels the report was built with).

    The text starts with a byte-order mark: Excel opens a CSV file in the machine's legacy code page
    (Windows-1252 in the Nordics and the Netherlands) unless the file starts with the UTF-8 BOM, and then
    shows "Ã¦Ã¸Ã¥" for "æøå". Python's csv module and other readers skip it when reading with
    encoding="utf-8-sig". Numbers use a full stop for decimals, so the file reads the same everywhere;
    where Excel's list separator is ";" (Nordic locales), Data → From Text/CSV imports the columns.
    """
    return csv_text([gettext(language, column) for column in COLUMNS],
                    [[text_cell(row.type_label), text_cell(row.reason_label), row.count,  # labels: free text
                      "" if row.median_days is None else f"{row.median_days:.1f}"] for row in report.rows])


def days_text(value: float | None, language: str) -> str:
    """A median in days as the language writes it ("4,5" in Norwegian), "–" when there is none."""
    if value is None:
        return "–"
    return format_decimal(value, format="0.0", locale=babel_locale(language))


def _rejected_now(user: CurrentUser, project_id: int | None) -> list:
    """The applications that count: rejected now, not deleted, not moved away, in a visible project."""
    where = [Application.status == ApplicationStatus.REJECTED, col(Application.deleted_at).is_(None),
             col(Application.moved_to_id).is_(None), visible_projects(user)]
    if project_id is not None:
        where.append(Application.project_id == project_id)
    return where


def _notice_time():
    """When the candidate was told: the (latest) rejection email's sending, else the (latest) change to
    rejected in the history. Correlated subqueries on indexed application_id columns."""
    sent = (select(func.max(Message.sent_at))
            .where(Message.application_id == Application.id, Message.purpose == "rejection",
                   col(Message.status).in_([s.value for s in NOTICE_SENT]))
            .scalar_subquery())
    changed = (select(func.max(ApplicationEvent.created_at))
               .where(ApplicationEvent.application_id == Application.id, ApplicationEvent.kind == "status_changed",
                      ApplicationEvent.payload["to"].as_string() == ApplicationStatus.REJECTED.value)
               .scalar_subquery())
    return func.coalesce(sent, changed)


def _reasons(session: Session, language: str) -> tuple[dict[int, str], dict[str, str]]:
    """Reason id → code (one reason has a row per language), and code → label in language, else English."""
    codes: dict[int, str] = {}
    labels: dict[str, str] = {}
    for reason in session.exec(select(RejectionReason)):
        codes[int(reason.id)] = reason.code
        if reason.language == language or (reason.language == DEFAULT_LANGUAGE and reason.code not in labels):
            labels[reason.code] = reason.label
    return codes, labels


def _type_label(code: str, language: str) -> str:
    if not code:
        return gettext(language, NO_TYPE)
    label = gettext(language, STAGE_LABELS[code]) if code in STAGE_LABELS else code
    return label[:1].upper() + label[1:]  # the stage labels read inside a sentence; a table cell starts one


def _type_order(code: str, sequence: dict[str, int]) -> tuple[int, int]:
    return (1, 0) if not code else (0, sequence.get(code, 0))


def _totals(counts: dict, days: dict, index: int, label) -> list[Total]:
    count_by: defaultdict[str, int] = defaultdict(int)
    days_by: defaultdict[str, list] = defaultdict(list)
    for group, n in counts.items():
        count_by[group[index]] += n
    for group, values in days.items():
        days_by[group[index]].extend(values)
    return [Total(code, label(code), n, _median(days_by.get(code, []))) for code, n in count_by.items()]


def _median(values: list[float]) -> float | None:
    return round(median(values), 1) if values else None

