"""The private file store: what it writes is the server user's alone (CVs, letters, contracts, previews)."""

import stat

from ats_app.core import files


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_are_written_0600_in_folders_0700():
    key = files.store_bytes(b"%PDF a CV")
    path = files.path_for(key)
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700 and _mode(files.files_dir()) == 0o700
    scratch = files.store_scratch(b"%PDF a preview")
    assert _mode(files.path_for(scratch)) == 0o600
    assert _mode(files.files_dir() / files.SCRATCH) == 0o700
    assert files.read_bytes(key) == b"%PDF a CV"
    files.delete(key)
    files.delete(scratch)


def test_a_folder_left_open_by_an_earlier_version_is_closed():
    files.files_dir().chmod(0o755)
    key = files.store_bytes(b"x")
    assert _mode(files.files_dir()) == 0o700 and _mode(files.path_for(key)) == 0o600
    files.delete(key)
