"""Words in the reader's language: every phrase rak shows a person, in one helper.

A phrase is a mapping of language to text (``{"id": "...", "en": "..."}``), Indonesian first;
tables of them sit next to what says them (``rak/i18n.py`` for the command line,
``checks/report/words.py`` for reports, each rule's own words in ``checks/rules/``, each
error's in ``extractor/errors.py``). ``in_language`` picks the text for a language and fills
in its ``{name}`` fields; it lives here, at the bottom of the packages, so every layer uses
the same one.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("id", "en")

# A user-facing phrase in both languages: {"id": "...", "en": "..."}.
Words = Mapping[str, str]


def in_language(words: Words, lang: str, **values: object) -> str:
    """``words`` in ``lang`` (Indonesian where that language is missing), ``{name}`` filled
    in from ``values``."""
    return words.get(lang, words["id"]).format(**values)
