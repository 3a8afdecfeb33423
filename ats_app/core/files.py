"""Private file storage for CVs and documents: server-generated keys, never Reflex's public upload folder.

Files are written 0600 and folders made 0700: candidates' CVs, letters and contracts are for the server's
user alone (whatever the process's umask).
"""

import os
import re
import time
import uuid
from pathlib import Path

_KEY = re.compile(r"^[0-9a-f]{32}$")
FILE_MODE, FOLDER_MODE = 0o600, 0o700


def _folder(path: Path) -> Path:
    """path as a private folder (made when missing, its mode tightened when it exists)."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(FOLDER_MODE)
    return path


def files_dir() -> Path:
    """The private folder (ATS_FILES_DIR, default ./.files next to the database)."""
    return _folder(Path(os.environ.get("ATS_FILES_DIR") or ".files"))


def path_for(key: str) -> Path:
    """The path of a stored file; refuses anything that is not a key we made."""
    if not _KEY.match(key):
        raise ValueError("not a file key")
    return files_dir() / key[:2] / key


def store_bytes(data: bytes) -> str:
    """Store data and return its new key."""
    key = uuid.uuid4().hex
    path = path_for(key)
    _folder(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return key


def read_bytes(key: str) -> bytes:
    """The content stored under key (FileNotFoundError when gone)."""
    return path_for(key).read_bytes()


def delete(key: str) -> None:
    """Remove a stored file (and its scratch mark); a missing file is not an error."""
    path_for(key).unlink(missing_ok=True)
    _scratch_mark(key).unlink(missing_ok=True)


# Scratch files (previews) are stored like the others, with an empty mark beside them in scratch/ so that
# the ones nobody discarded (a closed tab) can be found and swept later.
SCRATCH = "scratch"


def _scratch_mark(key: str) -> Path:
    return files_dir() / SCRATCH / key


def store_scratch(data: bytes) -> str:
    """Store data for a short while (a preview) and return its key; sweep_scratch removes it once old."""
    key = store_bytes(data)
    mark = _scratch_mark(key)
    _folder(mark.parent)
    mark.touch(mode=FILE_MODE)
    return key


def sweep_scratch(older_than: float, now: float | None = None) -> int:
    """Remove the scratch files stored more than older_than seconds ago; how many."""
    folder = files_dir() / SCRATCH
    if not folder.is_dir():
        return 0
    limit = (time.time() if now is None else now) - older_than
    swept = 0
    for mark in folder.iterdir():
        try:
            old = mark.stat().st_mtime < limit
        except FileNotFoundError:  # discarded meanwhile
            continue
        if old and _KEY.match(mark.name):
            delete(mark.name)
            swept += 1
    return swept
