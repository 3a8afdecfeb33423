"""Files leave only through authenticated routes on the app's one port."""

from sqlalchemy import create_engine, text

from tests.e2e.conftest import log_in


def _candidate_with_cv(db_url: str) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT id FROM candidate WHERE cv_file_key IS NOT NULL ORDER BY id LIMIT 1")) \
            .scalar()
    engine.dispose()
    assert found, "demo data should give candidates a CV"
    return found


def test_health_answers_on_the_app_port(page, server):
    response = page.request.get(server["url"] + "/health")
    assert response.status == 200 and response.json() == {"status": "ok", "db": True}


def test_cv_download_needs_login(page, browser, server):
    url = f"{server['url']}/files/cv/{_candidate_with_cv(server['db_url'])}"
    anonymous = browser.new_context()
    assert anonymous.request.get(url).status == 401
    anonymous.close()
    log_in(page)
    response = page.request.get(url)
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
    assert "no-store" in response.headers["cache-control"]
