"""The command line: python -m generator build | validate | check-data | new <id> | site | watch | serve | clean |
synth."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import kinds, build as site_build
from . import lock, new_article, output_dir, pipeline, quality, serve, synth, watch
from .build_error import BuildError
from .link import Graph
from .problems import DataError, printable

EXIT_FAILED = 1  # the command could not do its work: a file it cannot read or write, or a bug
EXIT_DATA = 2  # the data or the arguments have problems; the editor has something to fix
EXIT_FINDINGS = 1  # check-data: the data is valid, but the report leaves part of its articles out
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
    quality_check = commands.add_parser("check-data", help="the report's quality: every sentence cited, every actor "
                                                           "and place connected (exit 1 with findings)")
    quality_check.set_defaults(command=_check_data)
    _site_commands(commands)
    new = commands.add_parser("new", help="start a new article file from a commented template")
    new.add_argument("id", help="the article's id, such as cnn-2017-10-26-kurdish-clashes")
    new.add_argument("--title", default="TODO: the article's headline")
    new.add_argument("--outlet", default=None, help="id of the media-outlet actor in data/actors.yaml")
    new.add_argument("--published", default=None, help="YYYY-MM-DD (default: today)")
    new.set_defaults(command=_new)
    fake = commands.add_parser("synth", help="write a synthetic corpus of an invented world, for benchmarks")
    fake.add_argument("--articles", type=int, required=True, help="how many articles (about 7 pages each)")
    fake.add_argument("--seed", type=int, default=1, help="the same seed gives the same files (default: 1)")
    fake.add_argument("--out", type=Path, required=True, help="the folder to write (new, empty, or a corpus)")
    fake.set_defaults(command=_synth)
    return parser


def _summary(graph: Graph) -> str:
    data = graph.dataset
    order = [kinds.kind("sources"), *(k for k in kinds.KINDS if k.folder != "sources")]  # articles first
    counts = [(len(kinds.records(data, k)), k.noun) for k in order] + [(len(data.evidence()), "evidence span")]
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)


def _build(args) -> int:
    try:
        with lock.held(Path(lock.LOCK), site_build.DEFAULT_WAIT, _say):  # content/ is shared with site builds
            graph, report = pipeline.build(args.data, args.content)
    except BuildError as err:
        _say(str(err))
        return EXIT_FAILED
    print(f"ok: {_summary(graph)}")
    print(f"content: {len(report.written)} written, {len(report.unchanged)} unchanged, "
          f"{len(report.removed)} removed")
    return 0


def _validate(args) -> int:
    graph = pipeline.check(args.data)
    print(f"ok: {_summary(graph)}; nothing written")
    return 0


def _check_data(args) -> int:
    """Validate, then list what the report leaves out of its articles; 1 when anything is."""
    found = quality.findings(pipeline.graph(args.data))
    for finding in found:
        print(finding)
    noun = "finding" if len(found) == 1 else "findings"
    print(f"{len(found)} {noun}: the report leaves these out of its articles" if found
          else "ok: every sentence is cited, every actor and place is connected")
    return EXIT_FINDINGS if found else 0


def _new(args) -> int:
    target = new_article.start(args.data, args.id, args.title, args.outlet, args.published)
    print(f"created {printable(pipeline.shown(target))}; fill it in, then run: python -m generator validate")
    return 0


def _synth(args) -> int:
    try:
        count = synth.write(args.out, args.articles, args.seed)
    except synth.SynthError as err:
        raise _UsageError(str(err)) from err
    print(f"wrote {count} files into {printable(str(args.out))}/; check them with: "
          f"python -m generator --data {printable(str(args.out))} validate")
    return 0


# ---- The site: a staged build, a watcher with a preview server, a guarded clean ------------------
# make html / publish run `site`, make devserver `watch --serve`, make regenerate `watch`, make serve
# `serve`, make clean `clean`. The project is the working folder (where make runs).

EXIT_FAILED = 1  # the build, the server or the clean could not finish; nothing was changed


def _site_commands(commands) -> None:
    building = commands.add_parser("site", help="build the whole site into a fresh folder, then replace output/ "
                                                "with it")
    _site_options(building)
    building.set_defaults(command=_site)
    watching = commands.add_parser("watch", help="build the site, then rebuild it whenever data/, content/pages/, "
                                                 "theme/ or the settings change")
    _site_options(watching)
    watching.add_argument("--serve", action="store_true", help="serve output/ meanwhile (make devserver)")
    _address_options(watching)
    watching.set_defaults(command=_watch)
    serving = commands.add_parser("serve", help="serve the last build of output/, without watching")
    serving.add_argument("--output", type=Path, default=Path("output"), help="the site (default: output)")
    _address_options(serving)
    serving.set_defaults(command=_serve)
    cleaning = commands.add_parser("clean", help="remove output/, and nothing else")
    cleaning.add_argument("--output", type=Path, default=Path("output"), help="the site (default: output)")
    cleaning.add_argument("--wait", type=float, default=site_build.DEFAULT_WAIT, metavar="SECONDS",
                          help="how long to wait for a build to finish (default: %(default)g)")
    cleaning.set_defaults(command=_clean)


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--settings", type=Path, default=Path("pelican.conf.py"),
                        help="Pelican settings (default: pelican.conf.py; publishconf.py to publish)")
    parser.add_argument("--content", type=Path, default=Path("content"), help="where pages go (default: content)")
    parser.add_argument("--output", type=Path, default=Path("output"), help="the site (default: output)")
    parser.add_argument("--wait", type=float, default=site_build.DEFAULT_WAIT, metavar="SECONDS",
                        help="how long to wait for another build to finish (default: %(default)g; 0: do not wait)")


def _address_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="the address to serve on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="the port to serve on (default: 8000)")


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _site(args) -> int:
    """One staged build: output/ is replaced only when everything succeeded."""
    try:
        return _staged_build(args)
    except KeyboardInterrupt:
        _say(f"build interrupted; {_left_as_it_was(args)}")
        return 130


def _staged_build(args) -> int:
    """Build once; any failure is reported (never a traceback) and leaves output/ and content/ as they were."""
    paths = site_build.SitePaths(Path.cwd(), args.data, args.content, args.output, args.settings)
    try:
        report = site_build.build_site(paths, args.wait, _say)
    except DataError as err:
        _say(err.report())
        status = EXIT_DATA
    except BuildError as err:
        _say(str(err))
        status = EXIT_FAILED
    except Exception as err:  # a bug: one line, the site kept, and a watcher keeps watching
        _say(_unexpected(err))
        status = EXIT_FAILED
    else:
        written = report.content
        print(f"ok: {_summary(report.graph)}")
        print(f"site: {args.output}/ replaced ({report.files} files); content: {len(written.written)} written, "
              f"{len(written.unchanged)} unchanged, {len(written.removed)} removed", flush=True)
        return 0
    _say(f"build failed; {_left_as_it_was(args)}")
    return status


def _unexpected(err: Exception) -> str:
    return f"unexpected {type(err).__name__}: {err} (a bug in the generator; please report it with the data)"


def _left_as_it_was(args) -> str:
    try:
        output = output_dir.checked(Path.cwd(), args.output)
    except DataError:
        return "nothing was changed"
    if output.is_dir():
        return f"the previous site in {args.output}/ is unchanged"
    return f"no site was written to {args.output}/"


def _watch(args) -> int:
    """Build, then rebuild on every change (serving output/ with --serve) until Ctrl-C; no failure stops it."""
    output = output_dir.checked(Path.cwd(), args.output, also_protected=(args.data, args.content))
    try:
        # Bound before the first build, so that a busy port fails at once, not after a build.
        server = serve.open_server(output, args.host, args.port) if args.serve else None
    except BuildError as err:
        _say(str(err))
        return EXIT_FAILED
    try:
        if server:
            serve.serve_in_background(server)  # the last good site is served while the first build runs
            print(f"serving {serve.address(server)} from {args.output}/ (Ctrl-C to stop)", flush=True)
        _staged_build(args)
        watched = _sources(args)
        shown = ", ".join(f"{printable(pipeline.shown(p))}/" for p in watched.folders)
        watch.rebuild_on_change(watched, lambda: _staged_build(args), _say,
                                ready=lambda: print(f"watching {shown} and the settings (Ctrl-C to stop)", flush=True))
    except KeyboardInterrupt:
        pass
    finally:
        if server:
            server.server_close()
    return 0


def _sources(args) -> watch.Sources:
    """What a build reads: the data, the hand-written pages, the theme and the settings."""
    settings = {args.settings, *Path.cwd().glob("*.py")}  # every one: publishconf.py runs pelican.conf.py
    return watch.sources([args.data, args.content / site_build.HAND_WRITTEN, Path("theme")], sorted(settings))


def _serve(args) -> int:
    """Serve the last build of output/ until Ctrl-C, saying first if the data has problems since."""
    output = args.output.resolve()
    if not output.is_dir():
        _say(f"no site in {args.output}/ yet; build it first: make html")
        return EXIT_FAILED
    try:
        server = serve.open_server(output, args.host, args.port)
    except BuildError as err:
        _say(str(err))
        return EXIT_FAILED
    _warn_if_the_data_fails(args)
    print(f"serving {serve.address(server)} from {args.output}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _warn_if_the_data_fails(args) -> None:
    # The editor should know when the site served no longer matches the data.
    try:
        pipeline.check(args.data)
        return
    except DataError as err:
        _say(err.report())
    except Exception as err:  # a bug: one line; the site is still served
        _say(_unexpected(err))
    _say(f"the data has problems: serving {args.output}/ as it was last built")


def _clean(args) -> int:
    """Remove output/ and nothing else: the folder is checked first, then removed under the build lock."""
    output = output_dir.checked(Path.cwd(), args.output, also_protected=(args.data,))
    try:
        with lock.held(Path(lock.LOCK), args.wait, _say):
            output_dir.recover(output)
            removed = output_dir.remove(output)
    except (BuildError, OSError) as err:
        _say(f"clean failed: {err}")
        return EXIT_FAILED
    print(f"removed {args.output}/" if removed else f"nothing to remove: there is no {args.output}/")
    return 0
