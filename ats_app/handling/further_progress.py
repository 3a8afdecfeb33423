"""The Further progress list and Execute: which actions a user is offered, and running one on many.

Execute runs the same per-applicant function for each ticked applicant, each in its own transaction:
a refused or failing applicant is rolled back alone and reported with its reason, the others stay
done ("12 done, 1 skipped: already hired"). Choices for the whole run (transfer target, hire position)
are checked once, before anyone is touched.
"""

import logging
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, select

from ats_app.models import Application, Candidate, RecruitmentProject
from ats_app.handling import actions, email_actions, forward, purge, transfer
from ats_app.delivery import worker as delivery_worker
from ats_app.interviews import invitation as interviews
from ats_app.rejection import reject as rejection
from ats_app.accounts.access import visible_projects
from ats_app.accounts.auth import CurrentUser
from ats_app.core.i18n import N_, gettext
from ats_app.core.errors import ActionRefused, InvalidChoice, NotAllowed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Action:
    """One entry of the Further progress list. Email-sending ones arrive with the email issues."""

    key: str  # also the action's key in actions.RIGHTS and RUNNERS
    label: str
    hint: str = ""  # why the entry is disabled (it is not available yet); "" for an available action


SOON = N_("Coming in a later release")
CATALOGUE = (
    Action("withdraw", N_("Withdrawn")),
    Action("delete", N_("Delete")),
    Action("send_email", N_("Send email")),
    Action("invite", N_("Invite to interview")),
    Action("reject", N_("Reject")),
    Action("save", N_("Save candidate")),
    Action("save_and_send", N_("Save and send username/password")),
    Action("forward", N_("Forward to email")),
    Action("transfer", N_("Transfer")),
    Action("offer", N_("Send offer")),
    Action("hire", N_("Hire")),
    Action("contract", N_("Employment contract"), SOON),
    Action("letter", N_("Send letter")),
    Action("panel_review", N_("Send to review panel"), SOON),
)


def offered(user: CurrentUser) -> list[tuple[Action, bool]]:
    """The Further progress list for user: each action the user has the right for, and whether it
    is available yet (email actions are listed, disabled, with a hint)."""
    if not actions.may_act(user):
        return []
    return [(a, not a.hint) for a in CATALOGUE if a.hint or actions.allowed(user, a.key)]


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
    # After Hire: the candidates' other live applications, (application id, project title, candidate name).
    others_to_withdraw: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(o.done for o in self.outcomes)

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.done]


def prepare(session: Session, user: CurrentUser, action: str, choices: dict) -> dict:
    """Check the right and the run's choices; returns the keyword arguments for each applicant.

    Raises NotAllowed or InvalidChoice; nothing has changed when it does.
    """
    if action not in RUNNERS:  # unknown, or not available yet
        raise InvalidChoice("action", N_("Choose an action from the list."))
    actions.require(user, action)
    if action == "transfer":
        return {"target": transfer.check_target(session, user, choices.get("target")),
                "copy": bool(choices.get("copy"))}
    if action == "hire":
        position_id, department_id = _as_id(choices.get("position_id")), _as_id(choices.get("department_id"))
        actions.check_hire(session, position_id, department_id)
        return {"position_id": position_id, "department_id": department_id,
                "start_date": _as_date(choices.get("start_date"))}
    if action == "purge":
        purge.check_confirmation(user, choices.get("confirmation", ""))
    if action == "send_email":
        return email_actions.prepare_send_email(choices, single=choices.get("recipient") is not None)
    if action == "reject":
        return rejection.prepare_rejection(session, choices)
    if action == "invite":
        return interviews.prepare_invitation(session, user, choices)
    if action == "forward":
        return forward.prepare_forward(choices)
    if action in TEMPLATE_OF:
        return email_actions.prepare_with_template(TEMPLATE_OF[action], choices)
    return {}


