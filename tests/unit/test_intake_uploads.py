"""Uploaded documents: the type from the bytes (never the name), the structural checks, the text extracted."""

import pytest

from ats_app.core.errors import InvalidChoice
from ats_app.intake import uploads
from ats_app.intake.uploads import Upload, check_document
from tests.unit import intake_files as f


@pytest.mark.parametrize(("name", "data", "kind", "words"), [
    ("cv.pdf", f.pdf(), "pdf", "eight years of Python"),
    ("cv.docx", f.docx_file(), "docx", "warehouse lead"),
    ("cv.odt", f.odt_file(), "odt", "nurse"),
    ("cv.rtf", f.rtf_file(), "rtf", "electrician"),
])
def test_real_documents_pass_with_their_text(name, data, kind, words):
    document = check_document(Upload(name, data))
    assert document.kind == kind and document.filename == name and document.data == data
    assert words in document.text


def test_docx_tables_are_read_too():
    assert "Forklift | licence B" in check_document(Upload("cv.docx", f.docx_file())).text


def test_a_png_renamed_pdf_is_refused():
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("cv.pdf", f.png_file()))
    assert refused.value.message == uploads.NAME_MISMATCH["pdf"]


def test_a_png_with_its_own_name_is_not_a_document():
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("photo.png", f.png_file()))
    assert refused.value.message == uploads.NOT_A_DOCUMENT


def test_a_pdf_named_docx_is_refused():
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("cv.docx", f.pdf()))
    assert refused.value.message == uploads.NAME_MISMATCH["docx"]


def test_a_plain_zip_named_docx_is_refused():
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("cv.docx", f.plain_zip()))
    assert refused.value.message == uploads.NAME_MISMATCH["docx"]


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("cv.pdf", f.encrypted_pdf()))
    assert refused.value.message == uploads.ENCRYPTED


def test_an_empty_file_is_refused():
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("cv.pdf", b""))
    assert refused.value.message == uploads.EMPTY


def test_a_file_over_ten_megabytes_is_refused():
    big = f.pdf() + b"%" + b"0" * uploads.MAX_BYTES
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("cv.pdf", big))
    assert refused.value.message == uploads.TOO_BIG


def test_a_broken_pdf_is_damaged():
    with pytest.raises(InvalidChoice) as refused:
        check_document(Upload("cv.pdf", b"%PDF-1.4\nnot really a pdf at all"))
    assert refused.value.message == uploads.DAMAGED


def test_a_name_without_extension_gets_the_real_one_and_folders_are_dropped():
    assert check_document(Upload("C:\\Users\\kari\\my cv", f.pdf())).filename == "my cv.pdf"
    assert check_document(Upload("../../etc/cv.PDF", f.pdf())).filename == "cv.pdf"
    assert uploads.safe_filename("\x00\x1f", "rtf") == "document.rtf"
