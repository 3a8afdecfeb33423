"""The demo projects carry an advert in each of their languages, a place, and (once opened) a publication date."""

import os

os.environ["ATS_FAST_HASHING"] = "1"  # before passwords builds its hasher

import pytest
from sqlmodel import Session, select

from ats_app.core.db import get_engine, upgrade_to_head
from ats_app.demo.loader import load_demo_data
from ats_app.mail.markup import clean_html
from ats_app.models import ProjectAdvert, RecruitmentProject
from ats_app.projects import publishing, screening
from tests.targets import scratch_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo_adverts")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ATS_FILES_DIR", str(folder / "files"))
        url = scratch_database("demo_adverts", folder)
        monkeypatch.setenv("REFLEX_DB_URL", url)
        upgrade_to_head()
        load_demo_data(url)
        with Session(get_engine(url)) as session:
            yield session


def test_every_demo_project_has_an_advert_in_each_of_its_languages(demo):
    projects = demo.exec(select(RecruitmentProject)).all()
    adverts = demo.exec(select(ProjectAdvert)).all()
    assert len(projects) == 9
    by_project = {}
    for advert in adverts:
        by_project.setdefault(advert.project_id, {})[advert.language] = advert
    for project in projects:
        assert set(by_project[project.id]) == set(project.languages), project.title
        main = by_project[project.id][project.languages[0]]
        assert main.headline == project.title and project.place
        for advert in by_project[project.id].values():
            assert advert.headline and advert.introduction.startswith("<p>") and "<li>" in advert.offer
            assert clean_html(advert.job) == advert.job  # stored as the editor stores it
        assert publishing.has_advert(demo, project)


def test_opened_demo_projects_have_been_published(demo):
    for project in demo.exec(select(RecruitmentProject)).all():
        assert (project.published_at is None) == (project.status == "draft"), project.title
        assert (project.closed_at is not None) == (project.status == "closed"), project.title
    places = {p.title: p.place for p in demo.exec(select(RecruitmentProject))}
    assert places["Kundtjänstmedarbetare, Stockholm"] == "Stockholm" and places["Senior backend-utvikler"] == "Oslo"


def test_demo_questions_pass_the_editors_checks_so_a_demo_project_can_be_saved(demo):
    for project in demo.exec(select(RecruitmentProject)).all():
        questions = screening.questions_of(project.screening_questions)
        assert screening.check_questions(questions, project.languages) == {}, project.title
        for q in questions:
            if q.text.get("en", "").startswith("How many years"):
                assert q.kind == "number" and q.mandatory
            if q.can_knock_out:
                assert q.requirement.get("en")
