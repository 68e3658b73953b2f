"""Mutated sample bytes never end in an unhandled exception or a hang.

A bounded number of examples runs by default; `pytest -m slow` (CI runs it too) runs many more.
Mutations go both at the raw bytes and, for Word, inside document.xml so the XML and layout
paths are reached, not only the zip checks.
"""

from __future__ import annotations

import io
import signal
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import CheckConfig
from checks.schema import schema_findings
from extractor import ExtractOptions, extract
from extractor.errors import RakError

from .conftest import SAMPLES, load_expected

PDF = (SAMPLES / "rak-triwulan.pdf").read_bytes()
EXPECTED = load_expected("rak-triwulan")
DOCX = (SAMPLES / "rak-triwulan.docx").read_bytes()
OPTIONS = ExtractOptions(max_pages=20)
LIMIT_S = 60

mutation = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)),
                                        min_size=1, max_size=30)),
    st.tuples(st.just("cut"), st.floats(0, 1)),
    st.tuples(st.just("drop"), st.floats(0, 1), st.integers(1, 4096)),
    st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(1, 2048)),
)


def mutate(data: bytes, m: tuple) -> bytes:
    kind = m[0]
    b = bytearray(data)
    if kind == "flip":
        for pos, val in m[1]:
            b[int(pos * (len(b) - 1))] = val
        return bytes(b)
    at = int(m[1] * len(b))
    if kind == "cut":
        return bytes(b[:at])
    if kind == "drop":
        return bytes(b[:at] + b[at + m[2] :])
    return bytes(b[:at] + b[at : at + m[2]] * 3 + b[at:])


def _alarm(signum, frame):  # noqa: ARG001
    raise TimeoutError("hang")


def assert_handled(tmp: Path, name: str, data: bytes) -> None:
    """What a mutated file must come to: a document that honours the contract, or one
    ``RakError`` line naming the file. A hang, another exception, a result that breaks the
    schema or has no rows, or a message of several lines fails the test."""
    path = tmp / name
    path.write_bytes(data)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_S)
    try:
        doc = extract(path, OPTIONS)
    except RakError as e:
        message = e.message("id")
        assert message.startswith(f"{path}: "), message
        assert "\n" not in message and "Traceback" not in message, message
        return
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert doc.rows, "a document is only returned with rows"
    broken = [f.message for f in schema_findings(doc.to_dict(), CheckConfig())]
    assert broken == [], broken[:3]  # the contract's schema, as rak check validates it


def with_document_xml(data: bytes, m: tuple) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "word/document.xml":
                content = mutate(content, m)
            dst.writestr(item.filename, content)
    return out.getvalue()


FAST = settings(max_examples=15, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
MANY = settings(FAST, max_examples=300, derandomize=False)


def _pdf(tmp_path, m):
    assert_handled(tmp_path, "mut.pdf", mutate(PDF, m))


def _docx_bytes(tmp_path, m):
    assert_handled(tmp_path, "mut.docx", mutate(DOCX, m))


def _docx_xml(tmp_path, m):
    assert_handled(tmp_path, "mut.docx", with_document_xml(DOCX, m))


def test_the_unmutated_files_read_whole_and_a_truncated_one_is_refused(tmp_path):
    """The property above on its two edges: nothing changed reads as the sample's rows, a
    file cut to its first bytes is refused in one line."""
    for name, data in (("asli.pdf", PDF), ("asli.docx", DOCX)):
        assert_handled(tmp_path, name, mutate(data, ("cut", 1.0)))
        assert len(extract(tmp_path / name, OPTIONS).rows) == len(EXPECTED["rows"])
    with pytest.raises(RakError):
        extract(_written(tmp_path, "potong.docx", mutate(DOCX, ("cut", 0.01))), OPTIONS)


def _written(tmp: Path, name: str, data: bytes) -> Path:
    (tmp / name).write_bytes(data)
    return tmp / name


@FAST
@given(m=mutation)
def test_mutated_pdf(tmp_path, m):
    _pdf(tmp_path, m)


@FAST
@given(m=mutation)
def test_mutated_docx_bytes(tmp_path, m):
    _docx_bytes(tmp_path, m)


@FAST
@given(m=mutation)
def test_mutated_docx_xml(tmp_path, m):
    _docx_xml(tmp_path, m)


@pytest.mark.slow
@MANY
@given(m=mutation)
def test_mutated_pdf_many(tmp_path, m):
    _pdf(tmp_path, m)


@pytest.mark.slow
@MANY
@given(m=mutation)
def test_mutated_docx_many(tmp_path, m):
    _docx_xml(tmp_path, m)
