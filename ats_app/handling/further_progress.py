"""The Further progress list and Execute: which actions a user is offered, and running one on many.

The list is the declarations of the actions (applications.further_progress_action) in the order the
recruiter reads them. Execute runs the same per-applicant step for each ticked applicant, each in its
own transaction: a refused or failing applicant is rolled back alone and reported with its reason, the
others stay done ("12 done, 1 skipped: already hired"). The form of the run (transfer target, hire
position, the email) is checked once, before anyone is touched.
"""

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlmodel import Session

from ats_app.accounts.access import may_act
from ats_app.accounts.auth import CurrentUser
from ats_app.applications.further_progress_action import (
    AnyAction,
    OtherApplication,
    allowed,
    require,
)
from ats_app.applications.lookup import applicant_names
from ats_app.contracts.sending import CONTRACT
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed
from ats_app.core.i18n import N_, gettext
from ats_app.delivery.worker import poke_after_commit
from ats_app.handling.forward import FORWARD
from ats_app.handling.hire import HIRE
from ats_app.handling.purge import PURGE
from ats_app.handling.save_and_send import SAVE_AND_SEND
from ats_app.handling.send_email import SEND_EMAIL
from ats_app.handling.status_actions import DELETE, RESTORE, SAVE, WITHDRAW
from ats_app.handling.transfer import TRANSFER
from ats_app.interviews.invitation import INVITE
from ats_app.letters.printing import LETTER
from ats_app.offers.sending import OFFER
from ats_app.panel_review.sending import PANEL_REVIEW
from ats_app.rejection.reject import REJECT

log = logging.getLogger(__name__)
SOON = N_("Coming in a later release")
FAILED = N_("failed; nothing was changed")

# The Further progress list, in EasyCruit's order, then the actions of Deleted applications.
CATALOGUE: tuple[AnyAction, ...] = (
    WITHDRAW, DELETE, SEND_EMAIL, INVITE, REJECT, SAVE, SAVE_AND_SEND, FORWARD, TRANSFER, OFFER, HIRE,
    CONTRACT,
    LETTER,
    PANEL_REVIEW,
    RESTORE, PURGE,
)
BY_KEY: dict[str, AnyAction] = {action.key: action for action in CATALOGUE}


def action_for(key: str) -> AnyAction:
    """The action with this key; InvalidChoice for an unknown one (a client can send any key)."""
    action = BY_KEY.get(key)
    if action is None:
        raise InvalidChoice("action", N_("Choose an action from the list."))
    return action


def offered(user: CurrentUser) -> list[tuple[AnyAction, bool]]:
    """The Further progress list for user: each listed action the user has the right for, and whether it is
    available yet (the ones still to come are listed, disabled, with their hint)."""
    if not may_act(user):  # a hiring manager: only the actions open to them that they hold the rights for
        return [(a, True) for a in CATALOGUE if a.listed and not a.hint and allowed(user, a)]
    return [(a, not a.hint) for a in CATALOGUE if a.listed and (a.hint or allowed(user, a))]


@dataclass
class Outcome:
    """What happened to one applicant."""

    application_id: int
    name: str
    done: bool
    reason: str = ""  # message to translate, for a skipped applicant
    params: dict = field(default_factory=dict)


@dataclass
class BulkResult:
    """Per-applicant outcomes of one Execute, plus what the UI needs after it."""

    outcomes: list[Outcome] = field(default_factory=list)
    others_to_withdraw: list[OtherApplication] = field(default_factory=list)  # after Hire

    @property
    def done(self) -> int:
        return sum(o.done for o in self.outcomes)

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.done]


def prepare(session: Session, user: CurrentUser, key: str, form: Mapping):
    """Check the right and the run's form; returns the plan every applicant of the run shares.

    Raises NotAllowed or InvalidChoice; nothing has changed when it does.
    """
    action = action_for(key)
    if not action.runs:  # its own form does the work (Send letter), or it is not built yet
        raise InvalidChoice("action", N_("Choose an action from the list."))
    require(user, action)
    return action.prepare(session, user, form) if action.prepare else None


