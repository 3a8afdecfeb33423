"""Email one or many employees: one subject and body in the editor's safe format with the employee tags, each
employee's own copy queued through the outbox with a line in their history.

An employee has no application, so the email is written in the sender's language and carries the employee tags
({firstname} {lastname} {fullname} {position} {department} {companyname}); a ticked employee without an email
address is skipped and named; one the user may not see (another department's, or gone) is skipped and counted,
never named (the register never says who is outside a user's view).
"""

from dataclasses import dataclass, field
from typing import TypedDict

from sqlmodel import Session, col, select

from ats_app.accounts.auth import CurrentUser
from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.core.i18n import N_, gettext, normalise_language
from ats_app.delivery.outbox import queue_email
from ats_app.employees.records import log
from ats_app.employees.register import is_row_id, visible_employees
from ats_app.mail.compose import Draft, check_drafts, check_sender, render_draft
from ats_app.mail.kinds import EMPLOYEE_KIND
from ats_app.mail.render import TagValues
from ats_app.mail.tag_values import company_name
from ats_app.models import Department, Employee, Position

KIND = EMPLOYEE_KIND.code
PURPOSE = "employee_email"
MAX_RECIPIENTS = 1000
RIGHT = "can_send_email"
NO_ADDRESS = N_("no email address")
NOT_VISIBLE = N_("not an employee you may see")


class EmployeeEmailForm(TypedDict, total=False):
    """The Email employees form as the UI sends it."""

    sender: str
    subject: str
    body: str


@dataclass
class EmailResult:
    """How many emails were queued, and who was skipped (name, why; the name is "" for one user may not see)."""

    queued: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


def check_email(form: EmployeeEmailForm, language: str) -> tuple[str, Draft]:
    """The sender and the draft, or InvalidChoice on "sender", "subject" or "body"."""
    sender = check_sender(form.get("sender", ""))
    draft = Draft(normalise_language(language), str(form.get("subject", "")), str(form.get("body", "")))
    try:
        check_drafts(KIND, [draft])
    except InvalidChoice as wrong:
        raise InvalidChoice(wrong.field.split(":")[0], wrong.message, **wrong.params) from None
    return sender, draft


def tag_values(employee: Employee, position: str, department: str, company: str) -> TagValues:
    """What the employee tags stand for in one employee's copy."""
    return TagValues({"firstname": employee.first_name, "lastname": employee.last_name,
                      "fullname": f"{employee.first_name} {employee.last_name}", "position": position,
                      "department": department, "companyname": company})


def email_employees(session: Session, user: CurrentUser, employee_ids: list[int],
                    form: EmployeeEmailForm) -> EmailResult:
    """Queue one email per ticked employee user may see, each with an "emailed" history line."""
    if not user.has(RIGHT):
        raise NotAllowed(RIGHT)
    if not employee_ids:
        raise InvalidChoice("recipients", N_("Tick at least one employee."))
    if len(employee_ids) > MAX_RECIPIENTS:
        raise InvalidChoice("recipients", N_("Send to at most {max} employees at a time."), max=MAX_RECIPIENTS)
    sender, draft = check_email(form, user.language)
    found = session.exec(
        select(Employee, Position.title, Department.name)
        .join(Position, col(Position.id) == Employee.position_id, isouter=True)
        .join(Department, col(Department.id) == Employee.department_id, isouter=True)
        .where(col(Employee.id).in_([i for i in employee_ids if is_row_id(i)]), visible_employees(user))
        .order_by(col(Employee.last_name), col(Employee.first_name))).all()
    company = company_name(session)
    result = EmailResult(skipped=[("", NOT_VISIBLE)] * (len(set(employee_ids)) - len(found)))
    for employee, standard_title, department in found:
        name = f"{employee.first_name} {employee.last_name}"
        if not employee.email:
            result.skipped.append((name, NO_ADDRESS))
            continue
        values = tag_values(employee, employee.position_title or standard_title or "", department or "", company)
        email = render_draft(session, draft, KIND, values, draft.language)
        message = queue_email(session, recipient=employee.email, subject=email.subject, html=email.html,
                              text=email.text, sender=sender, reply_to=user.email, purpose=PURPOSE, kind=KIND,
                              language=draft.language, created_by_id=user.id)
        log(session, user, employee, "emailed", message_id=message.id)
        result.queued += 1
    session.commit()
    return result


def result_line(result: EmailResult, language: str) -> str:
    """What the sender is told: how many were queued, who was not sent to and why, how many were out of view."""
    line = gettext(language, N_("Emails queued: {count}.")).format(count=result.queued)
    named = [f"{name} ({gettext(language, why)})" for name, why in result.skipped if name]
    if named:
        line += " " + gettext(language, N_("Not sent to: {names}")).format(names=", ".join(named)) + "."
    hidden = sum(1 for name, _ in result.skipped if not name)
    if hidden:
        line += " " + gettext(language, N_("Not sent to employees you may not see: {count}.")).format(count=hidden)
    return line
