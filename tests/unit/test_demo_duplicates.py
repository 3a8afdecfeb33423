"""The demo data holds two possible duplicates that the rules find, and nothing else looks like one."""

from sqlmodel import select

from ats_app.accounts.auth import RIGHTS, CurrentUser
from ats_app.demo.duplicates import typo
from ats_app.handling.duplicates import SAME_NAME_AND_MOBILE, SIMILAR_NAME_AND_BIRTH_DATE, possible_duplicates
from ats_app.models import Application, Candidate, User
from tests.unit.test_demo_data import demo  # noqa: F401  (the shared demo database)

ADMIN = CurrentUser(id=0, email="admin@example.com", name="Admin", role="admin", language="en",
                    time_zone="Europe/Oslo", department_id=None, rights=frozenset(RIGHTS))


def test_the_typo_doubles_a_letter():
    assert typo("Hansen") == "Hannsen" and typo("Berg") == "Beerg"


def test_the_demo_has_one_pair_of_each_kind_and_no_other(demo):  # noqa: F811
    session, _ = demo
    found = {}
    for candidate in session.exec(select(Candidate)).all():
        for duplicate in possible_duplicates(session, ADMIN, candidate.id):
            found[tuple(sorted((candidate.id, duplicate.candidate_id)))] = duplicate.reason
    assert sorted(found.values()) == [SAME_NAME_AND_MOBILE, SIMILAR_NAME_AND_BIRTH_DATE]
    for (one, other), reason in found.items():
        first, second = session.get(Candidate, one), session.get(Candidate, other)
        assert first.email != second.email and first.language == second.language and first.first_name in second.cv_text
        projects = [set(session.exec(select(Application.project_id).where(Application.candidate_id == c.id)))
                    for c in (first, second)]
        assert not projects[0] & projects[1]  # a merge is not refused
        if reason == SAME_NAME_AND_MOBILE:
            assert (first.first_name, first.last_name, first.mobile) == (second.first_name, second.last_name,
                                                                         second.mobile)
        else:
            assert second.last_name == typo(first.last_name) and first.birth_date == second.birth_date
            assert second.mobile is None


def test_the_demo_recruiter_may_merge_and_the_hiring_manager_may_not(demo):  # noqa: F811
    session, _ = demo
    users = {u.email: u for u in session.exec(select(User))}
    assert users["recruiter@example.com"].can_merge_candidates and users["admin@example.com"].can_merge_candidates
    assert not users["manager@example.com"].can_merge_candidates
