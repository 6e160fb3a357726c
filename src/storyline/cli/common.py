"""Shared pieces of the CLI commands: settings options, error handling, safe printing."""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from typing import Any, Literal

import click

from storyline.errors import StorylineError, printable
from storyline.progress import Progress
from storyline.settings import Settings

EXIT_FAILED = 1
EXIT_REJECTED = 3

# Commands live in their own modules; a command whose extra is not installed still lists, and
# explains itself when run.
COMMANDS: dict[str, str] = {
    "analyze": "storyline.cli.corpus:analyze",
    "ingest": "storyline.cli.corpus:ingest",
    "report": "storyline.cli.corpus:report",
    "compare": "storyline.cli.compare:compare",
    "serve": "storyline.cli.serve:serve",
}

def console_safe(text: object) -> str:
    """Text from articles or file names with terminal control characters (ANSI escapes, newlines,
    bidi overrides) made visible and its length capped (:func:`storyline.errors.printable`), so
    nothing an input contains can drive the user's terminal or forge a line of output."""
    return printable(text, limit=1000)


def main_group() -> type[click.Group]:
    class LazyGroup(click.Group):
        def list_commands(self, ctx: click.Context) -> list[str]:
            return list(COMMANDS)

        def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
            target = COMMANDS.get(name)
            if target is None:
                return None
            module, attr = target.split(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except ImportError as exc:
                missing = exc.name or str(exc)

                @click.command(name=name, help=f"(unavailable: {missing} is not installed)")
                def unavailable() -> None:
                    raise click.ClickException(
                        f"the {name!r} command needs {missing!r}; install storyline with the "
                        f"matching extra, e.g. pip install 'storyline[web]'"
                    )

                return unavailable

    return LazyGroup


def settings_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--settings FILE`` and repeatable ``--set SECTION.KEY=VALUE``, parsed into ``settings``."""

    @click.option(
        "--settings", "settings_file", type=click.Path(dir_okay=False), default=None,
        help="TOML file with settings (sections: ingest, annotate, reuse, stories, claims, "
        "checks, report).",
    )
    @click.option(
        "--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE",
        help="Override one setting, e.g. --set reuse.min_passage_chars=60 (repeatable).",
    )
    @functools.wraps(fn)
    def wrapper(*args: Any, settings_file: str | None, overrides: tuple[str, ...], **kw: Any):
        with handle_errors():
            kw["settings"] = Settings.load(settings_file, overrides)
        return fn(*args, **kw)

    return wrapper


class handle_errors:
    """Turn :class:`StorylineError` into one clean line and exit status 1."""

    def __enter__(self) -> handle_errors:
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> Literal[False]:
        if exc is not None and isinstance(exc, StorylineError):
            click.echo(f"storyline: error: {console_safe(exc)}", err=True)
            sys.exit(EXIT_FAILED)
        return False


def progress_for(ctx: click.Context) -> Progress:
    quiet = bool(ctx.find_root().obj and ctx.find_root().obj.get("quiet"))
    return Progress(enabled=False) if quiet else Progress()


def report_rejections(rejected, quiet: bool) -> None:
    for r in rejected:
        click.echo(
            f"storyline: rejected {console_safe(r.source)}: {r.code} {console_safe(r.reason)}",
            err=True,
        )
