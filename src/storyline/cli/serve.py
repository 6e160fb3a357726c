"""``storyline serve --db corpus.db``: the read-only local web page over a stored corpus."""

from __future__ import annotations

from pathlib import Path

import click

from storyline.cli.common import console_safe, handle_errors, settings_options

_ANY = ("0.0.0.0", "::", "")


@click.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, exists=True),
              help="The store to browse (opened read-only for search).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default serves this machine only; another "
              "address makes the corpus readable by anyone who can reach it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@settings_options
def serve(db: str, host: str, port: int, settings) -> None:
    """Browse the stories, checks, reuse and articles of the corpus in DB in a web browser."""
    import uvicorn

    from storyline.web.app import LOCAL_HOSTS, create_app

    if host in _ANY:
        allowed: tuple[str, ...] = ("*",)
    else:
        allowed = tuple(dict.fromkeys((*LOCAL_HOSTS, host)))
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"storyline: warning: serving on {console_safe(host)}: the corpus is readable "
                   "from other machines", err=True)
    with handle_errors():
        app = create_app(Path(db), settings, allowed_hosts=allowed)
    click.echo(f"storyline: serving {console_safe(db)} on http://{console_safe(host)}:{port}/ "
               "(Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
