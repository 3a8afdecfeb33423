"""The Contracts section of Application and CV (shown once a contract was sent)."""

import reflex as rx

from ats_app.contracts.ui.contracts_section_state import ContractLineView, ContractsSectionState
from ats_app.ui.translate import t


def _line(row: ContractLineView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row.sent, white_space="nowrap"),
        rx.table.cell(rx.link(rx.hstack(rx.icon("file-text", size=14), rx.text(row.template), spacing="1",
                                        align="center"), href=row.href, is_external=True, class_name="contract-pdf")),
        rx.table.cell(rx.cond(
            row.acknowledged != "",
            rx.badge(rx.icon("check", size=12), row.acknowledged, color_scheme="green", class_name="contract-state"),
            rx.cond(row.superseded, rx.badge(t("Replaced by a newer contract"), color_scheme="gray",
                                             class_name="contract-state"),
                    rx.cond(row.closed, rx.badge(t("Can no longer be acknowledged"), color_scheme="gray",
                                                 class_name="contract-state"),
                            rx.badge(t("Waiting for the candidate"), color_scheme="amber",
                                     class_name="contract-state"))))),
        class_name="contract-line")


def contracts_section() -> rx.Component:
    """The contracts sent for this application, newest first."""
    return rx.cond(ContractsSectionState.lines.length() > 0, rx.card(rx.vstack(
        rx.heading(t("Employment contracts"), size="3"),
        rx.table.root(rx.table.body(rx.foreach(ContractsSectionState.lines, _line)), size="1", width="100%"),
        spacing="2", width="100%"), width="100%", id="contracts-section"))
