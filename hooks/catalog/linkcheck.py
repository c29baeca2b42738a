"""Opt-in check that every external URL of the catalog still answers (not part of CI or the build).

Each URL is asked with HEAD, and with GET when HEAD is refused or fails; redirects are followed.
Requests are polite: one at a time per host, `delay` seconds apart, with a timeout and a
User-Agent naming the project; different hosts are checked in parallel. Results are cached in
.cache/links.json, and a URL that answered in the last seven days is not asked again.

Dead links are reported by entry, one a line, as the data checks report problems:

    data/papers/multimodal.yaml:12: entry deepeyes: links.code: https://github.com/x/y: 404 Not Found

Run it with `catalog links` or `python -m catalog.linkcheck`.
"""
from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .load import load_catalog
from .models import Catalog
from .problems import Problem
from .render.html import url_host

USER_AGENT = ("awesome-interleaving-reasoning-linkcheck/0.1 "
              "(+https://github.com/awesome-interleaving-reasoning/catalog)")
CACHE_FILE = Path(".cache") / "links.json"
FRESH_FOR = timedelta(days=7)
TIMEOUT = 15.0  # seconds per request
DELAY = 1.0  # seconds between two requests to one host
HOSTS_AT_ONCE = 8
Fetch = Callable[[str, float, Callable[[], None]], "Outcome"]


@dataclass(frozen=True)
class LinkRef:
    """One external URL of the catalog and where it is written."""

    url: str
    file: str  # as the data checks show it, e.g. data/papers/multimodal.yaml
    line: int
    entry: str
    field: str  # 'links.code', 'abstract_source', 'links[2].url' (activities)

    def report(self, status: str) -> str:
        """'file:line: entry <id>: <field>: <url>: <status>'."""
        return str(Problem(self.file, self.line, self.entry, self.field, f"{self.url}: {status}"))


@dataclass(frozen=True)
class Outcome:
    """What a URL answered: ok, a status such as '200' or '404 Not Found' or 'timeout', and when."""

    ok: bool
    status: str
    checked: str = ""  # ISO 8601 UTC time of the check
    final_url: str = ""  # where redirects ended, when they did


# Collecting the URLs


