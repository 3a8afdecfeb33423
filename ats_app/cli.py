"""The `ats` console command: migrations, demo data, the first admin, benchmarks, the outbox worker, a fake
Resend."""

import argparse
import secrets
import signal
import sys
import threading
from collections.abc import Mapping

from sqlmodel import func, select

from ats_app.accounts import first_run
from ats_app.contracts import previews
from ats_app.core import config
from ats_app.core.db import db_url, session_scope, upgrade_to_head
from ats_app.core.i18n import LANGUAGES
from ats_app.delivery import worker as delivery_worker
from ats_app.delivery.email_providers import backend_from_env
from ats_app.demo.company import USERS as DEMO_USERS
from ats_app.demo.loader import DemoDataError, load_demo_data
from ats_app.models import User
from ats_app.offers import expiry
from ats_app.panel_review import reminders
from ats_app.rejection import automatic

DEMO_LOGINS = (
    ("admin@example.com", "admin"),
    ("recruiter@example.com", "recruiter, may send SMS"),
    ("manager@example.com", "hiring manager"),
)


def migrate(_args: argparse.Namespace) -> int:
    """Apply every Alembic migration to the configured database."""
    upgrade_to_head()
    print(f"Database is up to date: {db_url()}")
    return 0


def demo_passwords(given: str | None) -> str | dict[str, str]:
    """The demo users' password: the one given with --password; else, on a server listening on this machine
    alone (ATS_LISTEN_HOST), the fixed one ($ATS_DEMO_PASSWORD or "demo"); else a random one per user."""
    if given:
        return given
    if config.listens_on_loopback():
        return config.demo_password()
    return {email: secrets.token_urlsafe(12) for email, *_ in DEMO_USERS}


