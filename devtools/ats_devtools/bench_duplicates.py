"""Possible duplicates on the bench database: every candidate gets a mobile and a birth date (as real ones
have; the bench's names repeat a lot, 24 first names by 24 last names, which is the hard case for the name
comparison), DUPLICATES of them get a second record (same name and mobile, or a typo and the same birth
date), and possible_duplicates is timed for candidates picked at random. Target (README): median <= 10 ms.
"""

import random
import sqlite3
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session

from ats_app.accounts.auth import CurrentUser
from ats_app.handling.duplicates import possible_duplicates

DUPLICATES = 1000
FIRST_DAY, DAYS = date(1960, 1, 1), 45 * 365


def _prepare(path: Path, seed: int = 11) -> list[int]:
    """Mobiles and birth dates for all, planted pairs; returns the planted second records' ids."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    count = conn.execute("SELECT max(id) FROM candidate").fetchone()[0]
    conn.executemany("UPDATE candidate SET mobile = ?, birth_date = ? WHERE id = ?",
                     ((f"+479{rng.randrange(10 ** 7):07d}",
                       (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat(), cid)
                      for cid in range(1, count + 1)))
    planted = []
    for first in rng.sample(range(1, count), DUPLICATES):
        second = first + 1
        if rng.random() < 0.5:
            conn.execute("UPDATE candidate SET (first_name, last_name, mobile) = (SELECT first_name, last_name, mobile "
                         "FROM candidate WHERE id = ?) WHERE id = ?", (first, second))
        else:
            conn.execute("UPDATE candidate SET (first_name, last_name, birth_date) = (SELECT first_name, "
                         "last_name || 'e', birth_date FROM candidate WHERE id = ?) WHERE id = ?", (first, second))
        planted.append(second)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return planted


def run(session: Session, user: CurrentUser, path: Path, runs: int = 300) -> dict:
    """Prepare, then time possible_duplicates for random candidates and for the planted ones."""
    start = time.perf_counter()
    session.rollback()  # a fresh read after the rows changed beside the session
    planted = _prepare(path)
    session.rollback()
    print(f"\ngave every candidate a mobile and a birth date, planted {len(planted):,} duplicates in "
          f"{time.perf_counter() - start:.1f} s")
    count = max(planted)
    rng = random.Random(5)
    results = {}
    for name, ids in (("random candidate", [rng.randrange(1, count) for _ in range(runs)]),
                      ("planted duplicate", rng.sample(planted, min(runs, len(planted))))):
        possible_duplicates(session, user, ids[0])
        times, found = [], 0
        for cid in ids:
            began = time.perf_counter()
            found += bool(possible_duplicates(session, user, cid))
            times.append((time.perf_counter() - began) * 1000)
        times.sort()
        median, p95 = statistics.median(times), times[int(len(times) * 0.95)]
        results[name] = {"median_ms": median, "p95_ms": p95, "flagged": found, "of": len(ids)}
        print(f"possible duplicates of a {name:<18} median {median:5.1f} ms, p95 {p95:5.1f} ms "
              f"({found} of {len(ids)} flagged)")
    return results
