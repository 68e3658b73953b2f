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

from extractor import ExtractOptions, extract
from extractor.errors import RakError

from .conftest import SAMPLES

PDF = (SAMPLES / "rak-triwulan.pdf").read_bytes()
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


def outcome(tmp: Path, name: str, data: bytes) -> str:
    path = tmp / name
    path.write_bytes(data)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_S)
    try:
        extract(path, OPTIONS)
        return "ok"
    except RakError as e:
        assert e.message("id").startswith(str(path))
        return "error"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


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
    assert outcome(tmp_path, "mut.pdf", mutate(PDF, m)) in ("ok", "error")


def _docx_bytes(tmp_path, m):
    assert outcome(tmp_path, "mut.docx", mutate(DOCX, m)) in ("ok", "error")


def _docx_xml(tmp_path, m):
    assert outcome(tmp_path, "mut.docx", with_document_xml(DOCX, m)) in ("ok", "error")


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
