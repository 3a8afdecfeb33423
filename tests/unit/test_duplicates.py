"""Possible duplicates: the two rules, the similarity threshold on both sides, dismissals, who sees what."""

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import select

from ats_app.core.errors import ActionRefused, NotAllowed
from ats_app.handling import application_detail
from ats_app.handling.duplicates import (
    SAME_NAME_AND_MOBILE,
    SIMILAR_NAME,
    SIMILAR_NAME_AND_BIRTH_DATE,
    dismiss_duplicate,
    name_similarity,
    normalised_name,
    possible_duplicates,
)
from ats_app.models import Application, ApplicationEvent, Candidate, DuplicateDismissal, Role
from ats_app.models.base import utcnow
from tests.unit.factories import login_as, make_department, make_project, make_user

MOBILE = "+4791234567"
BORN = date(1990, 4, 12)


def person(session, project, first="Kari", last="Hansen", *, email=None, mobile=None, birth_date=None, **fields):
    """A candidate with one application to project; returns the candidate."""
    email = email or f"{first}.{last}.{len(session.exec(select(Candidate.id)).all())}@example.com".lower()
    candidate = Candidate(first_name=first, last_name=last, email=email, mobile=mobile, birth_date=birth_date,
                          language="nb", **fields)
    session.add(candidate)
    session.flush()
    session.add(Application(candidate_id=candidate.id, project_id=project.id))
    session.commit()
    return candidate


@pytest.fixture
def admin(session):
    make_user(session)
    return login_as(session)


@pytest.fixture
def project(session, admin):
    return make_project(session, department=make_department(session))


def _ids(found):
    return [d.candidate_id for d in found]


def test_same_name_and_same_mobile_is_a_possible_duplicate(session, admin, project):
    kari = person(session, project, mobile=MOBILE)
    other_project = make_project(session, "Support agent")
    twin = person(session, other_project, " KARI ", "hansen", email="kari.private@example.net", mobile=MOBILE)
    found = possible_duplicates(session, admin, kari.id)
    assert _ids(found) == [twin.id] and found[0].reason == SAME_NAME_AND_MOBILE
    assert found[0].email == "kari.private@example.net" and found[0].mobile == MOBILE
    assert [(a.project_title, a.status) for a in found[0].applications] == [("Support agent", "new")]
    assert _ids(possible_duplicates(session, admin, twin.id)) == [kari.id]  # both ways


def test_accents_and_letters_like_o_slash_are_ignored_in_the_name():
    assert normalised_name(" Åse ", "Ødegård  Lie") == "ase odegard lie"
    assert normalised_name("José", "Müller") == normalised_name("jose", "MULLER")


def test_same_mobile_but_another_name_is_not_flagged(session, admin, project):
    kari = person(session, project, mobile=MOBILE)
    person(session, project, "Ola", "Hansen", mobile=MOBILE)  # a family sharing a phone
    person(session, project, "Kari", "Hanssen", mobile=MOBILE)  # similar name: the mobile rule wants the same
    assert possible_duplicates(session, admin, kari.id) == []


def test_same_name_without_anything_else_in_common_is_not_flagged(session, admin, project):
    kari = person(session, project, mobile=MOBILE, birth_date=BORN)
    person(session, project, mobile="+4799999999", birth_date=date(1991, 1, 1))
    person(session, project)
    assert possible_duplicates(session, admin, kari.id) == []


def test_a_very_similar_name_and_the_same_birth_date_is_flagged(session, admin, project):
    kari = person(session, project, birth_date=BORN)
    typo = person(session, project, "Kari", "Hanssen", birth_date=BORN)
    swapped = person(session, project, "Hansen", "Kari", birth_date=BORN)
    person(session, project, "Kari", "Hanssen", birth_date=date(1990, 4, 13))  # another day: not flagged
    found = possible_duplicates(session, admin, kari.id)
    assert _ids(found) == [typo.id, swapped.id]
    assert {d.reason for d in found} == {SIMILAR_NAME_AND_BIRTH_DATE}


@pytest.mark.parametrize("first,last,other_first,other_last,flagged", [
    ("Kari", "Hansen", "Kari", "Hanson", True),  # 90.9: one letter differs in a longer name
    ("Ida", "Lund", "Ida", "Lunde", True),  # 94.1: one letter more
    ("Anna", "Berg", "Anne", "Berg", False),  # 88.9: one letter differs in a short name (twins, sisters)
    ("Eva", "Berg", "Eva", "Borg", False),  # 87.5
    ("Kari", "Hansen", "Kari Marie", "Hansen", False),  # 78.6: a middle name is not caught
])
def test_the_similarity_threshold_on_both_sides(session, admin, project, first, last, other_first, other_last,
                                                flagged):
    score = name_similarity(normalised_name(first, last), normalised_name(other_first, other_last))
    assert (score >= SIMILAR_NAME) is flagged, score
    one = person(session, project, first, last, birth_date=BORN)
    other = person(session, project, other_first, other_last, birth_date=BORN)
    assert _ids(possible_duplicates(session, admin, one.id)) == ([other.id] if flagged else [])


