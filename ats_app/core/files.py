"""Private file storage for CVs and documents: server-generated keys, never Reflex's public upload folder."""

import os
import re
import uuid
from pathlib import Path

_KEY = re.compile(r"^[0-9a-f]{32}$")


def files_dir() -> Path:
    """The private folder (ATS_FILES_DIR, default ./.files next to the database)."""
    path = Path(os.environ.get("ATS_FILES_DIR") or ".files")
    path.mkdir(parents=True, exist_ok=True)
    return path


def path_for(key: str) -> Path:
    """The path of a stored file; refuses anything that is not a key we made."""
    if not _KEY.match(key):
        raise ValueError("not a file key")
    return files_dir() / key[:2] / key


def store_bytes(data: bytes) -> str:
    """Store data and return its new key."""
    key = uuid.uuid4().hex
    path = path_for(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return key


def read_bytes(key: str) -> bytes:
    """The content stored under key (FileNotFoundError when gone)."""
    return path_for(key).read_bytes()


def delete(key: str) -> None:
    """Remove a stored file; a missing file is not an error."""
    path_for(key).unlink(missing_ok=True)