def locate(lines: list[str], needle: str, start: int) -> int:
    """1-based number of the first line at or after `start` that holds needle (else `start`)."""
    for number in range(max(start, 1), len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    return start


def catalog_links(catalog: Catalog, root: Path) -> list[LinkRef]:
    """Every external URL of the papers, standard-reasoning examples and activities, each located
    at its own line of its data file (root is the directory holding data/)."""
    texts: dict[str, list[str]] = {}

    def lines_of(file: str) -> list[str]:
        if file not in texts:
            path = root / file
            texts[file] = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        return texts[file]

    refs = []
    for paper in (*catalog.papers, *catalog.standard_examples):
        lines = lines_of(paper.source_file)
        fields = [(f"links.{kind}", url) for kind, urls in paper.links.items() for url in urls]
        if paper.abstract_source.startswith(("http://", "https://")):
            fields.append(("abstract_source", paper.abstract_source))
        refs += [LinkRef(url, paper.source_file, locate(lines, url, paper.source_line), paper.id, field)
                 for field, url in fields]
    activities_file = "data/activities.yaml"
    lines = lines_of(activities_file)
    for activity in catalog.activities:
        start = locate(lines, f"id: {activity.id}", 1)
        refs += [LinkRef(url, activities_file, locate(lines, url, start), activity.id, f"links[{index}].url")
                 for index, (_, url) in enumerate(activity.links)]
    return refs


# Asking one URL


class KeepMethodRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects with the same method (urllib would turn a HEAD into a GET)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


OPENER = urllib.request.build_opener(KeepMethodRedirects())


def now_utc() -> datetime:
    """The current time, UTC."""
    return datetime.now(UTC)


def request_once(url: str, method: str, timeout: float) -> Outcome:
    """One request; any HTTP status below 400 (after redirects) is ok."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    checked = now_utc().isoformat(timespec="seconds")
    try:
        with OPENER.open(request, timeout=timeout) as response:
            final = response.geturl()
            return Outcome(True, str(response.status), checked, final if final != url else "")
    except urllib.error.HTTPError as err:
        final = err.geturl() or url
        return Outcome(False, f"{err.code} {err.reason}".strip(), checked, final if final != url else "")
    except TimeoutError:
        return Outcome(False, f"timeout after {timeout:g}s", checked)
    except urllib.error.URLError as err:
        if isinstance(err.reason, (TimeoutError, socket.timeout)):
            return Outcome(False, f"timeout after {timeout:g}s", checked)
        return Outcome(False, f"error: {err.reason}", checked)
    except (OSError, ValueError) as err:  # connection reset, bad status line, malformed URL
        return Outcome(False, f"error: {err}", checked)


def check_url(url: str, timeout: float = TIMEOUT, pause: Callable[[], None] = lambda: None) -> Outcome:
    """HEAD the URL; when that is refused or fails (but did not time out), pause, then GET it."""
    outcome = request_once(url, "HEAD", timeout)
    if outcome.ok or outcome.status.startswith("timeout"):
        return outcome
    pause()
    return request_once(url, "GET", timeout)


# The cache


def read_cache(path: Path) -> dict[str, Outcome]:
    """URL -> last outcome; an absent or unreadable cache is empty."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {url: Outcome(**fields) for url, fields in raw.items()}
    except (OSError, ValueError, TypeError):
        return {}


def write_cache(path: Path, cache: dict[str, Outcome]) -> None:
    """Write the cache, sorted by URL, creating its directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({url: asdict(cache[url]) for url in sorted(cache)}, indent=1, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def is_fresh(outcome: Outcome | None, now: datetime, max_age: timedelta = FRESH_FOR) -> bool:
    """Whether a cached outcome is ok and younger than max_age (failures are always asked again)."""
    if outcome is None or not outcome.ok or not outcome.checked:
        return False
    try:
        return now - datetime.fromisoformat(outcome.checked) < max_age
    except ValueError:
        return False


# Checking many URLs


def check_host(urls: list[str], fetch: Fetch, timeout: float, delay: float,
               sleep: Callable[[float], None]) -> dict[str, Outcome]:
    """Ask one host's URLs one after another, every request `delay` seconds after the one before."""

    def pause() -> None:
        if delay > 0:
            sleep(delay)

    outcomes = {}
    for index, url in enumerate(urls):
        if index:
            pause()
        outcomes[url] = fetch(url, timeout, pause)
    return outcomes


def check_links(refs: Iterable[LinkRef], cache_path: Path, *, fetch: Fetch = check_url, timeout: float = TIMEOUT,
                delay: float = DELAY, now: datetime | None = None, max_age: timedelta = FRESH_FOR,
                sleep: Callable[[float], None] = time.sleep) -> dict[str, Outcome]:
    """The outcome of every distinct URL of refs: fresh ones from the cache, the others asked (hosts in
    parallel, one request at a time per host); the cache is updated with every new outcome."""
    now = now or now_utc()
    cache = read_cache(cache_path)
    urls = list(dict.fromkeys(ref.url for ref in refs))
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        if not is_fresh(cache.get(url), now, max_age):
            by_host[url_host(url)].append(url)
    lock = threading.Lock()

    def run(host_urls: list[str]) -> None:
        outcomes = check_host(host_urls, fetch, timeout, delay, sleep)
        with lock:
            cache.update(outcomes)

    try:
        with ThreadPoolExecutor(max_workers=HOSTS_AT_ONCE) as pool:
            list(pool.map(run, by_host.values()))
    finally:
        write_cache(cache_path, cache)
    return {url: cache[url] for url in urls}


def dead_links(refs: Iterable[LinkRef], outcomes: dict[str, Outcome]) -> list[str]:
    """Report lines of the refs whose URL did not answer, in file and line order."""
    refs = sorted(refs, key=lambda ref: (ref.file, ref.line, ref.entry, ref.field, ref.url))
    return [ref.report(outcomes[ref.url].status) for ref in refs if not outcomes[ref.url].ok]


# Command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `catalog links` and `python -m catalog.linkcheck`."""
    parser.add_argument("--data-dir", type=Path, default=Path("data"), help="the data directory (default: data)")
    parser.add_argument("--cache", type=Path, default=CACHE_FILE, help=f"results cache (default: {CACHE_FILE})")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds per request (default: {TIMEOUT:g})")
    parser.add_argument("--delay", type=float, default=DELAY,
                        help=f"seconds between two requests to one host (default: {DELAY:g})")
    parser.add_argument("--max-age", type=float, default=FRESH_FOR.days,
                        help=f"days a URL that answered is not asked again (default: {FRESH_FOR.days})")


def run(args: argparse.Namespace) -> int:
    """Check every link of the catalog in args.data_dir; print dead ones; 1 when there are any."""
    catalog = load_catalog(args.data_dir)
    refs = catalog_links(catalog, Path(args.data_dir).resolve().parent)
    outcomes = check_links(refs, args.cache, timeout=args.timeout, delay=args.delay,
                           max_age=timedelta(days=args.max_age))
    dead = dead_links(refs, outcomes)
    for line in dead:
        print(line)
    print(f"{len(outcomes)} URLs checked, {sum(not o.ok for o in outcomes.values())} dead")
    return 1 if dead else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m catalog.linkcheck`."""
    parser = argparse.ArgumentParser(prog="python -m catalog.linkcheck", description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
