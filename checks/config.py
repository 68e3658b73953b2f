"""How a project tunes the checks: ``rak.toml`` next to the file, in a folder above, or named.

A secretariat whose units are named differently, or that treats a rule as advisory, writes it
down once in ``rak.toml`` instead of repeating options::

    lang = "id"                 # or "en"
    fail-on = "error"           # error | warning | info | never
    select = ["missing-pelaksana", "target-unit-mismatch"]   # only these (default: all)
    ignore = ["unknown-pelaksana"]
    min-confidence = 0.8        # low-confidence: OCR rows below this
    min-keyakinan = 0.7         # layout-uncertain: rows (and pages) read less sure than this
    max-memory = 2048           # MB one file may use while it is read (0: no limit)

    [severity]
    duplicate-row = "error"

    [units]
    defaults = true             # keep the built-in KPU secretariat units
    [[units.known]]
    name = "Subbagian Umum"
    aliases = ["Umum"]

Reading the file is the only I/O in ``checks``; a mistake in it is a usage error, reported
with the file and key, never silently ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extractor.language import LANGS, in_language

from .finding import Severity
from .units import DEFAULT_UNITS, KnownUnit

CONFIG_NAME = "rak.toml"
FAIL_ON = ("error", "warning", "info", "never")
_TOP_KEYS = {
    "lang",
    "fail-on",
    "select",
    "ignore",
    "min-confidence",
    "min-keyakinan",
    "severity",
    "units",
    "max-memory",
}
# rak.toml key -> CheckConfig field, for the thresholds between 0 and 1.
_THRESHOLDS = {"min-confidence": "min_confidence", "min-keyakinan": "min_keyakinan"}


class ConfigError(Exception):
    """A ``rak.toml`` or an option that cannot be used; its text is in both languages."""

    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.texts = {"id": id_text, "en": en_text}

    def message(self, lang: str = "id") -> str:
        return in_language(self.texts, lang)


@dataclass(frozen=True)
class CheckConfig:
    lang: str = "id"
    select: frozenset[str] | None = None  # None: every registered rule
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    units: tuple[KnownUnit, ...] = DEFAULT_UNITS
    min_confidence: float = 0.8
    # A row whose keyakinan is below this was perhaps misread (layout-uncertain).
    min_keyakinan: float = 0.7
    fail_on: str = "error"
    max_memory: int | None = None  # MB for reading one file; None: --max-memory's default
    path: Path | None = None  # the rak.toml this came from, if any

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ConfigError(
                f"bahasa tidak dikenal: {self.lang} (pilih id atau en)",
                f"unknown language: {self.lang} (choose id or en)",
            )
        if self.fail_on not in FAIL_ON:
            raise ConfigError(
                f"fail-on tidak dikenal: {self.fail_on} (pilih {', '.join(FAIL_ON)})",
                f"unknown fail-on: {self.fail_on} (choose {', '.join(FAIL_ON)})",
            )
        for key, name in _THRESHOLDS.items():
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{key} harus antara 0 dan 1", f"{key} must be between 0 and 1")

    @property
    def fail_level(self) -> Severity | None:
        return None if self.fail_on == "never" else Severity(self.fail_on)

    def enabled(self, rule: str) -> bool:
        if rule in self.ignore:
            return False
        return self.select is None or rule in self.select

    def with_options(self, **changes: Any) -> CheckConfig:
        """This config with the command line's options on top (None: keep the file's)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """The nearest ``rak.toml``: in ``start``'s folder (or ``start`` itself), then above."""
    here = start.resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def _bad(path: Path, key: str, id_why: str, en_why: str) -> ConfigError:
    return ConfigError(f"{path}: {key}: {id_why}", f"{path}: {key}: {en_why}")


def _names(path: Path, key: str, value: Any, known: Iterable[str]) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(path, key, "harus daftar nama aturan", "must be a list of rule names")
    check_rule_names(value, known, where=f"{path}: {key}")
    return frozenset(value)


