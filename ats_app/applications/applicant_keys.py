"""The candidate's name as the applicant list sorts and searches it, copied onto each application.

Sorting and searching 50,000 applications through a join to the candidate table costs hundreds of
milliseconds; an indexed lower-cased copy on the application costs a few. Every place that creates an
application goes through here (and so must any future change of a candidate's name or email).
"""

from ats_app.models import Candidate


def sort_name(first_name: str, last_name: str) -> str:
    """"de vries anna": by last name, then first name, case-insensitively."""
    return f"{last_name} {first_name}".strip().lower()[:210]


def search_text(first_name: str, last_name: str, email: str) -> str:
    """"anna de vries anna@example.com": what a search by name or email matches."""
    return f"{first_name} {last_name} {email}".strip().lower()[:470]


def keys_for(candidate: Candidate) -> dict[str, str]:
    """The copied fields for a new application of candidate."""
    return {"sort_name": sort_name(candidate.first_name, candidate.last_name),
            "search_text": search_text(candidate.first_name, candidate.last_name, candidate.email)}

