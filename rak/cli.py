"""The ``rak`` application: every command, registered here and nowhere else.

A command is a plain function in its own module (``cmd_extract.py``, ``cmd_check.py``,
``cmd_debug.py``); the modules import nothing from here. Its parameters are ``Annotated``
options (the shared ones from ``rak.options``, ``--version`` and ``--lang`` among them); its
help text is declared in both languages beside it (``rak.i18n.said``); it reads through
``extractor``/``checks``, runs a file's work under ``rak.failures.guarded``, writes through
``rak.output`` (``emit``: stdout or ``-o``) and ends with ``typer.Exit(code)``. A new
command: a ``cmd_<name>.py`` with its function and help, imported and registered below
(``app.command(NAME, cls=RakCommand, help=...)``), and a line in README's command table
(``tests/test_docs.py`` checks that every command has help).

A run speaks one language (``rak.i18n.run_language``: ``--lang``, else ``RAK_LANG``, else
Indonesian). ``RakGroup.main`` settles it before anything is parsed, so that typer's own
texts are said in it too: the help pages (``rak.help``) and the usage errors (``rak.usage``),
which typer would print in English.

Each command runs inside ``RakCommand``: whatever it raises, an unreadable input, an output
that cannot be written or a bug, ends as one line on stderr and the exit code
``rak.failures.exit_for`` gives it (README, "Exit codes"), never as a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from .cmd_check import CHECK_HELP, RULES_HELP, check_cmd, rules_cmd
from .cmd_debug import DEBUG_HELP, debug_cmd
from .cmd_extract import EXTRACT_HELP, extract_cmd
from .failures import MESSAGE_LANG, check_lang, exit_for, fail
from .help import help_page
from .i18n import run_language, said
from .options import LANG, VersionOpt
from .serve.command import SERVE_HELP, serve_cmd


class RakCommand(TyperCommand):
    """A command whose failures end in one line and an exit code (``exit_for``), with its
    help page in the run's language."""

    def invoke(self, ctx: Any) -> Any:
        token = MESSAGE_LANG.set(ctx.params.get("lang") or MESSAGE_LANG.get())
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError):
            raise  # typer's to end: an exit, a usage error, a reader gone (rak rules | head)
        except Exception as e:  # noqa: BLE001 - the edge: a bug becomes exit 3, not a traceback
            code, message = exit_for(e, MESSAGE_LANG.get(), f"rak {ctx.info_name}")
            raise fail(message, code) from None
        finally:
            MESSAGE_LANG.reset(token)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_page(self, ctx, MESSAGE_LANG.get()))


class RakGroup(TyperGroup):
    """The ``rak`` group: the run's language first, then typer's parsing, with its usage
    errors said in that language (``rak.usage``) instead of typer's English frame."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        token = MESSAGE_LANG.set(run_language(argv))
        try:
            if not standalone_mode:
                return super().main(argv, prog_name, complete_var, False, windows_expand_args,
                                    **extra)
            self._standalone(argv, prog_name, complete_var, windows_expand_args, **extra)
        finally:
            MESSAGE_LANG.reset(token)

    def _standalone(self, argv: list[str], prog_name: str | None, complete_var: str | None,
                    windows_expand_args: bool, **extra: Any) -> NoReturn:
        from .i18n import WORDS
        from .usage import ClickException, is_no_args_help, usage_error

        lang = MESSAGE_LANG.get()
        try:
            code = super().main(argv, prog_name, complete_var, False, windows_expand_args,
                                **extra)
        except ClickException as e:
            if is_no_args_help(e):
                sys.stderr.write(e.format_message() + "\n")
            else:
                sys.stderr.write(usage_error(e, lang))
            sys.exit(e.exit_code)
        except typer.Abort:
            from extractor.language import in_language

            sys.stderr.write(in_language(WORDS["usage_aborted"], lang) + "\n")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_page(self, ctx, MESSAGE_LANG.get()))


app = typer.Typer(
    name="rak",  # the program's name wherever it is run from (CliRunner says "root")
    cls=RakGroup,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=said(
        id="Baca dan periksa dokumen Rencana Aksi Kinerja (RAK): PDF (juga hasil pindai), "
        "Word (.docx, .doc) dan Excel (.xlsx, .xls).",
        en="Read and audit Rencana Aksi Kinerja (RAK) documents: PDF (scans too), Word "
        "(.docx, .doc) and Excel (.xlsx, .xls).",
    ),
    epilog=said(
        id="Pesan dalam bahasa Indonesia; dalam bahasa Inggris dengan --lang en (atau "
        "RAK_LANG=en).",
        en="Messages are in Indonesian; in English with --lang en (or RAK_LANG=en).",
    ),
)


RootLangOpt = Annotated[
    str | None,
    typer.Option("--lang", metavar=LANG, help=said(
        id="Bahasa pesan semua perintah: id (bawaan) atau en.",
        en="Language of every command's messages: id (the default) or en.")),
]


@app.callback()
def root(ctx: typer.Context, lang: RootLangOpt = None, version: VersionOpt = False) -> None:
    """``rak --lang en COMMAND`` is ``rak COMMAND --lang en``: given to the group, the
    language becomes every command's ``--lang`` (click's ``default_map``), so a command's
    own ``--lang`` still wins and a rak.toml's does not."""
    if lang is not None:
        lang = check_lang(lang)
        ctx.default_map = {c.name: {"lang": lang} for c in app.registered_commands if c.name}


app.command("extract", cls=RakCommand, help=EXTRACT_HELP)(extract_cmd)
app.command("check", cls=RakCommand, help=CHECK_HELP)(check_cmd)
app.command("rules", cls=RakCommand, help=RULES_HELP)(rules_cmd)
app.command("debug", cls=RakCommand, help=DEBUG_HELP)(debug_cmd)
app.command("serve", cls=RakCommand, help=SERVE_HELP)(serve_cmd)


def main() -> None:
    app()
