"""The help pages (``-h``, ``--help``) and usage lines, in the run's language.

Typer (0.26 on) renders help through its own copy of click, whose words ("Usage:",
"Options", "Show this message and exit.", metavars such as ``<list[Path]>``) are plain
English strings that no translation catalogue reaches. So ``RakCommand`` and ``RakGroup``
(``rak/cli.py``) write their pages here, from what each command declares: its help text,
each parameter's names, metavar, help and default (declared in both languages with
``rak.i18n.said``), and the words of the page itself from ``rak.i18n.WORDS``. Only click's
plain attributes of a parameter are read (``opts``, ``metavar``, ``help``, ``default``,
``required``, ``nargs``, ``envvar``, ``hidden``), which every click and typer keep.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable
from typing import Any

from extractor.language import in_language

from .i18n import WORDS, help_text

# The column of option names never takes more than this share of the page.
NAMES_SHARE = 0.4


def page_width() -> int:
    """The terminal's width, kept between 60 and 100 columns (80 when not a terminal)."""
    return max(60, min(100, shutil.get_terminal_size((80, 24)).columns))


def metavar(param: Any, lang: str) -> str:
    """What stands for a parameter's value: its declared metavar in ``lang``, else its name
    in capitals; ``...`` after one that takes several."""
    name = help_text(param.metavar, lang) if param.metavar else (param.name or "").upper()
    return f"{name}..." if param.nargs == -1 else name


def usage_line(command: Any, ctx: Any, lang: str) -> str:
    """``Penggunaan: rak check [OPSI] BERKAS...`` (the options, then each argument)."""
    pieces = [in_language(WORDS["help_options_metavar"], lang)]
    if hasattr(command, "list_commands"):
        pieces.append(in_language(WORDS["help_command_metavar"], lang))
    for param in command.params:
        if param.param_type_name == "argument" and not param.hidden:
            shown = metavar(param, lang)
            pieces.append(shown if param.required else f"[{shown}]")
    return f"{in_language(WORDS['help_usage'], lang)} {ctx.command_path} {' '.join(pieces)}"


def _paragraphs(text: str, width: int, indent: str = "  ") -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines += textwrap.wrap(" ".join(paragraph.split()), width, initial_indent=indent,
                               subsequent_indent=indent)
        lines.append("")
    return lines


def _definitions(rows: Iterable[tuple[str, str]], width: int) -> list[str]:
    """Two columns, names then help; a name too long for its column puts its help below."""
    rows = list(rows)
    limit = int(width * NAMES_SHARE)
    names = min(limit, max((len(n) for n, _ in rows if len(n) <= limit), default=0))
    lines: list[str] = []
    for name, text in rows:
        left = f"  {name}"
        indent = " " * (names + 4)
        wrapped = textwrap.wrap(text, max(20, width - len(indent))) or [""]
        if len(name) > names:
            lines.append(left)
            lines += [indent + w for w in wrapped]
            continue
        lines.append(left.ljust(names + 4) + wrapped[0])
        lines += [indent + w for w in wrapped[1:]]
    return lines


def _param_row(param: Any, lang: str) -> tuple[str, str]:
    if param.param_type_name == "argument":
        names = metavar(param, lang)
    else:
        names = ", ".join(sorted(param.opts, key=len))
        if not getattr(param, "is_flag", False):
            names += f" {metavar(param, lang)}"
    text = help_text(param.help or "", lang)
    notes = []
    default = param.default
    shown = getattr(param, "show_default", False)
    if isinstance(shown, str):
        notes.append(in_language(WORDS["help_default"], lang, value=shown))
    elif shown and default not in (None, False, "", ()) and not getattr(param, "is_flag", False):
        notes.append(in_language(WORDS["help_default"], lang, value=default))
    if param.envvar:
        notes.append(in_language(WORDS["help_env"], lang, name=param.envvar))
    if param.required:
        notes.append(in_language(WORDS["help_required"], lang))
    if notes:
        text = f"{text} [{'; '.join(notes)}]".strip()
    return names, text


def help_page(command: Any, ctx: Any, lang: str, width: int | None = None) -> str:
    """The whole help page of ``command`` (a command or the group) in ``lang``."""
    width = width or page_width()
    lines = [usage_line(command, ctx, lang), ""]
    if command.help:
        lines += _paragraphs(help_text(command.help, lang), width - 2)
    visible = [p for p in command.params if not p.hidden]
    arguments = [p for p in visible if p.param_type_name == "argument"]
    options = [p for p in visible if p.param_type_name != "argument"]
    if arguments:
        lines.append(in_language(WORDS["help_arguments"], lang) + ":")
        lines += _definitions((_param_row(p, lang) for p in arguments), width)
        lines.append("")
    rows = [_param_row(p, lang) for p in options]
    help_option = command.get_help_option(ctx)
    if help_option is not None:
        rows.append((", ".join(sorted(help_option.opts, key=len)),
                     in_language(WORDS["help_help"], lang)))
    lines.append(in_language(WORDS["help_options"], lang) + ":")
    lines += _definitions(rows, width)
    if hasattr(command, "list_commands"):
        lines += ["", in_language(WORDS["help_commands"], lang) + ":"]
        subcommands = [command.get_command(ctx, name) for name in command.list_commands(ctx)]
        lines += _definitions(
            ((c.name, _first_paragraph(help_text(c.help or "", lang))) for c in subcommands
             if c is not None and not c.hidden),
            width,
        )
        lines += ["", in_language(WORDS["help_one_command"], lang, command=ctx.command_path)]
    if command.epilog:
        lines += [""] + _paragraphs(help_text(command.epilog, lang), width - 2)
    return "\n".join(lines).rstrip() + "\n"


def _first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[0].split())