def execute(session: Session, user: CurrentUser, key: str, application_ids: list[int], plan) -> BulkResult:
    """Run the action on each applicant, committing each one alone. plan comes from prepare()."""
    action = action_for(key)
    if action.sends_email:
        poke_after_commit(session)
    names = applicant_names(session, user, application_ids)
    run_all = action.run_all
    if run_all is not None:
        return _execute_all(session, lambda ids: run_all(session, user, ids, plan), action.key, application_ids, names)
    run_one = action.run_one
    assert run_one is not None, f"{action.key} runs neither per applicant nor for all"  # prepare() checked it
    result = run_each(session, application_ids, names,
                      lambda application_id: run_one(session, user, application_id, plan), action.key)
    if action.others_to_withdraw is not None:
        result.others_to_withdraw = action.others_to_withdraw(
            session, user, [o.application_id for o in result.outcomes if o.done])
    return result


def _execute_all(session: Session, run_all: Callable[[list[int]], dict[int, ActionRefused | None]], what: str,
                 application_ids: list[int], names: dict[int, str]) -> BulkResult:
    """run_all(ids) for every applicant in one transaction; on an error nobody is changed."""
    ids = list(dict.fromkeys(application_ids))
    try:
        refused = run_all(ids)
        session.commit()
    except Exception:  # noqa: BLE001  (nothing was written: every applicant is reported as failed)
        session.rollback()
        log.exception("%s failed", what)
        return BulkResult([Outcome(i, names.get(i, ""), False, FAILED) for i in ids])
    result = BulkResult()
    for item_id in ids:
        why = refused.get(item_id)
        result.outcomes.append(Outcome(item_id, names.get(item_id, ""), why is None,
                                       why.reason if why else "", why.params if why else {}))
    return result


def run_each(session: Session, ids: list[int], names: dict[int, str], step: Callable[[int], object],
             what: str) -> BulkResult:
    """step(id) for each id once, in order, each committed alone; a refusal or an error rolls back that
    one only and is reported with its reason."""
    result = BulkResult()
    for item_id in dict.fromkeys(ids):
        name = names.get(item_id, "")
        try:
            step(item_id)
            session.commit()
            result.outcomes.append(Outcome(item_id, name, True))
        except ActionRefused as refused:
            session.rollback()
            result.outcomes.append(Outcome(item_id, name, False, refused.reason, refused.params))
        except Exception:  # one broken applicant must not stop (or undo) the others
            session.rollback()
            log.exception("%s failed for %s", what, item_id)
            result.outcomes.append(Outcome(item_id, name, False, FAILED))
    return result


def run(session: Session, user: CurrentUser, key: str, application_ids: list[int], form: Mapping) -> BulkResult:
    """prepare() then execute(), in one session: what one Execute (or one chunk of a long one) does."""
    return execute(session, user, key, application_ids, prepare(session, user, key, form))


def reason(outcome: Outcome, language: str) -> str:
    """Why an applicant was skipped, in language."""
    return gettext(language, outcome.reason).format(**outcome.params)


def explain(refused: NotAllowed | InvalidChoice, language: str) -> tuple[str, str]:
    """(form field, message in language) for a run refused as a whole: no right, or a bad choice."""
    if isinstance(refused, InvalidChoice):
        return refused.field, gettext(language, refused.message).format(**refused.params)
    return "action", gettext(language, "You do not have the right to do this.")


def summary_line(result: BulkResult, language: str) -> str:
    """"12 done, 1 skipped: already hired" in language."""
    line = gettext(language, "{done} done").format(done=result.done)
    skipped = result.skipped
    if skipped:
        reasons = sorted({reason(o, language) for o in skipped})
        line += ", " + gettext(language, "{count} skipped: {reasons}").format(count=len(skipped),
                                                                              reasons="; ".join(reasons))
    return line
