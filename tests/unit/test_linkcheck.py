"""The opt-in external link checker, offline: a local HTTP server answers 200, 404, 405, redirects and stalls."""
from __future__ import annotations

import http.server
import json
import shutil
import socketserver
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from catalog import cli, linkcheck
from catalog.linkcheck import LinkRef, Outcome
from catalog.models import Catalog

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
TIMEOUT = 0.5  # the stalling path never answers, so this bounds the timeout test


class Recorder:
    """What the server saw: (method, path) counts and user agents; `release` frees stalled requests."""

    def __init__(self) -> None:
        self.seen: Counter = Counter()
        self.agents: set[str] = set()
        self.lock = threading.Lock()
        self.release = threading.Event()


def make_handler(recorder: Recorder) -> type[http.server.BaseHTTPRequestHandler]:
    """A handler whose paths each answer one way; it records every request."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def answer(self) -> None:
            with recorder.lock:
                recorder.seen[(self.command, self.path)] += 1
                recorder.agents.add(self.headers.get("User-Agent", ""))
            self.route()

        def route(self) -> None:
            if self.path == "/stall":
                recorder.release.wait()  # until the fixture ends: the client times out first
                return
            if self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/ok")
            elif self.path == "/moved-to-missing":
                self.send_response(302)
                self.send_header("Location", "/missing")
            elif self.path.startswith("/ok") or (self.path == "/no-head" and self.command == "GET"):
                self.send_response(200)
            elif self.path == "/no-head":
                self.send_response(405)
            else:
                self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_HEAD = do_GET = answer

    return Handler


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@pytest.fixture(name="server")
def fixture_server():
    """A local server on a free port; yields (base URL, recorder)."""
    recorder = Recorder()
    server = Server(("127.0.0.1", 0), make_handler(recorder))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", recorder
    recorder.release.set()
    server.shutdown()
    server.server_close()


def ref(url: str, entry: str = "demo", field: str = "links.paper", line: int = 3) -> LinkRef:
    """A link of an entry of data/papers/demo.yaml."""
    return LinkRef(url, "data/papers/demo.yaml", line, entry, field)


@pytest.mark.parametrize(("path", "ok", "status", "requests"), [
    ("/ok", True, "200", [("HEAD", "/ok")]),
    ("/missing", False, "404 Not Found", [("HEAD", "/missing"), ("GET", "/missing")]),
    ("/no-head", True, "200", [("HEAD", "/no-head"), ("GET", "/no-head")]),
    ("/moved", True, "200", [("HEAD", "/moved"), ("HEAD", "/ok")]),
    ("/moved-to-missing", False, "404 Not Found",
     [("HEAD", "/moved-to-missing"), ("HEAD", "/missing"), ("GET", "/moved-to-missing"), ("GET", "/missing")]),
], ids=["ok", "not-found", "head-refused", "redirect", "redirect-to-missing"])
def test_check_url_status(server, path: str, ok: bool, status: str, requests: list) -> None:
    """HEAD first, GET only when HEAD fails, redirects followed with the same method."""
    base, recorder = server
    outcome = linkcheck.check_url(base + path, TIMEOUT)
    assert (outcome.ok, outcome.status) == (ok, status)
    assert recorder.seen == Counter(requests)
    assert recorder.agents == {linkcheck.USER_AGENT}


def test_redirect_records_where_it_ended(server) -> None:
    """A redirected URL keeps the final URL in its outcome."""
    base, _ = server
    assert linkcheck.check_url(base + "/moved", TIMEOUT).final_url == base + "/ok"


def test_timeout_is_reported_without_a_get(server) -> None:
    """A server that never answers is a timeout, and is not asked a second time."""
    base, recorder = server
    outcome = linkcheck.check_url(base + "/stall", TIMEOUT)
    assert (outcome.ok, outcome.status) == (False, f"timeout after {TIMEOUT:g}s")
    assert recorder.seen == Counter({("HEAD", "/stall"): 1})


def test_unreachable_host_is_an_error() -> None:
    """A refused connection is reported as an error, not raised."""
    with socketserver.TCPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler) as closed:
        port = closed.server_address[1]
    outcome = linkcheck.check_url(f"http://127.0.0.1:{port}/", TIMEOUT)
    assert not outcome.ok and outcome.status.startswith("error:")


def test_dead_links_are_reported_by_entry(server, tmp_path: Path) -> None:
    """Each dead link is one 'file:line: entry <id>: <field>: <url>: <status>' line; live ones are silent."""
    base, _ = server
    refs = [ref(base + "/ok", "alive", line=2), ref(base + "/missing", "gone", "links.code", 9),
            ref(base + "/stall", "slow", "links.project", 5)]
    outcomes = linkcheck.check_links(refs, tmp_path / "links.json", timeout=TIMEOUT, delay=0, now=NOW)
    assert linkcheck.dead_links(refs, outcomes) == [
        f"data/papers/demo.yaml:5: entry slow: links.project: {base}/stall: timeout after {TIMEOUT:g}s",
        f"data/papers/demo.yaml:9: entry gone: links.code: {base}/missing: 404 Not Found",
    ]


@pytest.mark.parametrize(("paths", "requests"), [
    (["/ok/1", "/ok/2", "/ok/3"], 3),
    (["/missing", "/ok/1", "/no-head"], 5),
], ids=["head-only", "with-get-fallbacks"])
def test_one_request_at_a_time_per_host_with_a_delay(server, tmp_path: Path, monkeypatch, paths: list[str],
                                                     requests: int) -> None:
    """A host's requests, GET fallbacks included, go one after another with the delay slept before each next one."""
    base, recorder = server
    slept, in_flight, most = [], [0], [0]
    request_once = linkcheck.request_once

    def counted(*args) -> Outcome:
        in_flight[0] += 1
        most[0] = max(most[0], in_flight[0])
        try:
            return request_once(*args)
        finally:
            in_flight[0] -= 1

    monkeypatch.setattr(linkcheck, "request_once", counted)
    refs = [ref(base + path) for path in paths]
    linkcheck.check_links(refs, tmp_path / "links.json", delay=0.25, now=NOW, sleep=slept.append)
    assert most[0] == 1
    assert sum(recorder.seen.values()) == requests and slept == [0.25] * (requests - 1)


