"""The rich part of the demo data: interviews, held messages and step-by-step history for the first
RICH_LIMIT applications (see demo.loader), two panel reviews."""

import random
import uuid
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock
from html import escape
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from sqlalchemy import insert

from ats_app.core.tokens import new_token, token_hash
from ats_app.demo import recruiting
from ats_app.demo.applications import _history
from ats_app.demo.bulk import EVENT_COLUMNS, _insert, _next_id
from ats_app.demo.people import COMPANY
from ats_app.mail.tag_values import organisation_zone
from ats_app.models import (
    ApplicationEvent,
    Interview,
    InterviewRecruiter,
    Message,
    PanelReview,
    PanelReviewApplication,
    Rating,
)
from ats_app.panel_review import panels

OSLO = ZoneInfo("Europe/Oslo")
PLACE = f"{COMPANY}, Dronning Eufemias gate 16, 0191 Oslo"


def _office_hours(rng: random.Random, day: date) -> datetime:
    """A half hour between 09:00 and 15:30 Oslo time on the first weekday from day, as UTC."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    local = datetime.combine(day, clock(rng.randint(9, 15), rng.choice((0, 30))), OSLO)
    return local.astimezone(timezone.utc)


def _interview(rng, app: dict, now: datetime) -> dict | None:
    """An interview that fits the application's story: upcoming when invited, in the past when it
    led to an offer, a hire, a withdrawal or a rejection after an interview; None otherwise."""
    status, stage = app["status"], app["stage"]
    applied = datetime.fromtimestamp(app["applied"], timezone.utc)
    updated = datetime.fromtimestamp(app["updated"], timezone.utc)
    if status == "invited" and not app["deleted"]:
        kind = rng.choices(("initial", "first", "second"), (30, 50, 20))[0]
        starts = _office_hours(rng, now.date() + timedelta(days=rng.randint(1, 14)))
        acceptance = rng.choices(("awaiting", "accepted", "not_accepted", "contact_new_time"), (40, 40, 8, 12))[0]
        created = updated
        answered = None if acceptance == "awaiting" else min(now, created + timedelta(hours=rng.randint(1, 30)))
    elif status in ("offer", "hired") or (stage and recruiting.STAGE_INTERVIEW[stage]) or app["previous"] == "invited":
        kind = "second" if status in ("offer", "hired") else recruiting.STAGE_INTERVIEW.get(stage) or "first"
        created = applied + (updated - applied) * 0.3
        starts = _office_hours(rng, (applied + (updated - applied) * 0.6).date())
        if starts < created:
            starts = _office_hours(rng, created.date() + timedelta(days=1))
        starts = min(starts, now - timedelta(hours=2))
        acceptance = "not_relevant" if status == "withdrawn" else "accepted"
        answered = created + (starts - created) / 3
    else:
        return None
    mode = rng.choices(("in_person", "video", "phone"), (50, 30, 20))[0]
    return {"application_id": app["id"], "interview_type": kind, "mode": mode, "starts_at": starts,
            "duration_minutes": rng.choice((30, 45, 60, 60, 90)), "place": PLACE if mode == "in_person" else None,
            "video_link": f"https://meet.example.com/nordlys-{rng.randrange(16 ** 8):08x}" if mode == "video" else None,
            "confirm_token_hash": token_hash(new_token()), "acceptance": acceptance,
            "answered_at": answered,
            # Email reminders only, to example.com addresses: demo mobiles are random numbers in real ranges.
            "reminder_channel": "email" if status == "invited" and rng.random() < 0.5 else "none",
            "reminder_days": rng.choice((1, 2, 3)), "reminder_subject": None, "reminder_body": None, "sequence": 0,
            "created_by_id": app["actor"], "created_at": min(created, now)}


def _message(run: str, purpose: str, app: dict, person: dict, when: str, at: datetime) -> dict:
    """A held email in the candidate's language (no provider in a demo, so nothing leaves)."""
    lang = person["lang"]
    fields = {"first_name": person["first"], "project": app["plan"].title, "company": COMPANY, "when": when}
    subject, body = recruiting.MESSAGES[purpose][lang]
    text = f"{body.format(**fields)}\n\n{recruiting.SIGN_OFF[lang]}\n{COMPANY}"
    html = "".join(f"<p>{escape(par).replace(chr(10), '<br>')}</p>" for par in text.split("\n\n"))
    return {"channel": "email", "application_id": app["id"], "purpose": purpose, "status": "held",
            "sender": f"{COMPANY} <jobs@example.com>", "recipient": person["email"], "scheduled_at": at,
            "subject": subject.format(**fields), "body_html": html, "body_text": text, "attachments": [],
            "idempotency_key": f"demo:{run}:{app['id']}:{purpose}", "created_by_id": app["actor"], "created_at": at}


