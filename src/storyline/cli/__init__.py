"""The command line: a thin layer over :mod:`storyline.api`.

Library errors become one clean line on standard error and an exit status:

* 0: everything was read and analysed;
* 1: the run failed (bad settings, unusable store, no spaCy pipeline), message names the cause;
* 2: wrong usage (click's convention);
* 3: some inputs were rejected (each named with its reason); the others were analysed.
"""

from __future__ import annotations

import logging

import click

from storyline._version import __version__
from storyline.cli.common import EXIT_REJECTED, console_safe, main_group

__all__ = ["main", "cli", "EXIT_REJECTED", "console_safe"]


@click.group(cls=main_group())
@click.version_option(__version__, prog_name="storyline")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("-v", "--verbose", count=True, help="More detail on standard error (-vv: debug).")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: int) -> None:
    """storyline: what is actually established across many news reports of one story."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="storyline: %(levelname)s: %(message)s")
    ctx.obj = {"quiet": quiet, "verbose": verbose}


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="storyline")


if __name__ == "__main__":  # pragma: no cover
    main()