def test_a_url_used_twice_is_asked_once(server, tmp_path: Path) -> None:
    """The same URL in two entries is one request and two report lines."""
    base, recorder = server
    refs = [ref(base + "/missing", "a"), ref(base + "/missing", "b")]
    outcomes = linkcheck.check_links(refs, tmp_path / "links.json", delay=0, now=NOW)
    assert recorder.seen[("HEAD", "/missing")] == 1
    assert len(linkcheck.dead_links(refs, outcomes)) == 2


@pytest.mark.parametrize(("cached", "age", "asked"), [
    (Outcome(True, "200"), timedelta(days=1), False),
    (Outcome(True, "200"), timedelta(days=8), True),
    (Outcome(False, "404 Not Found"), timedelta(hours=1), True),
    (None, None, True),
], ids=["fresh-ok-skipped", "stale-ok-asked", "recent-failure-asked", "unknown-asked"])
def test_cache_skips_only_recent_successes(server, tmp_path: Path, cached: Outcome | None, age, asked: bool) -> None:
    """A URL that answered within seven days is taken from the cache; anything else is asked again."""
    base, recorder = server
    cache = tmp_path / ".cache" / "links.json"
    url = base + "/ok"
    if cached:
        checked = (NOW - age).isoformat(timespec="seconds")
        linkcheck.write_cache(cache, {url: Outcome(cached.ok, cached.status, checked)})
    outcomes = linkcheck.check_links([ref(url)], cache, delay=0, now=NOW)
    assert (sum(recorder.seen.values()) > 0) == asked
    assert outcomes[url].ok == (asked or cached.ok)


