"""The rejection stages, in process order: one table for everything that names them.

A rejection is "after" the furthest point an applicant reached. The stage picks the rejection email
(template kind `rejection.<code>`), the default "send in N days" (Settings can change it), the
wizard's preselection (the last interview held) and the report's colour. Before anyone has met the
candidate a rejection waits a few days (the blog's advice); after an interview the recruiter is
expected to call, so the email may go at once.
"""

from dataclasses import dataclass

from ats_app.core.i18n import N_


@dataclass(frozen=True)
class RejectionStage:
    """One rejection type."""

    code: str
    label: str  # as it reads inside a sentence: "Rejected (after first interview)"
    email_label: str  # the name of its email template
    default_delay_days: int  # "send in N days" preselected in the wizard
    after_interview: str | None  # the interview type that, once held, means this stage
    colour: str  # the report chart's colour, the same whatever the filter


STAGES: tuple[RejectionStage, ...] = (
    RejectionStage("after_application_review", N_("after application review"),
                   N_("Rejection after application review"), 3, None, "blue"),
    RejectionStage("after_screening", N_("after screening questions"),  # automatic: knock-out screening questions
                   N_("Rejection after screening questions (automatic)"), 3, None, "cyan"),
    RejectionStage("timed", N_("no progress in time"),  # automatic: no progress for a while
                   N_("Rejection after a set time (timed)"), 3, None, "bronze"),
    RejectionStage("after_initial_meeting", N_("after initial meeting"),
                   N_("Rejection after initial meeting"), 0, "initial", "amber"),
    RejectionStage("after_first_interview", N_("after first interview"),
                   N_("Rejection after first interview"), 0, "first", "orange"),
    RejectionStage("after_second_interview", N_("after second interview"),
                   N_("Rejection after second interview"), 0, "second", "crimson"),
    RejectionStage("after_third_interview", N_("after third interview"),
                   N_("Rejection after third interview"), 0, "third", "purple"),
)
FIRST = STAGES[0].code  # nothing else to go by: "after application review"
SCREENING = "after_screening"  # a knock-out screening answer was given
STAGE_ORDER: tuple[str, ...] = tuple(stage.code for stage in STAGES)
STAGE_LABELS: dict[str, str] = {stage.code: stage.label for stage in STAGES}
STAGE_COLOURS: dict[str, str] = {stage.code: stage.colour for stage in STAGES}
# The interview type that, once held, makes a rejection "after" it.
AFTER_INTERVIEW: dict[str, str] = {stage.after_interview: stage.code for stage in STAGES if stage.after_interview}


def email_kind(code: str) -> str:
    """The template kind of a stage's rejection email."""
    return f"rejection.{code}"