def check_rule_names(names: Iterable[str], known: Iterable[str], where: str = "") -> None:
    """Refuse a rule name that does not exist: a typo would otherwise silence nothing."""
    known_set = set(known)
    unknown = sorted(n for n in names if n not in known_set)
    if unknown:
        prefix = f"{where}: " if where else ""
        raise ConfigError(
            f"{prefix}aturan tidak dikenal: {', '.join(unknown)} (lihat: rak rules)",
            f"{prefix}unknown rule: {', '.join(unknown)} (see: rak rules)",
        )


def _units(path: Path, value: Any) -> tuple[KnownUnit, ...]:
    if not isinstance(value, dict):
        raise _bad(path, "units", "harus tabel [units]", "must be a [units] table")
    extra = set(value) - {"defaults", "known"}
    if extra:
        raise _bad(
            path, "units", f"kunci tak dikenal {sorted(extra)}", f"unknown keys {sorted(extra)}"
        )
    keep = value.get("defaults", True)
    if not isinstance(keep, bool):
        raise _bad(path, "units.defaults", "harus true atau false", "must be true or false")
    units: list[KnownUnit] = list(DEFAULT_UNITS) if keep else []
    for i, item in enumerate(value.get("known", [])):
        key = f"units.known[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise _bad(path, key, 'perlu name = "..."', 'needs name = "..."')
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise _bad(path, key, "aliases harus daftar teks", "aliases must be a list of text")
        units.append(KnownUnit(item["name"], tuple(aliases)))
    return tuple(units)


def parse_config(data: Mapping[str, Any], path: Path, rule_names: Iterable[str]) -> CheckConfig:
    """Turn a parsed ``rak.toml`` into a config, refusing unknown keys, rules and values."""
    known = list(rule_names)
    extra = set(data) - _TOP_KEYS
    if extra:
        raise _bad(path, ", ".join(sorted(extra)), "kunci tak dikenal", "unknown key")
    kwargs: dict[str, Any] = {"path": path}
    if "lang" in data:
        kwargs["lang"] = data["lang"]
    if "fail-on" in data:
        kwargs["fail_on"] = data["fail-on"]
    if "select" in data:
        kwargs["select"] = _names(path, "select", data["select"], known)
    if "ignore" in data:
        kwargs["ignore"] = _names(path, "ignore", data["ignore"], known)
    for key, name in _THRESHOLDS.items():
        if key in data:
            value = data[key]
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise _bad(path, key, "harus angka", "must be a number")
            kwargs[name] = float(value)
    if "max-memory" in data:
        value = data["max-memory"]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _bad(path, "max-memory", "harus bilangan bulat MB, 0 atau lebih",
                       "must be a whole number of MB, 0 or more")
        kwargs["max_memory"] = value
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise _bad(path, "severity", "harus tabel [severity]", "must be a [severity] table")
        check_rule_names(table, known, where=f"{path}: severity")
        levels = {s.value for s in Severity}
        for rule, level in table.items():
            if level not in levels:
                raise _bad(
                    path,
                    f"severity.{rule}",
                    f"pilih {', '.join(sorted(levels))}",
                    f"choose {', '.join(sorted(levels))}",
                )
        kwargs["severity"] = {rule: Severity(level) for rule, level in table.items()}
    if "units" in data:
        kwargs["units"] = _units(path, data["units"])
    return CheckConfig(**kwargs)


def load_config(path: Path, rule_names: Iterable[str]) -> CheckConfig:
    """Read one ``rak.toml``; an unreadable or invalid file is a ``ConfigError``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        from extractor.errors import FileMissing

        missing = FileMissing(str(path))
        raise ConfigError(missing.message("id"), missing.message("en")) from e
    except OSError as e:
        raise ConfigError(
            f"{path}: berkas konfigurasi tidak dapat dibaca ({e.strerror or e})",
            f"{path}: cannot read the configuration file ({e.strerror or e})",
        ) from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: TOML tidak sah ({e})", f"{path}: invalid TOML ({e})") from e
    return parse_config(data, path, rule_names)
