"""rak.toml: found next to the file or above it, validated, applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import RULE_NAMES, CheckConfig, ConfigError, Severity, find_config, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_next_to_the_file_or_above(tmp_path: Path) -> None:
    doc = tmp_path / "a" / "b" / "rak.pdf"
    doc.parent.mkdir(parents=True)
    doc.write_bytes(b"%PDF-")
    assert find_config(doc) is None
    above = write(tmp_path / "a" / "rak.toml", 'lang = "en"\n')
    assert find_config(doc) == above
    beside = write(tmp_path / "a" / "b" / "rak.toml", 'lang = "id"\n')
    assert find_config(doc) == beside


def test_full_config(tmp_path: Path) -> None:
    path = write(
        tmp_path / "rak.toml",
        """
lang = "en"
fail-on = "warning"
ignore = ["unknown-pelaksana"]
min-confidence = 0.6

[severity]
duplicate-row = "error"

[units]
defaults = false
[[units.known]]
name = "Bagian Umum"
aliases = ["Umum"]
""",
    )
    config = load_config(path, RULE_NAMES)
    assert config.lang == "en"
    assert config.fail_level is Severity.WARNING
    assert not config.enabled("unknown-pelaksana") and config.enabled("duplicate-row")
    assert config.severity == {"duplicate-row": Severity.ERROR}
    assert [u.name for u in config.units] == ["Bagian Umum"]
    assert config.min_confidence == 0.6
    assert config.path == path


def test_select_keeps_only_those(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "rak.toml", 'select = ["schema"]\n'), RULE_NAMES)
    assert config.enabled("schema") and not config.enabled("missing-pelaksana")


def test_units_are_added_to_the_defaults(tmp_path: Path) -> None:
    path = write(tmp_path / "rak.toml", '[[units.known]]\nname = "Bendahara"\n')
    names = [u.name for u in load_config(path, RULE_NAMES).units]
    assert "Bendahara" in names and "Sekretaris" in names


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('ignore = ["no-such-rule"]\n', "no-such-rule"),
        ('colour = "red"\n', "colour"),
        ('lang = "fr"\n', "fr"),
        ('fail-on = "sometimes"\n', "sometimes"),
        ('[severity]\nschema = "fatal"\n', "severity.schema"),
        ('min-confidence = "high"\n', "min-confidence"),
        ("[units]\nknown = [{aliases = []}]\n", "units.known[0]"),
        ("lang = \n", "TOML"),
    ],
)
def test_mistakes_are_errors_naming_the_key(tmp_path: Path, text: str, says: str) -> None:
    path = write(tmp_path / "rak.toml", text)
    with pytest.raises(ConfigError) as e:
        load_config(path, RULE_NAMES)
    assert says in e.value.message("en")
    assert e.value.message("id")


def test_a_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_config(tmp_path / "none.toml", RULE_NAMES)


def test_command_line_options_win() -> None:
    config = CheckConfig(lang="en", fail_on="warning").with_options(lang="id", fail_on=None)
    assert config.lang == "id" and config.fail_on == "warning"
