"""Settings: rejection reasons per language, default rejection delays, the organisation's details; admins only."""

import pytest
from sqlmodel import select

from ats_app.core.errors import InvalidChoice, NotAllowed
from ats_app.models import RejectionReason, RejectionType, Role, Setting
from ats_app.organisation import settings
from ats_app.organisation.reference_data import ensure_reference_data
from ats_app.organisation.ui.settings_state import SettingsState
from tests.unit.factories import login_as, make_user
from tests.unit.state_helpers import call, client, log_in, state_of

LABELS = {"en": "Salary expectations too high", "nb": "For høye lønnsforventninger",
          "sv": "För höga löneanspråk", "da": "For høje lønforventninger", "fi": "Liian korkea palkkatoive",
          "nl": "Salarisverwachting te hoog"}


@pytest.fixture
def admin(session):
    ensure_reference_data(session)
    session.commit()
    make_user(session)
    return login_as(session)


@pytest.fixture
def recruiter(session):
    make_user(session, "recruiter@example.com", role=Role.RECRUITER)
    return login_as(session, "recruiter@example.com")


def _codes(session, language="en", *, active_only=False):
    if active_only:
        return [code for code, _label in settings.active_reasons(session, language)]
    return [row.code for row in settings.rejection_reasons(session, language)]


def test_an_admin_adds_a_reason_in_six_languages(session, admin):
    code = settings.save_reason(session, admin, None, LABELS, True)
    session.commit()
    assert code == "salary_expectations_too_high"
    assert settings.reason_table(session)[code] == LABELS
    assert _codes(session)[-1] == code
    assert (code, "Liian korkea palkkatoive") in settings.active_reasons(session, "fi")
    again = settings.save_reason(session, admin, None, {**LABELS, "en": "Salary expectations: too high!",
                                                        "nb": "Lønn", "sv": "Lön", "da": "Løn", "fi": "Palkka",
                                                        "nl": "Salaris"}, True)
    assert again == "salary_expectations_too_high_2"


def test_a_missing_finnish_label_is_an_error_on_that_field_and_nothing_is_saved(session, admin):
    before = session.exec(select(RejectionReason)).all()
    with pytest.raises(InvalidChoice) as refused:
        settings.save_reason(session, admin, None, {**LABELS, "fi": "   "}, True)
    assert refused.value.field == "label_fi"
    assert refused.value.params == {"language": "Suomi"}
    session.rollback()
    assert len(session.exec(select(RejectionReason)).all()) == len(before)
    with pytest.raises(InvalidChoice) as refused:
        settings.save_reason(session, admin, None, {**LABELS, "nl": "x" * 201}, True)
    assert refused.value.field == "label_nl"


def test_renaming_changes_only_that_language_and_keeps_the_code(session, admin):
    labels = settings.reason_table(session)["other"]
    settings.save_reason(session, admin, "other", {**labels, "nb": "Annen årsak"}, True)
    session.commit()
    assert settings.reason_table(session)["other"] == {**labels, "nb": "Annen årsak"}
    assert dict(settings.active_reasons(session, "nb"))["other"] == "Annen årsak"
    with pytest.raises(InvalidChoice) as refused:
        settings.save_reason(session, admin, "no_such_reason", LABELS, True)
    assert refused.value.field == "code"


def test_a_deactivated_reason_is_not_offered_but_stays_in_the_list(session, admin):
    settings.set_reason_active(session, admin, "position_withdrawn", False)
    session.commit()
    assert "position_withdrawn" not in _codes(session, "sv", active_only=True)
    row = next(r for r in settings.rejection_reasons(session, "sv") if r.code == "position_withdrawn")
    assert row.label == "Tjänsten drogs tillbaka" and row.active is False
    assert session.exec(select(RejectionReason).where(RejectionReason.code == "position_withdrawn")).all()
    settings.set_reason_active(session, admin, "position_withdrawn", True)
    assert "position_withdrawn" in _codes(session, "sv", active_only=True)


def test_reasons_move_up_and_down(session, admin):
    first, second, third = _codes(session)[:3]
    assert settings.move_reason(session, admin, second, "up") is True
    session.commit()
    assert _codes(session)[:3] == [second, first, third]
    assert settings.move_reason(session, admin, second, "up") is False  # already first
    settings.move_reason(session, admin, first, "down")
    session.commit()
    assert _codes(session)[:3] == [second, third, first]
    assert _codes(session, "fi", active_only=True)[:3] == [second, third, first]
    last = _codes(session)[-1]
    assert settings.move_reason(session, admin, last, "down") is False
    with pytest.raises(InvalidChoice):
        settings.move_reason(session, admin, first, "sideways")


def test_a_label_falls_back_to_english_when_a_language_lacks_one(session, admin):
    session.add(RejectionReason(code="legacy", language="en", label="Legacy reason", sequence=99))
    session.commit()
    assert ("legacy", "Legacy reason") in settings.active_reasons(session, "da")


