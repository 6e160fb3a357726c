"""``storyline analyze``, ``storyline ingest`` and ``storyline report``."""

from __future__ import annotations

import sys

import click

from storyline import api
from storyline.cli.common import (
    EXIT_REJECTED,
    console_safe,
    handle_errors,
    progress_for,
    report_rejections,
    settings_options,
)


def _quiet(ctx: click.Context) -> bool:
    return bool(ctx.find_root().obj and ctx.find_root().obj.get("quiet"))


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for report.json, report.html and report.md.")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Add the articles to this store and report on the whole stored corpus "
              "(default: a temporary store).")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              show_default=True,
              help="spark: run the stages on Spark (local mode unless --spark-master or "
              "spark-submit says otherwise) and also write Parquet tables to OUT/parquet.")
@click.option("--spark-master", default=None, metavar="URL",
              help="Spark master for --engine spark (default local[*]).")
@click.option("--report-max-articles", type=click.IntRange(0), default=None,
              help="--engine spark: write report.json/.html/.md only up to this many articles "
              "(default 50000); the Parquet tables are always written.")
@settings_options
@click.pass_context
def analyze(ctx: click.Context, paths: tuple[str, ...], out_dir: str, db: str | None, engine: str,
            spark_master: str | None, report_max_articles: int | None, settings):
    """Read PATHS (files, directories, - for JSON Lines on stdin) and write the report to OUT."""
    if engine == "spark":
        _analyze_spark(ctx, paths, out_dir, db, spark_master, report_max_articles, settings)
        return
    with handle_errors():
        report = api.analyze(list(paths), settings, db=db, stdin=sys.stdin.buffer,
                             progress=progress_for(ctx))
        written = report.write(out_dir)
    report_rejections(report.rejected, _quiet(ctx))
    if not _quiet(ctx):
        click.echo(
            f"{_n(len(report.documents), 'article')}, {_n(len(report.stories), 'story')}, "
            f"{_n(len(report.families), 'source family')}, {_n(len(report.checks), 'check')}; "
            f"{_n(len(report.rejected), 'input')} rejected -> {console_safe(written['html'])}",
            err=True,
        )
    sys.exit(EXIT_REJECTED if report.rejected else 0)


def _analyze_spark(ctx: click.Context, paths: tuple[str, ...], out_dir: str, db: str | None,
                   master: str | None, max_articles: int | None, settings) -> None:
    from storyline.engine.spark import REPORT_MAX_ARTICLES, run_paths

    if db is not None:
        raise click.UsageError("--db is for the local engine; --engine spark reads PATHS only")
    if "-" in paths:
        raise click.UsageError("--engine spark reads files and directories, not standard input")
    with handle_errors():
        run = run_paths(list(paths), out_dir, settings, master=master,
                        report_max_articles=REPORT_MAX_ARTICLES if max_articles is None
                        else max_articles)
    report_rejections(run.rejected, _quiet(ctx))
    if not _quiet(ctx):
        where = run.files["html"] if run.files else run.parquet["articles"].parent
        click.echo(f"{_n(run.n_articles, 'article')}; {_n(len(run.rejected), 'input')} "
                   f"rejected -> {console_safe(where)}", err=True)
    sys.exit(EXIT_REJECTED if run.rejected else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The store to add to.")
@settings_options
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str, settings):
    """Add PATHS to the persistent corpus in DB (articles already there are skipped)."""
    with handle_errors():
        summary = api.ingest_corpus(list(paths), db, settings, stdin=sys.stdin.buffer,
                             progress=progress_for(ctx))
    report_rejections(summary.rejected, _quiet(ctx))
    if not _quiet(ctx):
        click.echo(
            f"{len(summary.added)} added, {len(summary.skipped)} already in the corpus, "
            f"{len(summary.rejected)} rejected",
            err=True,
        )
    sys.exit(EXIT_REJECTED if summary.rejected else 0)


@click.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False, exists=True),
              help="The store to report on.")
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False))
@click.option("--recluster", is_flag=True,
              help="Re-cluster all stored articles into events in batch (slower; refines the "
              "events ingest assigned one by one) and keep the result for later ingests; "
              "align every reuse candidate pair afresh with the corpus's statistics of today.")
@settings_options
@click.pass_context
def report(ctx: click.Context, db: str, out_dir: str, recluster: bool, settings):
    """Write the report of the whole corpus stored in DB to OUT (events as ingest assigned them)."""
    with handle_errors():
        rep = api.report_corpus(db, settings, progress=progress_for(ctx), recluster=recluster)
        written = rep.write(out_dir)
    if not _quiet(ctx):
        click.echo(f"{len(rep.documents)} articles -> {console_safe(written['html'])}", err=True)


def _n(count: int, noun: str) -> str:
    """``1 story``, ``2 stories``, ``3 source families``."""
    if count == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count} {plural}"