def _as_id(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidChoice("start_date", N_("Enter the start date as a date.")) from None


# The template each email-sending action starts from (its drafts are checked against that kind's tags).
TEMPLATE_OF = {"offer": "offer", "save_and_send": "candidate_saved"}
RUNNERS = {
    "withdraw": actions.withdraw_application,
    "delete": actions.delete_application,
    "save": actions.save_candidate,
    "save_and_send": email_actions.save_and_send_login,
    "forward": forward.forward_application,
    "send_email": None,  # written for all applicants at once (BULK)
    "offer": email_actions.send_offer_email,
    "reject": rejection.reject_application,
    "invite": interviews.invite_applicant,
    "hire": actions.hire_applicant,
    "transfer": transfer.transfer_application,
    "restore": actions.restore_application,
    "purge": purge.purge_application,
}


# Actions that queue email: the worker of this process is woken when their transactions commit.
EMAIL_ACTIONS = ("send_email", "forward", "save_and_send", "offer", "reject", "invite")
# Actions that change no status: written for every applicant in one transaction (much faster in bulk).
BULK = {"send_email": email_actions.send_emails}


def _execute_bulk(session: Session, user: CurrentUser, action: str, application_ids: list[int],
                  prepared: dict) -> BulkResult:
    names = _names(session, user, application_ids)
    ids = list(dict.fromkeys(application_ids))
    try:
        refused = BULK[action](session, user, ids, **prepared)
        session.commit()
    except Exception:  # noqa: BLE001  (nothing was written: every applicant is reported as failed)
        session.rollback()
        log.exception("%s failed", action)
        return BulkResult([Outcome(i, names.get(i, ""), False, N_("failed; nothing was changed")) for i in ids])
    result = BulkResult()
    for item_id in ids:
        why = refused.get(item_id)
        result.outcomes.append(Outcome(item_id, names.get(item_id, ""), why is None,
                                       why.reason if why else "", why.params if why else {}))
    return result


def execute(session: Session, user: CurrentUser, action: str, application_ids: list[int], prepared: dict) -> BulkResult:
    """Run action on each applicant, committing each one alone. prepared comes from prepare()."""
    if action in EMAIL_ACTIONS:
        delivery_worker.poke_after_commit(session)
    if action in BULK:
        return _execute_bulk(session, user, action, application_ids, prepared)
    run = RUNNERS[action]
    result = run_each(session, application_ids, _names(session, user, application_ids),
                      lambda application_id: run(session, user, application_id, **prepared), action)
    if action == "hire":
        hired = [o.application_id for o in result.outcomes if o.done]
        result.others_to_withdraw = _other_live(session, user, hired)
    return result


def run_each(session: Session, ids: list[int], names: dict[int, str], step, what: str) -> BulkResult:
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
            result.outcomes.append(Outcome(item_id, name, False, N_("failed; nothing was changed")))
    return result


def _names(session: Session, user: CurrentUser, application_ids: list[int]) -> dict[int, str]:
    """Names for the result list (only of applications user may see), read before anything is purged."""
    if not application_ids:
        return {}
    found = session.exec(select(Application.id, Candidate.first_name, Candidate.last_name)
                         .join(Candidate, Candidate.id == Application.candidate_id)
                         .join(RecruitmentProject, RecruitmentProject.id == Application.project_id)
                         .where(col(Application.id).in_(application_ids),
                                visible_projects(user, include_deleted=True))).all()
    return {i: f"{first} {last}" for i, first, last in found}


def _other_live(session: Session, user: CurrentUser, hired_ids: list[int]) -> list[tuple[int, str, str]]:
    if not hired_ids:
        return []
    hired = session.exec(select(Application.candidate_id).where(col(Application.id).in_(hired_ids))).all()
    others = actions.other_live_applications(session, user, list(hired))
    names = _names(session, user, [a.id for a, _ in others])
    return [(a.id, title, names.get(a.id, "")) for a, title in others]


def run(session: Session, user: CurrentUser, action: str, application_ids: list[int], choices: dict) -> BulkResult:
    """prepare() then execute(), in one session: what one Execute (or one chunk of a long one) does."""
    return execute(session, user, action, application_ids, prepare(session, user, action, choices))


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
