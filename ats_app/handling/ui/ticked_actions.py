"""A ticked list with action buttons of its own (Deleted applications, the CV database): the run's error
and its result lines, in the words of Further progress."""

from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.handling import further_progress
from ats_app.ui.paged_state import TickedListState


class TickedActionState(TickedListState, mixin=True):
    """A ticked list with its own action buttons: the run's error and its result lines."""

    error: str = ""
    result_line: str = ""
    skipped: list[str] = []

    def _show_refusal(self, refused: NotAllowed | InvalidChoice, language: str) -> None:
        self.error = further_progress.explain(refused, language)[1]

    def _show_result(self, result: further_progress.BulkResult, language: str) -> None:
        self.result_line = further_progress.summary_line(result, language)
        self.skipped = [f"{o.name}: {further_progress.reason(o, language)}" for o in result.skipped]
