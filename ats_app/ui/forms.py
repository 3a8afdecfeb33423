"""Form pieces every page uses: a native select's look, a field's label, its error message, and the
options of a select (a value and its label, grouped under a heading)."""

from dataclasses import dataclass

import reflex as rx

NATIVE_SELECT = {"padding": "6px 10px", "border_radius": "var(--radius-2)",
                 "border": f"1px solid {rx.color('gray', 7)}",
                 "background": rx.color("gray", 1), "font_size": "14px", "min_height": "32px"}
LABEL = {"font_weight": "500", "font_size": "14px"}


@dataclass
class Choice:
    """An option of a select: value and label (a project, a position, a department)."""

    value: str
    label: str
    group: str = ""


@dataclass
class ChoiceGroup:
    """Options under one heading: the projects of one department."""

    label: str
    choices: list[Choice]


def error_for(errors: rx.Var, name: str) -> rx.Component:
    """The message next to a form field, when the last try left one (errors: field → message)."""
    return rx.cond(errors.contains(name),
                   rx.text(errors[name], color_scheme="red", size="2", class_name="field-error", id=f"error-{name}"))