def _rich(session, rng, now, rich: list, users: dict, refs: dict, ts, js) -> dict:
    """Interviews, held messages and step-by-step history for the first applications, and panel reviews."""
    conn = session.connection()
    interview_id, message_id = _next_id(session, Interview), _next_id(session, Message)
    run = uuid.uuid4().hex[:8]
    helpers = [users["manager@example.com"].id, users["ingrid.solheim@example.com"].id]
    interviews, links, messages, events = [], [], [], []
    for app, person in rich:
        sent = {}
        at = datetime.fromtimestamp(app["applied"], timezone.utc) + timedelta(minutes=1)
        messages.append(_message(run, "application_received", app, person, "", at) | {"id": message_id})
        sent["applied"], message_id = message_id, message_id + 1
        interview = _interview(rng, app, now)
        if interview:
            interview["id"] = app["interview"] = interview_id
            interviews.append(interview)
            links.append({"interview_id": interview_id, "user_id": app["actor"]})
            if rng.random() < 0.4 and app["actor"] not in helpers:
                links.append({"interview_id": interview_id, "user_id": rng.choice(helpers)})
            when = format_datetime(interview["starts_at"], recruiting.WHEN[person["lang"]], tzinfo=OSLO,
                                   locale=person["lang"])
            if interview["reminder_channel"] == "email":
                subject, body = recruiting.REMINDERS[person["lang"]]
                interview["reminder_subject"] = subject.format(project=app["plan"].title)
                interview["reminder_body"] = body.format(first_name=person["first"], when=when)
            else:
                interview["reminder_days"] = None
            messages.append(_message(run, "interview_invitation", app, person, when, interview["created_at"])
                            | {"id": message_id, "interview_id": interview_id})
            sent["invited"], message_id, interview_id = message_id, message_id + 1, interview_id + 1
        if app["status"] == "rejected":
            delay = refs["delays"][app["stage"]]
            at = datetime.fromtimestamp(app["updated"], timezone.utc)
            messages.append(_message(run, "rejection", app, person, "", at + timedelta(days=delay))
                            | {"id": message_id, "created_at": at})
            sent["rejected"], message_id = message_id, message_id + 1
        events.extend(_history(app, ts, js, sent))
    for table, rows in ((Interview, interviews), (InterviewRecruiter, links), (Message, messages)):
        if rows:
            conn.execute(insert(table.__table__), rows)
    if events:
        _insert(conn, "application_event", EVENT_COLUMNS, events)
    reviews = _panel_reviews(session, rng, now, rich, users)
    return {"interviews": len(interviews), "messages": len(messages), "panel_reviews": reviews, "events": len(events)}


# The demo's panels: (days from today to the due date, days since sent, options, [(reviewer, share rated,
# completed)]); a reviewer is a demo user's email or an outside (address, name, language).
OUTSIDE = ("lars.berg@partner.example", "Lars Berg", "sv")
PANELS = (
    (4, 3, dict(notify_on_completion=True, share_answers=False),
     [("manager@example.com", 1.0, True), ("ingrid.solheim@example.com", 0.5, False), (OUTSIDE, 0.0, False)]),
    (-6, 14, dict(anonymise=True, share_cover_letter=False),
     [("manager@example.com", 1.0, True), ("ingrid.solheim@example.com", 1.0, True), (OUTSIDE, 0.6, False)]),
)


def _panel_reviews(session, rng, now, rich: list, users: dict) -> int:
    """Two panels sent by the demo recruiter on the open projects with most fresh applicants (the hiring
    manager's department first): one in progress, due in a few days, the manager done and the others on their
    way; one past its due date. Reviewers are made as the product makes them (panels.new_reviewer)."""
    by_project: dict[int, list] = {}
    for app, _ in rich:
        if app["plan"].status == "open" and app["status"] in ("new", "invited") and not app["deleted"]:
            by_project.setdefault(app["project"], []).append(app)
    chosen = sorted(by_project.values(), key=lambda apps: (apps[0]["plan"].track != "dev", -len(apps)))[:len(PANELS)]
    sender = users["recruiter@example.com"]
    today = now.astimezone(organisation_zone(session)).date()
    events = []
    for apps, (due_in, sent_ago, options, reviewers) in zip(chosen, PANELS):
        apps, sent = apps[:5], now - timedelta(days=sent_ago)
        due = today + timedelta(days=due_in)
        review = PanelReview(project_id=apps[0]["project"], created_by_id=sender.id, created_at=sent, due_date=due,
                             closes_at=panels.closing_time(session, due), **options)
        session.add(review)
        session.flush()
        for position, app in enumerate(apps):
            session.add(PanelReviewApplication(panel_review_id=review.id, application_id=app["id"], position=position))
            events.append(_event(app, sender.id, "panel_sent", sent, panel_review_id=review.id,
                                 reviewers=len(reviewers), due_date=due.isoformat()))
        for who, share, done in reviewers:
            user = users.get(who) if isinstance(who, str) else None
            email, name, language = (user.email, user.name, user.language) if user else who
            reviewer, _link = panels.new_reviewer(session, review, email=email, name=name, language=language,
                                                  user_id=user.id if user else None)
            reviewer.opened_at = sent + timedelta(hours=rng.randint(2, 20)) if share else None
            reviewer.completed_at = min(now, sent + timedelta(days=rng.randint(1, 2))) if done else None
            for app in apps[:round(len(apps) * share)]:
                session.add(Rating(reviewer_id=reviewer.id, application_id=app["id"],
                                   score=rng.choice((2, 3, 4, 5, 5, 6, 6, 7)),
                                   comment=rng.choice(recruiting.RATING_COMMENTS) if rng.random() < 0.7 else None,
                                   created_at=reviewer.opened_at or sent))
            if reviewer.completed_at:
                events.extend(_event(app, None, "panel_completed", reviewer.completed_at, panel_review_id=review.id,
                                     reviewer=name) for app in apps)
    session.add_all(events)
    session.flush()
    return len(chosen)


def _event(app: dict, actor_id: int | None, kind: str, at: datetime, **payload) -> ApplicationEvent:
    return ApplicationEvent(application_id=app["id"], project_id=app["project"], actor_id=actor_id, kind=kind,
                            payload=payload, created_at=at)