def test_cache_file_holds_every_outcome(server, tmp_path: Path) -> None:
    """After a run the cache maps each URL to ok, status and check time, and a second run asks nothing."""
    base, recorder = server
    cache = tmp_path / ".cache" / "links.json"
    refs = [ref(base + "/ok"), ref(base + "/missing")]
    linkcheck.check_links(refs, cache, delay=0, now=NOW)
    stored = json.loads(cache.read_text(encoding="utf-8"))
    assert {url: (v["ok"], v["status"]) for url, v in stored.items()} == {
        base + "/ok": (True, "200"), base + "/missing": (False, "404 Not Found")}
    assert all(datetime.fromisoformat(v["checked"]).tzinfo for v in stored.values())
    asked = sum(recorder.seen.values())
    linkcheck.check_links([refs[0]], cache, delay=0, now=NOW + timedelta(days=1))
    assert sum(recorder.seen.values()) == asked


def test_unreadable_cache_is_empty(tmp_path: Path) -> None:
    """A corrupt cache file is ignored rather than fatal."""
    cache = tmp_path / "links.json"
    cache.write_text("{not json", encoding="utf-8")
    assert linkcheck.read_cache(cache) == {}


def test_catalog_links_cover_every_url_at_its_line(catalog: Catalog) -> None:
    """Every link of every entry is collected, located on the data-file line that holds it."""
    root = ROOT
    refs = linkcheck.catalog_links(catalog, root)
    expected = sum(len(urls) for p in (*catalog.papers, *catalog.standard_examples) for _, urls in p.links.items())
    assert len([r for r in refs if r.field.startswith("links.")]) == expected
    assert len([r for r in refs if r.field.startswith("links[")]) == sum(len(a.links) for a in catalog.activities)
    for link in refs:
        assert link.url in (root / link.file).read_text(encoding="utf-8").splitlines()[link.line - 1], link


# `catalog links`


def fresh_cache(path: Path, urls: list[str]) -> None:
    """A cache in which every URL answered 200 just now."""
    checked = linkcheck.now_utc().isoformat(timespec="seconds")
    linkcheck.write_cache(path, {url: Outcome(True, "200", checked) for url in urls})


def test_links_command_has_help(capsys) -> None:
    """`catalog links --help` describes the command and its options."""
    assert cli.main(["links", "--help"]) == 0
    out = capsys.readouterr().out
    assert "every external URL" in out and all(opt in out for opt in ("--cache", "--timeout", "--delay", "--max-age"))


def test_links_command_with_everything_cached_asks_nothing(catalog: Catalog, tmp_path: Path, capsys) -> None:
    """With every URL checked OK today, the command makes no request, finds nothing dead and exits 0."""
    urls = {ref.url for ref in linkcheck.catalog_links(catalog, ROOT)}
    fresh_cache(tmp_path / "links.json", sorted(urls))
    code = cli.main(["links", "--data-dir", str(ROOT / "data"), "--cache", str(tmp_path / "links.json"),
                     "--timeout", "0.01"])
    assert (code, capsys.readouterr().out) == (0, f"{len(urls)} URLs checked, 0 dead\n")


def test_links_command_reports_a_dead_link_by_entry(server, catalog: Catalog, tmp_path: Path, capsys) -> None:
    """A paper whose code link is gone is reported at its line, and the command exits 1."""
    base, _ = server
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    papers = project / "data" / "papers" / "multi-agent.yaml"
    start = len(papers.read_text(encoding="utf-8").splitlines())
    with papers.open("a", encoding="utf-8") as out:
        out.write(f"\n- id: gone-code\n  title: A paper whose code is gone\n  category: multi-agent\n"
                  f"  subcategory: debate\n  date: 2024-01\n  links:\n    paper: {base}/ok\n"
                  f"    code: {base}/missing\n  added: '2026-01-01'\n  authors: [Ada Lovelace]\n  authors_source: a test\n")
    cache = tmp_path / "links.json"
    fresh_cache(cache, sorted({ref.url for ref in linkcheck.catalog_links(catalog, ROOT)}))
    code = cli.main(["links", "--data-dir", str(project / "data"), "--cache", str(cache), "--delay", "0"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0] == f"data/papers/multi-agent.yaml:{start + 9}: entry gone-code: links.code: {base}/missing: 404 Not Found"
    assert lines[-1].endswith("URLs checked, 1 dead")
