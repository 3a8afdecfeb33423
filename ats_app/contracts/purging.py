"""Delete permanently, for contracts: a purged application's contracts and their PDFs go, except a contract
linked to an employee record (Hire links an accepted contract), which stays with the employee.

A kept contract is detached from the application (application_id and offer_id emptied, its link no longer
opens anything) but keeps its PDF, its values and the candidate's acknowledgement: it is now the employee's
document, and the employee record decides when it goes.
"""

from collections.abc import Callable

from sqlmodel import Session, col, delete, select, update

from ats_app.models import Contract, Message


def purge_contracts(session: Session, application_ids: list[int],
                    delete_file: Callable[[Session, str], None]) -> set[str]:
    """Remove the applications' contracts and schedule their files' deletion with delete_file(session, key);
    returns the file keys kept for employees (their cover emails' attachments must not take them along)."""
    if not application_ids:
        return set()
    rows = session.exec(select(Contract.id, Contract.file_key, Contract.employee_id)
                        .where(col(Contract.application_id).in_(application_ids))).all()
    kept = {key for _id, key, employee_id in rows if employee_id is not None}
    gone = [contract_id for contract_id, _key, employee_id in rows if employee_id is None]
    if not rows:
        return kept
    session.exec(update(Message).where(col(Message.contract_id).in_([r[0] for r in rows])).values(contract_id=None))
    if gone:
        session.exec(delete(Contract).where(col(Contract.id).in_(gone)))
    session.exec(update(Contract).where(col(Contract.application_id).in_(application_ids),
                                        col(Contract.employee_id).is_not(None))
                 .values(application_id=None, offer_id=None))
    for _id, key, employee_id in rows:
        if employee_id is None and key not in kept:
            delete_file(session, key)
    return kept
