"""Nordlys AS itself in the demo data: its departments and positions, the demo users, and the
recruitment projects that applications go to (Plan: what the generator needs to know of each)."""

from collections import namedtuple
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from datetime import time as clock

from sqlmodel import Session, select

from ats_app.core.passwords import hash_password
from ats_app.demo import adverts, people, recruiting
from ats_app.models import Department, Position, ProjectAdvert, ProjectRecruiter, RecruitmentProject, Role, User

ALL_RIGHTS = dict(can_send_sms=True, can_reject=True, can_make_offers=True, can_transfer=True, can_delete=True,
                  can_see_deleted=True, can_edit_templates=True, can_merge_candidates=True,
                  can_send_to_panel=True)
# (email, name, role, language, time zone, department track, rights beyond the defaults)
USERS = (
    ("admin@example.com", "Kari Bergstrøm", Role.ADMIN, "en", "Europe/Oslo", None, ALL_RIGHTS),
    ("recruiter@example.com", "Lars Haugland", Role.RECRUITER, "en", "Europe/Oslo", None, ALL_RIGHTS),
    ("manager@example.com", "Nina Sandvik", Role.HIRING_MANAGER, "en", "Europe/Oslo", "dev",
     dict(can_reject=False, can_transfer=False, can_send_to_panel=True)),
    ("ingrid.solheim@example.com", "Ingrid Solheim", Role.RECRUITER, "nb", "Europe/Oslo", None,
     dict(can_make_offers=True, can_see_deleted=True, can_send_to_panel=True)),
    ("johan.lindqvist@example.com", "Johan Lindqvist", Role.RECRUITER, "sv", "Europe/Stockholm", "support",
     dict(can_send_sms=True, can_delete=True, can_see_department_projects=True)),
    ("mette.kjaer@example.com", "Mette Kjær", Role.RECRUITER, "da", "Europe/Copenhagen", "sales",
     dict(can_see_department_projects=True)),
)
# The demo's main recruiter works on every project (responsible, or added beside the responsible one), so
# `make run` shows them the whole product; Ingrid (no department) is added to the Norwegian ones; the others see
# the projects they are responsible for, and those with the right their department's.
ON_EVERY_PROJECT = "recruiter@example.com"
ON_NORWEGIAN_PROJECTS = "ingrid.solheim@example.com"

Plan = namedtuple("Plan", "id title track status questions opens closes department_id position_id")


def _organisation(session: Session) -> tuple[dict, dict]:
    """One department and one position per track, reusing those that exist by name."""
    departments, positions = {}, {}
    for track in people.TRACKS:
        name, title = people.DEPARTMENTS[track], people.POSITIONS[track]
        dept = session.exec(select(Department).where(Department.name == name)).first() or Department(name=name)
        session.add(dept)
        session.flush()
        pos = session.exec(select(Position).where(Position.title == title, Position.department_id == dept.id)).first()
        departments[track] = dept
        positions[track] = pos or Position(title=title, department_id=dept.id)
        session.add(positions[track])
    session.flush()
    return departments, positions


def _users(session: Session, password: str | Mapping[str, str], departments: dict) -> tuple[dict[str, User], int]:
    """The demo users by email. password: one for all (hashed once: argon2 is slow on purpose), or one per
    email (the random passwords of a server reachable from other machines)."""
    users = {u.email: u for u in session.exec(select(User).where(User.email.in_([u[0] for u in USERS])))}
    shared_hash = hash_password(password) if isinstance(password, str) and len(users) < len(USERS) else ""
    created = 0
    for email, name, role, language, zone, track, rights in USERS:
        if email not in users:
            password_hash = shared_hash if isinstance(password, str) else hash_password(password[email])
            users[email] = User(email=email, name=name, password_hash=password_hash, role=role, language=language,
                                time_zone=zone, department_id=departments[track].id if track else None, **rights)
            session.add(users[email])
            created += 1
    session.flush()
    return users, created


