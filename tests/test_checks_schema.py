"""Schema errors as findings: all of them, each at its row and field, in the report's language."""

from __future__ import annotations

import copy

from checks import CheckConfig, Severity, check_data

from .seed_doc import seed_data


def _schema(result) -> list[tuple[int | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.row, f.field) for f in result.findings if f.rule == "schema"]


def test_valid_json_has_no_schema_findings() -> None:
    assert _schema(check_data(seed_data())) == []


def test_every_error_is_reported_at_its_row_and_field() -> None:
    data = seed_data()
    data["rows"][4]["target"]["nilai"] = "banyak"
    data["rows"][9]["jadwal"] = [1, 13]
    del data["rows"][20]["pelaksana"]
    data["periode"] = "minggu"
    result = check_data(data, CheckConfig())
    found = _schema(result)
    assert (5, "target.nilai") in found
    assert (10, "jadwal.1") in found
    assert (21, "pelaksana") in found
    assert (None, "periode") in found
    assert len(found) == 4
    by_field = {f.field: f for f in result.findings if f.rule == "schema"}
    assert by_field["target.nilai"].severity is Severity.ERROR
    assert by_field["target.nilai"].lokasi is not None
    assert by_field["target.nilai"].lokasi.baris == 5
    assert "wajib" in by_field["pelaksana"].message
    # The rules still ran on what could be read.
    assert any(f.rule == "missing-pelaksana" and f.row == 21 for f in result.findings)


def test_schema_messages_in_english() -> None:
    data = seed_data()
    data["rows"][0]["jadwal"] = [0]
    result = check_data(data, CheckConfig(lang="en"))
    messages = [f.message for f in result.findings if f.rule == "schema"]
    assert messages == ["jadwal.0: 0 is below the limit 1"]


def test_a_missing_top_level_key_names_it() -> None:
    data = seed_data()
    del data["document"]
    result = check_data(data)
    assert (None, "document") in _schema(result)


def test_json_that_is_no_document_gives_findings_not_a_crash() -> None:
    for data in ([1, 2], {"rows": "nope"}, {"source": 3, "rows": [{"jadwal": "x"}]}):
        result = check_data(copy.deepcopy(data))
        assert _schema(result), data
        assert all(f.severity is Severity.ERROR for f in result.findings if f.rule == "schema")


def test_schema_can_be_ignored() -> None:
    data = seed_data()
    data["periode"] = "minggu"
    result = check_data(data, CheckConfig(ignore=frozenset({"schema"})))
    assert _schema(result) == []
