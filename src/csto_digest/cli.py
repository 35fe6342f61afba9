"""The command line. Each command reads the config first, then runs the
stages in order: load every article, group them all, render every page, write.
Nothing is written before everything is gathered (as MkDocs' `build()` does),
so a failure half-way leaves the previous site untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path

import click
import yaml

from .config import ConfigError, load_config


def _echo_problems(problems, quiet: bool = False) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


@click.group()
@click.version_option(package_name="csto-digest")
def main() -> None:
    """Build a digest site of news articles about the CSTO."""


def run() -> None:
    """The `csto-digest` command: `main`, then out of the process without freeing its heap.

    A build holds every record, group and page key to its end, and freeing them
    object by object as the interpreter shuts down took 0.35 s after a rebuild
    at 10,000 articles (a build took 6.1 s to its last line and 6.5 s to exit).
    Every file is written and closed by then, and the system takes the memory
    back whole; only the two output streams, still buffered, are flushed first.
    `main` itself still returns or raises as usual, for tests and other callers.
    """
    try:
        main()
        code: int = 0
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:  # a message, as `sys.exit("...")` gives: printed, as Python would
            print(done.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe must not change the exit code
            stream.flush()
    os._exit(code)


@main.command()
@click.option(
    "--input",
    "inputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Folder (or file) of articles; repeatable. Default: seeds/.",
)
@click.option("--output", type=click.Path(path_type=Path), help="Output folder. Default: build/.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Config file. Default: csto-digest.yml if present."
)
@click.option("--base-url", help="Absolute URL the site is published at (canonical links, feeds, sitemap).")
@click.option("--templates", type=click.Path(path_type=Path), help="Folder of templates overriding ours by name.")
@click.option("--clean", is_flag=True, help="Build from nothing: read no cache, rewrite every page.")
@click.option("--quiet", is_flag=True, help="Print only problems.")
@click.option("--strict", is_flag=True, help="Exit 1 if any warning or error was reported (notes do not count).")
def build(inputs, output, config_path, base_url, templates, clean, quiet, strict) -> None:
    """Load, group and render the articles into a static site."""
    from .pipeline import run_build
    from .progress import Progress

    try:
        config = load_config(config_path, inputs=inputs, output=output, base_url=base_url, templates=templates)
    except ConfigError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    started = time.perf_counter()
    try:
        progress = Progress.for_terminal(quiet)
        try:
            report = run_build(config, clean=clean, progress=progress)
        finally:
            progress.finish()
    except ConfigError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    except (OSError, ValueError) as error:
        # Nothing was switched in: the previous site is still the published one.
        click.echo(f"error: the build failed, the previous site is untouched: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted: the previous site is untouched", err=True)
        sys.exit(130)
    _echo_problems(report.problems)
    if not quiet:
        click.echo(report.summary(time.perf_counter() - started))
    if report.articles == 0 or (strict and any(p.severity != "note" for p in report.problems)):
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@click.option("--config", "config_path", type=click.Path(path_type=Path))
def inspect(files, fmt, config_path) -> None:
    """Print the records extracted from FILES, without building."""
    from .load.corpus import load_files

    try:
        config = load_config(config_path)
    except ConfigError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    result = load_files(list(files), config, roots=[Path(f) for f in files])  # ids as a build of them would give
    _echo_problems(result.problems)
    records = [a.to_json() for a in result.articles]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        click.echo(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))


@main.command()
@click.option("--input", "inputs", multiple=True, type=click.Path(path_type=Path))
@click.option("--output", type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path))
@click.option("--templates", type=click.Path(path_type=Path))
@click.option("--port", default=8000, show_default=True, type=int)
def serve(inputs, output, config_path, templates, port) -> None:
    """Serve the site on 127.0.0.1, rebuilding when an article, the config or a template changes."""
    from .pipeline import run_build
    from .serve import serve as serve_site

    def configured():
        return load_config(config_path, inputs=inputs, output=output, templates=templates)

    try:
        config = configured()
    except ConfigError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)

    def rebuild() -> None:
        started = time.perf_counter()
        try:
            report = run_build(configured())
        except ConfigError as error:  # keep serving the last good site
            click.echo(f"error: {error}", err=True)
            return
        _echo_problems(report.problems)
        click.echo(report.summary(time.perf_counter() - started))

    rebuild()
    watched = [*config.inputs, *(p for p in (config.config_path, config.templates) if p)]
    click.echo(f"Serving {config.output} at http://127.0.0.1:{port}/index.html (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        serve_site(config.output, watched, rebuild, port)


@main.command()
@click.option(
    "--output",
    "site",
    type=click.Path(path_type=Path),
    default=Path("build"),
    show_default=True,
    help="The built site to publish.",
)
@click.option("--remote", default="origin", show_default=True)
@click.option("--branch", default="gh-pages", show_default=True)
@click.option("--message", default=None, help="Commit message.")
@click.option("--no-push", is_flag=True, help="Commit to the branch without pushing.")
def publish(site, remote, branch, message, no_push) -> None:
    """Put the built site on the Pages branch of this repository."""
    from .publish import PublishError, publish_site

    try:
        publish_site(site, remote=remote, branch=branch, message=message, push=not no_push)
    except PublishError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    click.echo(f"Published {site} to {remote}/{branch}")


@main.command(name="check")
@click.option(
    "--input",
    "inputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Folder (or file) of articles; repeatable. Default: seeds/.",
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 if anything is reported.")
def check_command(inputs, config_path, fmt, strict) -> None:
    """Report what in the extracted records deserves a human look."""
    from .checks import check, counts, problem_findings
    from .group import FeatureCache, QuoteStageFile, group_articles
    from .load.corpus import load_corpus

    try:
        config = load_config(config_path, inputs=inputs)
    except ConfigError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    loaded = load_corpus(config)
    # the build's caches, both ways
    groups = group_articles(loaded.articles, config, FeatureCache(config.cache_dir), QuoteStageFile(config.cache_dir))
    findings = problem_findings(loaded.problems) + check(loaded.articles, groups)
    tally = counts(findings)
    if fmt == "json":
        report = {"articles": len(loaded.articles), "counts": tally, "findings": [f.to_json() for f in findings]}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(str(finding))
        summary = ", ".join(f"{n} {kind}" for kind, n in tally.items()) or "nothing to report"
        click.echo(f"{len(loaded.articles)} articles checked: {summary}")
    if strict and findings:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--mistakes", is_flag=True, help="List every mistake under the table.")
def eval_command(gold, config_path, fmt, mistakes) -> None:
    """Score the extraction against a hand-labelled GOLD.yaml (precision, recall, F1 per field)."""
    from .evaluate import GoldError, evaluate

    try:
        config = load_config(config_path)
        report = evaluate(gold, config)
    except (ConfigError, GoldError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(report.to_json_text())
    else:
        click.echo(report.explain() if mistakes else report.table())