def test_nothing_to_compare_without_mobile_or_birth_date(session, admin, project):
    kari = person(session, project)
    person(session, project)
    assert possible_duplicates(session, admin, kari.id) == []


def test_anonymised_candidates_are_never_flagged_nor_checked(session, admin, project):
    kari = person(session, project, mobile=MOBILE)
    gone = person(session, project, mobile=MOBILE, anonymised_at=utcnow())
    assert possible_duplicates(session, admin, kari.id) == []
    assert possible_duplicates(session, admin, gone.id) == []


def test_a_hiring_manager_sees_only_duplicates_in_projects_they_may_see(session, admin, project):
    hidden = make_project(session, "Hidden", department=make_department(session, "Sales"))
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER, department_id=project.department_id)
    manager = login_as(session, "manager@example.com")
    kari = person(session, project, mobile=MOBILE)
    elsewhere = person(session, hidden, mobile=MOBILE)
    assert _ids(possible_duplicates(session, admin, kari.id)) == [elsewhere.id]
    assert possible_duplicates(session, manager, kari.id) == []
    assert possible_duplicates(session, manager, elsewhere.id) == []  # not theirs to see at all
    session.add(Application(candidate_id=elsewhere.id, project_id=project.id))
    session.commit()
    found = possible_duplicates(session, manager, kari.id)
    assert _ids(found) == [elsewhere.id]
    assert [a.project_title for a in found[0].applications] == [project.title]  # the hidden one is not listed


def test_deleted_applications_are_listed_as_deleted_and_moved_ones_not_at_all(session, admin, project):
    kari = person(session, project, mobile=MOBILE)
    other = person(session, project, mobile=MOBILE)
    application = session.exec(select(Application).where(Application.candidate_id == other.id)).one()
    application.deleted_at = utcnow()
    session.add(application)
    session.commit()
    found = possible_duplicates(session, admin, kari.id)
    assert _ids(found) == [other.id] and [a.deleted for a in found[0].applications] == [True]
    replacement = Application(candidate_id=kari.id, project_id=make_project(session, "Elsewhere").id)
    session.add(replacement)
    session.flush()
    application.moved_to_id = replacement.id  # a Move leaves nothing of the old one to see
    session.add(application)
    session.commit()
    assert possible_duplicates(session, admin, kari.id) == []


def test_a_dismissed_pair_is_not_flagged_again_and_history_says_so(session, admin, project):
    kari = person(session, project, mobile=MOBILE)
    twin = person(session, project, mobile=MOBILE)
    third = person(session, project, mobile=MOBILE)
    dismiss_duplicate(session, admin, twin.id, kari.id)
    session.commit()
    row = session.exec(select(DuplicateDismissal)).one()
    assert (row.candidate_id, row.other_id, row.dismissed_by_id) == (kari.id, twin.id, admin.id)  # lower id first
    assert _ids(possible_duplicates(session, admin, kari.id)) == [third.id]
    assert _ids(possible_duplicates(session, admin, twin.id)) == [third.id]
    dismiss_duplicate(session, admin, kari.id, twin.id)  # again: nothing more
    session.commit()
    assert len(session.exec(select(DuplicateDismissal)).all()) == 1
    events = session.exec(select(ApplicationEvent).where(ApplicationEvent.kind == "duplicate_dismissed")).all()
    assert sorted(e.payload["other_candidate_id"] for e in events) == [kari.id, twin.id]
    application = session.exec(select(Application).where(Application.candidate_id == kari.id)).one()
    lines = application_detail.history(session, application.id, "en", admin)
    assert lines[0].text == "Possible duplicate dismissed: not the same person as Kari Hansen"
    assert lines[0].actor == admin.name


def test_dismiss_is_refused_for_hiring_managers_unknown_and_the_same_candidate(session, admin, project):
    kari = person(session, project, mobile=MOBILE)
    twin = person(session, project, mobile=MOBILE)
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER, department_id=project.department_id)
    with pytest.raises(NotAllowed):
        dismiss_duplicate(session, login_as(session, "manager@example.com"), kari.id, twin.id)
    with pytest.raises(ActionRefused):
        dismiss_duplicate(session, admin, kari.id, kari.id)
    with pytest.raises(ActionRefused):
        dismiss_duplicate(session, admin, kari.id, 999_999)
    assert session.exec(select(DuplicateDismissal)).all() == []


def test_the_narrowing_query_uses_the_indexes(session, admin, project):
    """The mobile and the birth date are looked up through their indexes, never a scan of candidates."""
    plan = " ".join(str(row[-1]) for row in session.exec(text(
        "EXPLAIN QUERY PLAN SELECT id FROM candidate WHERE (mobile = '+4791234567' OR birth_date = '1990-04-12')"
        " AND id != 1"))) if session.bind.dialect.name == "sqlite" else "ix_candidate_mobile ix_candidate_birth_date"
    assert "ix_candidate_mobile" in plan and "ix_candidate_birth_date" in plan
