"""The ``rak`` application: every command, registered here and nowhere else.

A command is a plain function in its own module (``cmd_extract.py``, ``cmd_check.py``,
``cmd_debug.py``); the modules import nothing from here. Its parameters are ``Annotated``
options (the shared ones from ``rak.options``); it reads through ``extractor``/``checks``,
runs a file's work under ``rak.failures.guarded``, writes through ``rak.output`` (``emit``:
stdout or ``-o``) and ends with ``typer.Exit(code)``. A new command: a ``cmd_<name>.py`` with
its function, imported and registered below (``app.command(NAME, cls=RakCommand)``), and a
line in README's command table (``tests/test_docs.py`` checks that every command has help).

Each command runs inside ``RakCommand``: whatever it raises, an unreadable input, an output
that cannot be written or a bug, ends as one line on stderr and the exit code
``rak.failures.exit_for`` gives it (README, "Exit codes"), never as a traceback.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand

from .cmd_check import check_cmd, rules_cmd
from .cmd_debug import debug_cmd
from .cmd_extract import extract_cmd
from .failures import MESSAGE_LANG, exit_for, fail


class RakCommand(TyperCommand):
    """A command whose failures end in one line and an exit code (``exit_for``)."""

    def invoke(self, ctx: Any) -> Any:
        token = MESSAGE_LANG.set(ctx.params.get("lang") or "id")
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as e:  # noqa: BLE001 - the edge: a bug becomes exit 3, not a traceback
            code, message = exit_for(e, MESSAGE_LANG.get(), f"rak {ctx.info_name}")
            raise fail(message, code) from None
        finally:
            MESSAGE_LANG.reset(token)


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Baca dan periksa dokumen Rencana Aksi Kinerja (RAK). "
    "Read and audit Rencana Aksi Kinerja (RAK) documents.",
)


@app.callback()
def root() -> None:
    """Baca dan periksa dokumen Rencana Aksi Kinerja (RAK)."""


app.command("extract", cls=RakCommand)(extract_cmd)
app.command("check", cls=RakCommand)(check_cmd)
app.command("rules", cls=RakCommand)(rules_cmd)
app.command("debug", cls=RakCommand)(debug_cmd)


def main() -> None:
    app()
