"""Delete permanently, for letters: the printed PDFs that hold a purged applicant's name and address go.

A letters PDF is one print run (it may hold other applicants' letters too); each letter_sent history line
names the run's file. The file goes with the purge, and the kept history lines forget which file it was.
"""

from collections.abc import Callable

from sqlmodel import Session, col, select

from ats_app.models import ApplicationEvent


def purge_letters(session: Session, application_ids: list[int], delete_file: Callable[[Session, str], None]) -> None:
    """Schedule the deletion (delete_file(session, key)) of every letters PDF printed for the applications."""
    if not application_ids:
        return
    printed = session.exec(select(ApplicationEvent).where(col(ApplicationEvent.application_id).in_(application_ids),
                                                          ApplicationEvent.kind == "letter_sent")).all()
    for event in printed:
        key = (event.payload or {}).get("file_key")
        if key:
            delete_file(session, key)
            event.payload = {k: v for k, v in event.payload.items() if k != "file_key"}
            session.add(event)
    session.flush()