@pytest.mark.parametrize("days", [0, 1, 14, 30, "0", " 30 ", "7"])
def test_delays_from_0_to_30_days_are_accepted(session, admin, days):
    assert settings.set_delay(session, admin, "after_first_interview", days) == int(str(days))
    session.commit()
    row = next(r for r in settings.rejection_types(session) if r.code == "after_first_interview")
    assert row.delay_days == int(str(days)) and row.label == "after first interview"


@pytest.mark.parametrize("days", [31, -1, "x", "", "2.5", True, None])
def test_other_delays_are_refused(session, admin, days):
    with pytest.raises(InvalidChoice) as refused:
        settings.set_delay(session, admin, "after_application_review", days)
    assert refused.value.field == "delay" and refused.value.params == {"min": 0, "max": 30}
    session.rollback()
    row = session.exec(select(RejectionType).where(RejectionType.code == "after_application_review")).one()
    assert row.default_delay_days == 3


def test_the_organisation_is_saved_as_settings(session, admin):
    assert settings.organisation(session) == {"company_name": "Nordlys AS", "company_address": "",
                                              "time_zone": "Europe/Oslo"}
    settings.save_organisation(session, admin, " Fjord Foods AS ", "Storgata 1\r\n0155 Oslo  \n", "Europe/Helsinki")
    session.commit()
    assert settings.organisation(session) == {"company_name": "Fjord Foods AS",
                                              "company_address": "Storgata 1\n0155 Oslo",
                                              "time_zone": "Europe/Helsinki"}
    assert session.get(Setting, "company_address").value == "Storgata 1\n0155 Oslo"


@pytest.mark.parametrize(("name", "address", "zone", "field"), [
    ("Fjord", "", "Europe/Atlantis", "time_zone"), ("Fjord", "", "localtime", "time_zone"),
    ("Fjord", "", "", "time_zone"), ("", "", "UTC", "company_name"), ("x" * 201, "", "UTC", "company_name"),
    ("Fjord", "y" * 501, "UTC", "company_address"),
])
def test_bad_organisation_details_are_refused(session, admin, name, address, zone, field):
    with pytest.raises(InvalidChoice) as refused:
        settings.save_organisation(session, admin, name, address, zone)
    assert refused.value.field == field
    session.rollback()
    assert settings.organisation(session)["time_zone"] == "Europe/Oslo"


def test_a_recruiter_cannot_change_settings(session, admin, recruiter):
    for change in (lambda: settings.save_reason(session, recruiter, None, LABELS, True),
                   lambda: settings.save_reason(session, recruiter, "other", LABELS, True),
                   lambda: settings.set_reason_active(session, recruiter, "other", False),
                   lambda: settings.move_reason(session, recruiter, "other", "up"),
                   lambda: settings.set_delay(session, recruiter, "timed", 5),
                   lambda: settings.save_organisation(session, recruiter, "X", "", "UTC")):
        with pytest.raises(NotAllowed):
            change()
    assert len(settings.rejection_reasons(session, "en")) == 9  # but may read them


def test_the_time_zone_list_adds_the_current_zone():
    assert "Europe/Oslo" in settings.time_zone_choices("Europe/Oslo")
    assert settings.time_zone_choices("America/New_York")[0] == "America/New_York"


# ---------------------------------------------------------------- the page's state

async def _state(email):
    root = client()
    await log_in(root, email)
    state = state_of(root, SettingsState)
    await call(state, "load")
    return state


async def test_an_admin_adds_a_reason_on_the_page_and_sees_errors_next_to_fields(session, admin):
    state = await _state("admin@example.com")
    assert state.is_admin and len(state.reasons) == 9 and state.time_zone == "Europe/Oslo"
    await call(state, "add_reason")
    for language, label in LABELS.items():
        if language != "fi":
            await call(state, "edit_label", language, label)
    await call(state, "save_reason")
    assert state.editing and "label_fi" in state.errors and "Suomi" in state.errors["label_fi"]
    await call(state, "edit_label", "fi", LABELS["fi"])
    await call(state, "save_reason")
    assert not state.editing and state.reasons[-1].label == LABELS["en"] and state.reasons[-1].last
    await call(state, "edit_delay", "timed", "31")
    await call(state, "save_delay", "timed")
    assert "delay_timed" in state.errors
    await call(state, "edit_delay", "timed", "10")
    await call(state, "save_delay", "timed")
    assert state.errors == {} and settings.rejection_types(session)[2].delay_days == 10


async def test_the_page_refuses_a_recruiters_changes(session, admin, recruiter):
    state = await _state("recruiter@example.com")
    assert not state.is_admin and len(state.reasons) == 9
    await call(state, "set_reason_active", "other", False)
    await call(state, "edit_organisation", "company_name", "Hijacked")
    await call(state, "save_organisation")
    assert state.company_name == "Nordlys AS"
    assert "other" in _codes(session, active_only=True)
    assert settings.organisation(session)["company_name"] == "Nordlys AS"
