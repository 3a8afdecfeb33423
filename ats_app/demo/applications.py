"""One demo application's facts and its history rows, as plain values for the bulk writer; shared
by the hot loop (demo.loader) and the rich extras (demo.extras)."""

import random
from bisect import bisect
from itertools import accumulate

from ats_app.demo import recruiting
from ats_app.demo.company import Plan
from ats_app.demo.people import pick

STAGE_CUM = list(accumulate(recruiting.STAGE_WEIGHTS))
OUTCOME_CUM = {k: (statuses, list(accumulate(weights))) for k, (statuses, weights) in recruiting.OUTCOMES.items()}
SOURCE_CUM = (40, 62, 84, 94, 100)  # website, linkedin, the country's job board, referral, facebook
PREVIOUS = {"new": None, "offer": "invited", "hired": "offer"}
NO_MESSAGES: dict = {}


def _slots(rng: random.Random, live: list, n_apps: int) -> dict[int, dict[int, str]]:
    """Which arrival (the 1st, the 7th, …) in each project became an offer (open) or a hire (closed)."""
    total = sum(w for _, w in live)
    slots = {}
    for plan, weight in live:
        room = max(2, int(n_apps * weight / total * 0.8))
        if plan.status == "closed":
            count, status = rng.choice((1, 1, 2)), "hired"
        else:
            count, status = rng.choice((0, 1, 1, 2, 3)), "offer"
        slots[plan.id] = dict.fromkeys(rng.sample(range(1, room + 1), min(room, count)), status)
    return slots


def _application(rand, plan: Plan, person: dict, status: str, now: int, refs: dict, recruiters: list, ts) -> dict:
    """One application's facts: status details, times (epoch seconds, and as written), answers, letter."""
    applied = plan.opens + int(rand() * max(1, plan.closes - plan.opens))
    stage = reason = None
    previous = PREVIOUS.get(status, "new")
    if status == "rejected":
        stage = recruiting.STAGE_NAMES[bisect(STAGE_CUM, rand() * STAGE_CUM[-1])]
        interviewed = recruiting.STAGE_INTERVIEW[stage]
        reason = pick(rand, recruiting.REASONS["interview" if interviewed else stage])
        previous = "invited" if interviewed else "new"
    elif status == "withdrawn" and rand() < 0.5:
        previous = "invited"
    updated = applied if status == "new" else min(now, applied + 4 * 3600 + int(rand() * 20 * 86400))
    deleted = min(now, updated + 3600 + int(rand() * 10 * 86400)) if status != "hired" and rand() < 0.03 else None
    answers, knocked = [], stage == "after_screening"
    knocked_out = None  # as projects.screening decides: None when nothing asked can knock out
    for qid, key, knockout in plan.questions:
        if knockout:
            answers.append((qid, knockout if knocked else "yes"))
            knocked_out = bool(knocked_out) or knocked
            knocked = False
        else:
            answers.append((qid,
                            person["years_text"] if key == "years" else pick(rand, recruiting.NOTICE[person["lang"]])))
    letter = None
    if rand() < 0.8:
        letter = pick(rand, recruiting.COVER_LETTERS[person["lang"]]).format(project=plan.title, **person["letter"])
    applied_at = ts(applied)
    return {"plan": plan, "project": plan.id, "status": status, "previous": previous, "stage": stage,
            "reason": reason, "type_id": refs["types"][stage] if stage else None,
            "reason_id": refs["reasons"][(reason, person["lang"])] if reason else None,
            "ranking": 1 + int(rand() * 3) if rand() < 0.2 else None, "letter": letter, "answers": tuple(answers),
            "knocked_out": knocked_out,
            "source": person["sources"][bisect(SOURCE_CUM, rand() * 100)], "applied": applied,
            "updated": updated, "deleted": deleted, "applied_at": applied_at,
            "updated_at": applied_at if updated == applied else ts(updated), "deleted_at": ts(deleted),
            "deleted_by": pick(rand, recruiters) if deleted else None, "actor": pick(rand, recruiters),
            "transfer_to": None, "interview": None}


def _history(app: dict, ts, js, messages: dict | None = None) -> list[tuple]:
    """Event rows: applied, one status_changed per step the application took, deleted when deleted.
    messages maps "applied" and a status to the id of the message sent with that step."""
    messages = messages or NO_MESSAGES
    aid, pid, actor = app["id"], app["project"], app["actor"]
    rows = [(aid, pid, None, "applied", js((("source", app["source"]),)), messages.get("applied"), app["applied_at"])]
    path = recruiting.PATHS[app["status"]]
    if app["previous"] == "invited" and len(path) == 1:
        path = ("invited", app["status"])
    start, span, previous = app["applied"], app["updated"] - app["applied"], "new"
    for step, status in enumerate(path, start=1):
        at = start + span * step // len(path)
        extra = ()
        if status == "rejected":
            extra = (("rejection_type", app["stage"]), ("rejection_reason", app["reason"]))
        elif status == "transferred":
            extra = (("to_project_id", app["transfer_to"]),)
        elif status == "invited" and app["interview"]:
            extra = (("interview_id", app["interview"]),)
        elif status == "restored":
            rows.append((aid, pid, actor, "deleted", js((("status", previous),)), None, ts(at - 3600)))
        rows.append((aid, pid, actor, "status_changed", js((("from", previous), ("to", status)) + extra),
                     messages.get(status), app["updated_at"] if step == len(path) else ts(at)))
        previous = status
    if app["deleted"]:
        rows.append((aid, pid, actor, "deleted", js((("status", app["status"]),)), None, app["deleted_at"]))
    return rows
