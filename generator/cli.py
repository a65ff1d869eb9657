"""The command line: python -m generator build | validate | new <id>."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import new_article, pipeline
from .link import Graph
from .problems import DataError, printable

EXIT_FAILED = 1  # the command could not do its work: a file it cannot read or write, or a bug
EXIT_DATA = 2  # the data or the arguments have problems; the editor has something to fix
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status; a failure is told in one line, never a traceback."""
    try:
        args = _parser().parse_args(argv)
        return args.command(args)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return EXIT_DATA
    except _UsageError as err:
        print(printable(str(err)), file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as err:
        print(f"error: {_os_error(err)}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as err:  # noqa: BLE001 - a bug still gets one line, and the editor a way to report it
        print(printable(f"internal error: {type(err).__name__}: {err} (please report it, with the command you ran)"),
              file=sys.stderr)
        return EXIT_FAILED


def _os_error(err: OSError) -> str:
    """'content/actors: Permission denied': the path (escaped) and what the system said."""
    where = " -> ".join(str(path) for path in (err.filename, err.filename2) if path is not None)
    said = err.strerror or str(err)
    return printable(f"{where}: {said}" if where else said)


class _UsageError(Exception):
    """A command line argparse cannot parse, told as one line."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the command and where to get help."""

    def error(self, message: str):
        raise _UsageError(f"{self.prog}: {message} (see: {self.prog} --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")
    commands = parser.add_subparsers(required=True, metavar="command")
    build = commands.add_parser("build", help="validate the data and write Markdown pages into content/")
    build.add_argument("--content", type=Path, default=Path("content"), help="where pages go (default: content)")
    build.set_defaults(command=_build)
    check = commands.add_parser("validate", help="check all the data and write nothing")
    check.set_defaults(command=_validate)
    watch = commands.add_parser("watch", help="build, then rebuild content/ whenever the data changes")
    watch.add_argument("--content", type=Path, default=Path("content"), help="where pages go (default: content)")
    watch.set_defaults(command=_watch)
    new = commands.add_parser("new", help="start a new article file from a commented template")
    new.add_argument("id", help="the article's id, such as cnn-2017-10-26-kurdish-clashes")
    new.add_argument("--title", default="TODO: the article's headline")
    new.add_argument("--outlet", default=None, help="id of the media-outlet actor in data/actors.yaml")
    new.add_argument("--published", default=None, help="YYYY-MM-DD (default: today)")
    new.set_defaults(command=_new)
    return parser


def _summary(graph: Graph) -> str:
    data = graph.dataset
    counts = [(len(data.sources), "source"), (len(data.actors), "actor"), (len(data.places), "place"),
              (len(data.events), "event"), (len(data.quotes), "quote"), (len(data.figures), "figure"),
              (len(data.relationships), "relationship"), (len(data.evidence()), "evidence span")]
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)


def _build(args) -> int:
    graph, report = pipeline.build(args.data, args.content)
    print(f"ok: {_summary(graph)}")
    print(f"content: {len(report.written)} written, {len(report.unchanged)} unchanged, "
          f"{len(report.removed)} removed")
    return 0


def _watch(args) -> int:
    """Rebuild on every change under data/; a bad edit is reported and the last good pages stay."""
    from watchfiles import watch

    _build_once(args)
    print(f"watching {printable(pipeline.shown(args.data))} (Ctrl-C to stop)", flush=True)
    try:
        for _ in watch(args.data):
            _build_once(args)
    except KeyboardInterrupt:
        pass
    return 0


def _build_once(args) -> None:
    try:
        _build(args)
    except DataError as err:
        print(err.report(), file=sys.stderr, flush=True)


def _validate(args) -> int:
    graph = pipeline.check(args.data)
    print(f"ok: {_summary(graph)}; nothing written")
    return 0


def _new(args) -> int:
    target = new_article.start(args.data, args.id, args.title, args.outlet, args.published)
    print(f"created {printable(pipeline.shown(target))}; fill it in, then run: python -m generator validate")
    return 0
