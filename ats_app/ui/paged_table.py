"""The search box and the paging footer shared by the list pages."""

import reflex as rx

from ats_app.ui.translate import t


def search_box(state, placeholder: str, box_id: str) -> rx.Component:
    """A search field that asks state.set_search as the user types."""
    return rx.input(rx.input.slot(rx.icon("search", size=16)), placeholder=t(placeholder), on_change=state.set_search,
                    id=box_id, width="320px")


def paging_footer(state) -> rx.Component:
    """"1–50 of 230" and the previous / next buttons."""
    return rx.hstack(
        rx.text(state.range_label, size="2", color_scheme="gray", id="range-label"),
        rx.cond(state.loading, rx.spinner(size="1")),
        rx.spacer(),
        rx.button(rx.icon("chevron-left", size=16), on_click=state.previous_page, variant="soft", size="1",
                  disabled=state.page == 0, aria_label=t("Previous page")),
        rx.button(rx.icon("chevron-right", size=16), on_click=state.next_page, variant="soft", size="1",
                  disabled=~state.has_next, aria_label=t("Next page")),
        align="center", padding_top="12px", width="100%",
    )


def header_cells(*messages: str) -> rx.Component:
    """A table header row of translated column names."""
    return rx.table.header(rx.table.row(*[rx.table.column_header_cell(t(m), white_space="nowrap") if m else
                                          rx.table.column_header_cell("") for m in messages]))


def result_callout(line: rx.Var, skipped: rx.Var) -> rx.Component:
    """"3 done, 1 skipped: …" after an action on ticked rows, with one line per skipped row."""
    return rx.cond(line != "", rx.callout.root(
        rx.callout.icon(rx.icon("info")),
        rx.vstack(rx.text(line, id="result-line", weight="medium"),
                  rx.foreach(skipped, lambda text: rx.text(text, size="2")), spacing="1"),
        color_scheme=rx.cond(skipped.length() > 0, "amber", "green"), size="1"))


def paged_table(state, headers: tuple[str, ...], row, table_id: str, empty: str) -> rx.Component:
    """A card with the table of state.rows (row(r) renders one), a line when nothing matches, and paging."""
    return rx.card(
        rx.box(rx.table.root(header_cells(*headers), rx.table.body(rx.foreach(state.rows, row)), variant="ghost",
                             size="2", width="100%", id=table_id), overflow_x="auto", width="100%"),
        rx.cond(state.total == 0, rx.center(rx.text(t(empty), color_scheme="gray"), padding="32px")),
        paging_footer(state), width="100%",
    )