def demo_data(args: argparse.Namespace) -> int:
    """Fill an empty database with believable demo data."""
    url = db_url()
    with session_scope() as session:
        has_users = session.exec(select(func.count()).select_from(User)).one() > 0
    if args.embedded_only and not first_run.is_embedded_default(url):
        print(f"Not the embedded default database ({first_run.printable_url(url)}): no demo data loaded.")
        if not has_users:
            print("Create the first admin with: ats create-admin you@example.com")
        return 0
    if has_users and args.if_empty:
        print("The database already has users; demo data not loaded.")
        if config.listens_on_loopback() and first_run.is_embedded_default(url):
            print_demo_logins(args.password or config.demo_password())
        return 0
    password = demo_passwords(args.password)
    try:
        with session_scope() as session:
            summary = load_demo_data(session, password=password, applications=args.applications, force=args.force)
    except DemoDataError as exc:
        print(f"ats demo-data: {exc}", file=sys.stderr)
        return 2
    print("Demo data loaded: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    print_demo_logins(password)
    return 0


def create_admin(args: argparse.Namespace) -> int:
    """Create the first (or another) admin without a password and print their one-time set-up link."""
    try:
        with session_scope() as session:
            if args.reissue:
                user, url = first_run.reissue_setup_link(session, args.email)
            else:
                user, url = first_run.create_admin(session, args.email, name=args.name or "",
                                                   language=args.language)
    except first_run.AdminRefused as refused:
        print(f"ats create-admin: {refused}", file=sys.stderr)
        return 1
    print(f"Admin {user.email}: open this link within a day to choose a password (it is shown only now):")
    print(f"  {url}")
    if not config.listens_on_loopback():
        print("The link is built on ATS_PUBLIC_URL; set it to the address people open the app on.")
    return 0


DEVTOOLS_MISSING = ("ats {command}: this is a development tool, installed with a checkout of the repository "
                    "(make setup installs ./devtools); the product's package does not ship it.")


def _devtools_missing(command: str) -> int:
    print(DEVTOOLS_MISSING.format(command=command), file=sys.stderr)
    return 2


def bench(args: argparse.Namespace) -> int:
    """Measure Application handling on a big temporary database (numbers for the README)."""
    try:
        from ats_devtools.bench import run
    except ModuleNotFoundError as missing:
        if missing.name != "ats_devtools":
            raise
        return _devtools_missing("bench")

    run(applications=args.applications, runs=args.runs, keep=args.keep)
    return 0


def worker(args: argparse.Namespace) -> int:
    """Deliver the outbox until stopped (Ctrl+C); --once delivers what is due and returns."""
    # The jobs on the worker's schedule, as the app registers them (the automatic rejection, panel reminders).
    delivery_worker.register_periodic(automatic.JOB_NAME, automatic.RUN_EVERY, automatic.reject_due)
    delivery_worker.register_periodic(reminders.JOB_NAME, reminders.RUN_EVERY, reminders.remind_due)
    delivery_worker.register_periodic(expiry.JOB_NAME, expiry.RUN_EVERY, expiry.expire_due)
    delivery_worker.register_periodic(previews.JOB_NAME, previews.RUN_EVERY, previews.sweep_previews)
    print(f"Outbox worker: provider {backend_from_env().name}; Ctrl+C stops it.", flush=True)
    if args.once:
        delivery_worker.run_periodic(force=True)
        total = 0
        while claimed := delivery_worker.deliver_due():
            total += claimed
        print(f"Delivered or held {total} messages.")
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        delivery_worker.run(stop, poll=args.poll)
    except KeyboardInterrupt:
        stop.set()
    return 0


def fake_resend(args: argparse.Namespace) -> int:
    """A local stand-in for Resend's API (tests, benchmarks, trying the app without sending mail)."""
    try:
        from ats_devtools.fake_resend import main as serve
    except ModuleNotFoundError as missing:
        if missing.name != "ats_devtools":
            raise
        return _devtools_missing("fake-resend")

    return serve(["--port", str(args.port)]) or 0


def print_demo_logins(password: str | Mapping[str, str]) -> None:
    """Tell the person at the terminal how to log in (random passwords are shown only this once)."""
    if isinstance(password, str):
        print(f"Demo logins (password: {password}):")
        for email, what in DEMO_LOGINS:
            print(f"  {email:<24} {what}")
        return
    print("Demo logins (random passwords, as this server may be reached from other machines; shown only now):")
    roles = dict(DEMO_LOGINS)
    for email, *_ in DEMO_USERS:
        if email in password:
            print(f"  {email:<28} {password[email]:<18} {roles.get(email, '')}".rstrip())


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `ats` command."""
    parser = argparse.ArgumentParser(prog="ats", description="Nordlys ATS administration.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(func=migrate)
    demo = commands.add_parser("demo-data", help="fill an empty database with demo data")
    demo.add_argument("--password", help="password for the demo users (default $ATS_DEMO_PASSWORD or 'demo' on a "
                                         "loopback ATS_LISTEN_HOST, else a random one per user)")
    demo.add_argument("--applications", type=int, default=None,
                      help="make exactly this many applications (bulk mode for benchmarks, e.g. 1000000)")
    demo.add_argument("--force", action="store_true", help="load even though the database already has users")
    demo.add_argument("--if-empty", action="store_true", help="do nothing (successfully) when users exist")
    demo.add_argument("--embedded-only", action="store_true",
                      help="load only into the embedded default database (sqlite:///ats.db), as make run does")
    demo.set_defaults(func=demo_data)
    admin = commands.add_parser("create-admin", help="create an admin and print a one-time set-up link")
    admin.add_argument("email")
    admin.add_argument("--name", help="the admin's name (default: the email's part before @)")
    admin.add_argument("--language", default="en", choices=sorted(LANGUAGES), help="UI language (default en)")
    admin.add_argument("--reissue", action="store_true", help="a fresh set-up link for an existing admin")
    admin.set_defaults(func=create_admin)
    measure = commands.add_parser("bench", help="measure the applicant list on a temporary 1M-application database")
    measure.add_argument("--applications", type=int, default=1_000_000, help="applications in all (default 1,000,000)")
    measure.add_argument("--runs", type=int, default=30, help="timed runs per query (default 30)")
    measure.add_argument("--keep", help="build the database in this folder and leave it there")
    measure.set_defaults(func=bench)
    work = commands.add_parser("worker", help="deliver the outbox (emails) until stopped")
    work.add_argument("--once", action="store_true", help="deliver what is due now, then stop")
    work.add_argument("--poll", type=float, default=2.0, help="seconds between looks when idle (default 2)")
    work.set_defaults(func=worker)
    fake = commands.add_parser("fake-resend", help="run a local fake of the Resend API (nothing leaves)")
    fake.add_argument("--port", type=int, default=8025)
    fake.set_defaults(func=fake_resend)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
