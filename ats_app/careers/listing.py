"""The careers site's rules: which projects are open to candidates, the list (searched, filtered by department,
paged), one advert in the visitor's language, and the schema.org JobPosting that job search engines read.

A project takes applications while it is open, not deleted, and its deadline (a date in the organisation's
time zone) is today or later: `projects.publishing.takes_applications` is the one rule the site and the
application form use.
"""

import json
import math
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from ats_app.mail.markup import clean_html, markdown_to_html
from ats_app.mail.tag_values import company_name
from ats_app.models import Department, ProjectAdvert, ProjectStatus, RecruitmentProject
from ats_app.projects.publishing import shown_adverts, takes_applications

PER_PAGE = 20
SEARCH_MAX = 100


def _open_clause(today: date):
    return ((col(RecruitmentProject.status) == ProjectStatus.OPEN.value)
            & col(RecruitmentProject.deleted_at).is_(None)
            & (col(RecruitmentProject.deadline).is_(None) | (col(RecruitmentProject.deadline) >= today)))


def _language_among(languages: list[str] | None, wanted: str) -> str:
    if not languages or wanted in languages:
        return wanted
    return languages[0]


def advert_language(project: RecruitmentProject, wanted: str) -> str:
    """The visitor's language when the project is advertised in it, else the project's first language."""
    return _language_among(project.languages, wanted)


@dataclass(frozen=True)
class ListedProject:
    """One open project as the list shows it."""

    id: int
    title: str
    department: str
    place: str
    deadline: date | None
    language: str
    published: datetime | None


@dataclass(frozen=True)
class Listing:
    """A page of open projects, with what the search form needs."""

    projects: list[ListedProject]
    total: int
    page: int
    pages: int
    departments: list[tuple[int, str]]


def open_projects(session: Session, today: date, language: str, *, search: str = "", department_id: int | None = None,
                  page: int = 1, per_page: int = PER_PAGE) -> Listing:
    """Open projects, nearest deadline first, whose title, place or department holds search; page counts from 1."""
    where = _open_clause(today)
    if department_id:
        where = where & (col(RecruitmentProject.department_id) == department_id)
    words = (search or "").strip().lower()[:SEARCH_MAX]
    if words:
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where = where & or_(func.lower(RecruitmentProject.title).like(pattern, escape="\\"),
                            func.lower(RecruitmentProject.place).like(pattern, escape="\\"),
                            func.lower(Department.name).like(pattern, escape="\\"))
    base = select(RecruitmentProject.id).outerjoin(Department, col(Department.id) == RecruitmentProject.department_id)
    total = session.exec(select(func.count()).select_from(base.where(where).subquery())).one()
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    rows = session.exec(  # only the columns the list shows: no screening questions or other JSON to load
        select(RecruitmentProject.id, RecruitmentProject.title, Department.name, RecruitmentProject.place,
               RecruitmentProject.deadline, RecruitmentProject.languages, RecruitmentProject.published_at,
               RecruitmentProject.created_at)
        .outerjoin(Department, col(Department.id) == RecruitmentProject.department_id).where(where)
        .order_by(col(RecruitmentProject.deadline).is_(None), col(RecruitmentProject.deadline),
                  col(RecruitmentProject.id).desc())
        .offset((page - 1) * per_page).limit(per_page)).all()
    shown = [(int(r[0]), _language_among(r[5], language)) for r in rows]
    headlines = _headlines(session, shown)
    listed = [ListedProject(pid, headlines.get(pid) or title, department or "", place or "", deadline, lang,
                            published or created)
              for (pid, lang), (_, title, department, place, deadline, _, published, created) in zip(shown, rows)]
    has_open = select(RecruitmentProject.id).where(col(RecruitmentProject.department_id) == Department.id,
                                                   _open_clause(today)).exists()
    departments = session.exec(select(Department.id, Department.name).where(has_open).order_by(Department.name)).all()
    return Listing(listed, total, page, pages, [(int(i), name) for i, name in departments])


def _headlines(session: Session, wanted: list[tuple[int, str]]) -> dict[int, str]:
    if not wanted:
        return {}
    languages = dict(wanted)
    rows = session.exec(select(ProjectAdvert.project_id, ProjectAdvert.language, ProjectAdvert.headline)
                        .where(col(ProjectAdvert.project_id).in_(list(languages)))).all()
    return {pid: headline for pid, lang, headline in rows if languages.get(pid) == lang and headline.strip()}


@dataclass(frozen=True)
class Advert:
    """One open project's advert in one language, its sections as safe HTML."""

    id: int
    title: str
    headline: str
    language: str
    languages: list[str]
    department: str
    place: str
    deadline: date | None
    start_date: date | None
    employment_type: str
    posted: datetime | None
    sections: list[tuple[str, str]]  # (section key, cleaned HTML): introduction, job, offer, contact
    company: str


SECTIONS = ("introduction", "job", "offer", "contact")


def section_html(body: str) -> str:
    """An advert section as safe HTML: the editor's text format (mail.markup), or HTML it stored, cleaned."""
    return clean_html(body) if body.lstrip().startswith("<") else markdown_to_html(body)


def advert(session: Session, project_id: int, wanted: str, today: date) -> Advert | None:
    """The advert of an open project in the visitor's language (else its first); None when it takes no
    applications (draft, closed, deleted, deadline passed) or does not exist."""
    project = session.get(RecruitmentProject, project_id)
    if not takes_applications(project, today):
        return None
    assert project is not None and project.id is not None
    adverts = shown_adverts(session, project)  # the project's languages that have an advert, main one first
    language = wanted if wanted in adverts else next(iter(adverts), advert_language(project, wanted))
    text = adverts.get(language)
    department = session.get(Department, project.department_id) if project.department_id else None
    sections = []
    if text is not None:
        for key in SECTIONS:
            body = getattr(text, key) or ""
            if body.strip():
                sections.append((key, section_html(body)))
    return Advert(id=project.id, title=project.title, headline=(text.headline if text else "") or project.title,
                  language=language, languages=list(adverts) or list(project.languages or []),
                  department=department.name if department else "", place=project.place or "",
                  deadline=project.deadline, start_date=project.start_date,
                  employment_type=project.employment_type or "FULL_TIME",
                  posted=project.published_at or project.created_at, sections=sections, company=company_name(session))


def job_posting(item: Advert, url: str) -> dict:
    """schema.org JobPosting for item (the description is the advert's cleaned HTML, as Google asks)."""
    posting: dict = {
        "@context": "https://schema.org/", "@type": "JobPosting", "title": item.headline,
        "description": "".join(html for _key, html in item.sections) or item.headline,
        "datePosted": item.posted.date().isoformat() if item.posted else None,
        "hiringOrganization": {"@type": "Organization", "name": item.company},
        "employmentType": item.employment_type, "url": url, "inLanguage": item.language,
        "identifier": {"@type": "PropertyValue", "name": item.company, "value": str(item.id)},
    }
    if item.deadline:
        posting["validThrough"] = f"{item.deadline.isoformat()}T23:59:59"
    if item.place:
        posting["jobLocation"] = {"@type": "Place",
                                  "address": {"@type": "PostalAddress", "addressLocality": item.place}}
    return {k: v for k, v in posting.items() if v is not None}


def json_ld(data: dict) -> str:
    """data as JSON safe inside <script type="application/ld+json">: <, > and & are written as \\u escapes,
    so no text in it can close the script element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
