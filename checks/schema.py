"""The contract (``schemas/rak.schema.json``) as findings, every error of it.

A user may fix an extracted JSON by hand and check it again; each place it breaks the
contract becomes a ``schema`` finding, located at its row and field through the error's path
(``rows/4/target/nilai`` -> row 5, field ``target.nilai``), in the report's language. All
errors are reported (``iter_errors``), none hidden behind a best match.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.validators import validator_for

from extractor.language import in_language
from extractor.model import Lokasi, RakDocument

from .config import CheckConfig
from .finding import Finding, Severity
from .rule import Example, Rule, Words

TYPE_NAMES: dict[str, Words] = {
    "string": {"id": "teks", "en": "text"},
    "integer": {"id": "bilangan bulat", "en": "a whole number"},
    "number": {"id": "angka", "en": "a number"},
    "array": {"id": "daftar", "en": "a list"},
    "object": {"id": "objek", "en": "an object"},
    "null": {"id": "kosong (null)", "en": "empty (null)"},
    "boolean": {"id": "true/false", "en": "true/false"},
}

MESSAGES: dict[str, Words] = {
    "type": {
        "id": "{where}: harus {expected}, tertulis {value}",
        "en": "{where}: must be {expected}, found {value}",
    },
    "required": {"id": "{where}: wajib ada", "en": "{where}: is required"},
    "enum": {
        "id": "{where}: {value} tidak diizinkan (pilihan: {choices})",
        "en": "{where}: {value} is not allowed (choices: {choices})",
    },
    "minimum": {
        "id": "{where}: {value} di bawah batas {limit}",
        "en": "{where}: {value} is below the limit {limit}",
    },
    "maximum": {
        "id": "{where}: {value} di atas batas {limit}",
        "en": "{where}: {value} is above the limit {limit}",
    },
    "minLength": {"id": "{where}: terlalu pendek", "en": "{where}: is too short"},
    "maxLength": {"id": "{where}: terlalu panjang", "en": "{where}: is too long"},
    "pattern": {
        "id": "{where}: {value} tidak sesuai pola {limit}",
        "en": "{where}: {value} does not match the pattern {limit}",
    },
    "additionalProperties": {
        "id": "{where}: kunci tak dikenal: {choices}",
        "en": "{where}: unknown keys: {choices}",
    },
    "uniqueItems": {"id": "{where}: ada isi ganda", "en": "{where}: has repeated items"},
    "minItems": {"id": "{where}: terlalu sedikit isi", "en": "{where}: has too few items"},
    "maxItems": {"id": "{where}: terlalu banyak isi", "en": "{where}: has too many items"},
    "other": {
        "id": "{where}: tidak sesuai skema ({detail})",
        "en": "{where}: does not match the schema ({detail})",
    },
}
_ALIASES = {"exclusiveMinimum": "minimum", "exclusiveMaximum": "maximum", "const": "enum"}


@lru_cache(maxsize=1)
def _validator() -> Any:
    from rak_schemas import load_schema  # the contract ships as package data

    schema = load_schema()
    cls = validator_for(schema, default=Draft202012Validator)
    return cls(schema)


def _show(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def locate(path: list[Any]) -> tuple[int | None, str | None]:
    """Row (1-based) and dotted field of a path into the document's JSON."""
    if len(path) >= 2 and path[0] == "rows" and isinstance(path[1], int):
        rest = [str(p) for p in path[2:]]
        return path[1] + 1, ".".join(rest) or None
    return None, ".".join(str(p) for p in path) or None


def _message(error: ValidationError, field: str | None, lang: str) -> tuple[str | None, str]:
    """The field the error is about (a missing key is named) and its message."""
    kind = _ALIASES.get(str(error.validator), str(error.validator))
    # jsonschema types these as "Any | Unset"; an error raised by validation always has them.
    limit: Any = error.validator_value
    schema: Any = error.schema
    where = field or ("dokumen" if lang == "id" else "document")
    values: dict[str, Any] = {"value": _show(error.instance), "limit": limit}
    if kind == "required":
        missing = [
            k
            for k in limit
            if isinstance(error.instance, dict) and k not in error.instance
        ]
        name = missing[0] if missing else "?"
        field = f"{field}.{name}" if field else name
        where = field
    elif kind == "type":
        expected = limit
        names = [expected] if isinstance(expected, str) else list(expected)
        values["expected"] = " / ".join(in_language(TYPE_NAMES.get(n, {"id": n}), lang)
                                        for n in names)
    elif kind == "enum":
        choices = limit if error.validator == "enum" else [limit]
        values["choices"] = ", ".join(_show(c) for c in choices)
    elif kind == "additionalProperties":
        allowed = set((schema or {}).get("properties", {}))
        extra = sorted(set(error.instance) - allowed) if isinstance(error.instance, dict) else []
        values["choices"] = ", ".join(extra)
    if kind not in MESSAGES:
        kind = "other"
        values["detail"] = error.message
    return field, in_language(MESSAGES[kind], lang, where=where, **values)


def schema_findings(data: Any, config: CheckConfig, file: str = "") -> Iterator[Finding]:
    """Every way ``data`` (a document's JSON) breaks the contract, as ``schema`` findings."""
    severity = config.severity.get(SCHEMA.name, SCHEMA.severity)
    rows = data.get("rows") if isinstance(data, dict) else None
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.path])
    for error in errors:
        row, field = locate(list(error.absolute_path))
        field, message = _message(error, field, config.lang)
        lokasi = None
        if row is not None and isinstance(rows, list) and row <= len(rows):
            loc = rows[row - 1].get("lokasi") if isinstance(rows[row - 1], dict) else None
            if isinstance(loc, dict) and isinstance(loc.get("baris"), int):
                halaman = loc.get("halaman")
                lokasi = Lokasi(halaman if isinstance(halaman, int) else None, loc["baris"])
        yield Finding(SCHEMA.name, severity, row, field, message, lokasi, file)


def _check(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    # A document built in code can break the contract too (a month 13, a bad periode).
    yield from schema_findings(doc.to_dict(), config, doc.source.file)


SCHEMA = Rule(
    name="schema",
    severity=Severity.ERROR,
    title={"id": "Tidak sesuai skema data", "en": "Does not match the data schema"},
    explanation={
        "id": "Dokumen (atau JSON yang disunting tangan lalu diperiksa ulang) harus sesuai "
        "skema rak.schema.json: kunci wajib ada, jenis isinya benar, bulan 1-12, triwulan "
        "1-4. Setiap kesalahan dilaporkan dengan baris dan kolomnya.",
        "en": "The document (or a hand-edited JSON checked again) must match the schema "
        "rak.schema.json: required keys present, values of the right type, months 1-12, "
        "quarters 1-4. Every error is reported with its row and field.",
    },
    bad=Example(rows=({"jadwal": [1, 13]},)),
    good=Example(rows=({"jadwal": [1, 12]},)),
    check=_check,
)
