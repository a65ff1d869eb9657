"""The command line: python -m generator build | validate | new <id>."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from importlib import resources
from pathlib import Path

from . import ids, pipeline
from .link import Graph
from .problems import DataError, Problem

EXIT_DATA = 2  # the data has problems; the editor has something to fix


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return EXIT_DATA


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
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
    new.add_argument("--outlet", default="your-outlet-id", help="id of the media-outlet actor")
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
    print(f"watching {pipeline.shown(args.data)} (Ctrl-C to stop)", flush=True)
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
    for name, value in (("id", args.id), ("--outlet", args.outlet)):
        if not ids.is_valid(value):
            raise DataError([Problem("(command line)", 1, name, "an id such as 'cnn-2017-10-26-kurdish-clashes'",
                                     repr(value), ids.explain(value))])
    target = args.data / "articles" / f"{args.id}.yaml"
    if target.exists():
        raise DataError([Problem(pipeline.shown(target), 1, "(file)", "a new article id", "an existing file",
                                 "choose another id, or edit that file")])
    published = args.published or datetime.date.today().isoformat()
    template = resources.files("generator.templates").joinpath("article.yaml").read_text("utf-8")
    # json.dumps gives a double-quoted YAML string, safe whatever the title holds.
    text = template.format(id=args.id, title=json.dumps(args.title, ensure_ascii=False)[1:-1],
                           outlet=args.outlet, published=published)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as stream:  # "x": never replace a file that appeared meanwhile
        stream.write(text)
    print(f"created {pipeline.shown(target)}; fill it in, then run: python -m generator validate")
    return 0