def _projects(session, rng, now, n_apps, departments, positions, users) -> list[tuple[Plan, float]]:
    """The nine default projects with their share of applications; for big N many more, so a
    million applications spread over ~2,000 projects (a few large ones, a long tail of small ones)."""
    today = now.date()
    specs = [(t, tr, st, today + timedelta(days=d), langs, qs, w) for t, tr, st, d, langs, qs, w in recruiting.PROJECTS]
    spread = [(r + 1) ** -0.8 for r in range(max(0, min(2000, n_apps // 500) - len(specs)) if n_apps > 5000 else 0)]
    scale = 2.5 * sum(s[-1] for s in specs) / (sum(spread) or 1)
    rng.shuffle(spread)
    for weight in spread:
        track, lang = rng.choice(people.TRACKS), rng.choices(people.LANGUAGES, people.LANGUAGE_WEIGHTS)[0]
        days = rng.randint(-1000, 45)
        status = "draft" if rng.random() < 0.03 else ("closed" if days < 0 else "open")
        title = f"{people.TITLES[track][lang]}, {rng.choice(recruiting.PROJECT_CITIES[lang])}"
        keys = ["work_permit"] + rng.sample(["driving_licence", "scandinavian", "shift_work", "years", "notice"],
                                            rng.randint(1, 3))
        specs.append((title[0].upper() + title[1:], track, status, today + timedelta(days=days),
                      [lang, "en"] if lang != "en" else ["en"], keys, 0 if status == "draft" else weight * scale))
    owners = [users[e] for e in ("recruiter@example.com", "ingrid.solheim@example.com", "johan.lindqvist@example.com")]
    owners_by_id = {u.id: u for u in users.values()}
    made = []
    for title, track, status, deadline, langs, keys, weight in specs:
        questions = [(f"q{i}", key, recruiting.QUESTIONS[key][0]) for i, key in enumerate(keys, start=1)]
        shown = [{"id": qid, "text": {lang: recruiting.QUESTIONS[key][1][lang] for lang in langs},
                  **({"knockout": knockout, "requirement": {lang: recruiting.REQUIREMENTS[key][lang] for lang in langs}}
                     if knockout else adverts.question_extras(key))} for qid, key, knockout in questions]
        end = datetime.combine(deadline, clock(21, 59), timezone.utc)
        opens = (now - timedelta(days=rng.randint(12, 30)) if status == "open" else
                 now - timedelta(days=2) if status == "draft" else end - timedelta(days=rng.randint(21, 45)))
        opens = opens.replace(hour=7, minute=rng.randint(0, 59), second=0)
        owner = users["manager@example.com"] if track == "dev" and rng.random() < 0.3 else rng.choice(owners)
        project = RecruitmentProject(title=title, department_id=departments[track].id, position_id=positions[track].id,
                                     status=status, deadline=deadline, languages=langs, screening_questions=shown,
                                     owner_id=owner.id, created_at=opens, place=adverts.place_of(title),
                                     published_at=None if status == "draft" else opens,
                                     closed_at=min(end, now) if status == "closed" else None)
        session.add(project)
        made.append((project, track, status, questions, int(opens.timestamp()), int(min(end, now).timestamp()),
                     weight))
    session.flush()
    for email, wanted in ((ON_EVERY_PROJECT, lambda p: True), (ON_NORWEGIAN_PROJECTS, lambda p: "nb" in p.languages)):
        session.add_all(ProjectRecruiter(project_id=p.id, user_id=users[email].id)
                        for p, *_ in made if wanted(p) and p.owner_id != users[email].id)
    session.add_all(ProjectAdvert(project_id=p.id, language=lang, **adverts.advert_rows(
        p.title, track, lang, lang == p.languages[0], p.place, owners_by_id[p.owner_id].name,
        owners_by_id[p.owner_id].email)) for p, track, *_ in made for lang in p.languages)
    session.flush()
    return [(Plan(p.id, p.title, track, status, qs, opens, closes, p.department_id, p.position_id), weight)
            for p, track, status, qs, opens, closes, weight in made]
