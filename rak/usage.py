"""Usage errors (an unknown option, a missing argument, a bad value) in the run's language.

Typer's copy of click raises them with English sentences built in place (``No such option:
--x``, ``Missing argument 'paths'``, ``Invalid value for '--max-pages': Input should be a
valid integer ...``) and prints them in an English frame ("Usage:", "Try ... for help",
"Error"). ``RakGroup.main`` (``rak/cli.py``) catches them instead and ``usage_error`` says
them again from what the exception carries: its kind, the option or parameter it names (whose
expected type the command's own annotations tell), the usage line of the command. Only the
few messages click keeps as bare sentences (extra arguments, an unknown command) are read
from their text. What is not recognised is shown as click wrote it, in the same frame.

These exception classes are typer's (``typer._click``, since 0.26); pyproject pins the typer
versions whose classes these are, and ``tests/test_cli_usage.py`` meets each kind.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from typer._click import exceptions as click_errors

from extractor.language import in_language

from .help import metavar, usage_line
from .i18n import WORDS
from .near import near_names

_EXTRA = re.compile(r"^Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\)$")
_NO_COMMAND = re.compile(r"^No such command (?P<name>.+?)\.(?: Did you mean .*)?$")
_MISSING_COMMAND = re.compile(r"^Missing command\.?$")
_NO_VALUE = re.compile(r"does not take a value")


def _words(key: str, lang: str, **values: object) -> str:
    return in_language(WORDS[key], lang, **values)


def _option_names(command: Any, ctx: Any) -> list[str]:
    names = [o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")]
    help_option = command.get_help_option(ctx)
    return names + (list(help_option.opts) if help_option is not None else [])


def _with_near(message: str, name: str, choices: list[str], lang: str) -> str:
    near = near_names(name, choices)
    if not near:
        return message
    return _words("usage_did_you_mean", lang, message=message, names=", ".join(near))


def _param_name(param: Any, lang: str) -> str:
    if param.param_type_name == "argument":
        return metavar(param, lang)
    return str(max(param.opts, key=len))


def _expected(param: Any, ctx: Any, lang: str) -> str | None:
    """What a value of ``param`` must be, from the command function's annotation and the
    option's bounds; None for a type with nothing to say (text, paths)."""
    callback = getattr(ctx.command, "callback", None) if ctx is not None else None
    try:
        hints = typing.get_type_hints(callback) if callback is not None else {}
    except (NameError, TypeError):
        hints = {}
    kinds = {int: "usage_integer", float: "usage_number"}
    base = hints.get(param.name)
    wanted = next((kinds[t] for t in typing.get_args(base) or (base,) if t in kinds), None)
    if wanted is None:
        return None
    kind = _words(wanted, lang)
    # typer 0.29 keeps an option's bounds on the option, earlier releases on its click range type.
    bounds = param if hasattr(param, "min") else getattr(param, "type", None)
    low, high = getattr(bounds, "min", None), getattr(bounds, "max", None)
    if low is not None and high is not None:
        return _words("usage_between", lang, kind=kind, low=low, high=high)
    if low is not None:
        return _words("usage_at_least", lang, kind=kind, low=low)
    if high is not None:
        return _words("usage_at_most", lang, kind=kind, high=high)
    return kind


def _message(e: click_errors.ClickException, lang: str) -> str:
    """The one sentence that says what is wrong, in ``lang``."""
    ctx = getattr(e, "ctx", None)
    command = ctx.command if ctx is not None else None
    if isinstance(e, click_errors.NoSuchOption):
        said = _words("usage_no_such_option", lang, name=e.option_name)
        long = e.option_name.startswith("--")  # a long name for a long one, short for short
        choices = [o for o in (_option_names(command, ctx) if command is not None else [])
                   if o.startswith("--") == long]
        return _with_near(said, e.option_name, choices, lang)
    if isinstance(e, click_errors.MissingParameter) and e.param is not None:
        key = ("usage_missing_argument" if e.param.param_type_name == "argument"
               else "usage_missing_option")
        return _words(key, lang, name=_param_name(e.param, lang))
    if isinstance(e, click_errors.BadParameter) and e.param is not None:
        name = _param_name(e.param, lang)
        expected = _expected(e.param, ctx, lang)
        if expected is None:
            return f"{_words('usage_bad_value_plain', lang, name=name)} ({e.message})"
        return _words("usage_bad_value", lang, name=name, expected=expected)
    if isinstance(e, click_errors.BadOptionUsage):
        key = "usage_takes_no_value" if _NO_VALUE.search(e.message) else "usage_needs_value"
        return _words(key, lang, name=e.option_name)
    text = e.format_message()
    if m := _EXTRA.match(text):
        return _words("usage_extra_arguments", lang, args=m["args"])
    if m := _NO_COMMAND.match(text):
        name = m["name"].strip("'\"")
        said = _words("usage_no_such_command", lang, name=name)
        lister = getattr(command, "list_commands", None)
        choices = list(lister(ctx)) if lister is not None else []
        return _with_near(said, name, choices, lang)
    if _MISSING_COMMAND.match(text):
        return _words("usage_missing_command", lang)
    return text


def usage_error(e: click_errors.ClickException, lang: str) -> str:
    """The text a usage error leaves on stderr: the command's usage line and where to find
    help, then ``Kesalahan: ...`` / ``Error: ...`` (the last line, and the one that matters)."""
    ctx = getattr(e, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(usage_line(ctx.command, ctx, lang))
        lines.append(_words("usage_try", lang, command=ctx.command_path))
    lines.append(_words("usage_error", lang, message=_message(e, lang)))
    return "\n".join(lines) + "\n"


def is_no_args_help(e: BaseException) -> bool:
    """The group run without arguments: its help stands in for the error."""
    return isinstance(e, click_errors.NoArgsIsHelpError)


# What RakGroup.main catches: every error typer's click shows to the user.
ClickException = click_errors.ClickException
