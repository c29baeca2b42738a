"""`make bench`: does the site stay fast from the real catalog to 10,000 papers?

What it measures, for the real catalog and for synthetic catalogs of 1,000 and 10,000 papers
(benchmarks/synth.py writes them into temporary copies of the project):

- strict build: wall time of `mkdocs build --strict` in a subprocess, and the build process's
  peak RSS (os.wait4 rusage): once with no catalog cache (.cache/ removed, as in CI), then
  BUILD_RUNS times with the cache that build left. Each catalog is built against a *bare baseline*
  in the same run: a mkdocs-material site with the same theme and the search plugin, one plain
  Markdown page per paper (its title and abstract) and nothing else. Site and baseline builds
  alternate, so load from other work on the machine hits both alike; the ratio is the figure to
  trust on a shared machine.
- time per paper, and the scaling exponent log(t10k / t1k) / log(10) (1.0 = linear).
- load + validation: `load_catalog(data)` in a fresh interpreter (imports not counted), cold
  (no cache under .cache/) and, if the loader caches, again with the cache warm.
- page weights: the largest category page and the largest paper page (raw and gzipped, and the
  bytes of the page's own <article>), the search index (search/search_index.json).
- browser (headless Chromium via Playwright, the built site served on localhost), on the largest
  category page: DOMContentLoaded, table ready (ms after DOMContentLoaded), and input-to-paint for
  typing a word into the table filter and for clearing it (set the value, dispatch `input`, then
  await two requestAnimationFrame callbacks in page JS), median of KEY_RUNS; taking turns with the
  same keystrokes into a plain input added to the same page (the baseline: what any keystroke
  costs there), and the ratio per pair.
- search at 10,000 papers: time from opening Material's search right after the page's load event,
  and typing a word a key at a time, to the first result for the whole word; the same on the bare
  baseline (Material's search alone over one page per paper), runs alternating, and the ratio.

Every figure is the median and the spread (min-max) of several runs. The result is one Markdown
table on stdout (also written to benchmarks/out/latest.md) with each target's verdict.

    python benchmarks/bench.py            # the full run (about 15 minutes on 2 cores)
    python benchmarks/bench.py --quick    # fewer runs
    python benchmarks/bench.py --project /path/to/copy --sizes 1000 --no-browser
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import math
import os
import platform
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "benchmarks" / "out"
SIZES = (1000, 10000)
RUNS = {"build": 3, "load": 3, "edit": 3, "page": 5, "keys": 20, "search": 5, "lighthouse": 3}
QUICK_RUNS = {"build": 1, "load": 1, "edit": 1, "page": 2, "keys": 5, "search": 2, "lighthouse": 1}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}
BROWSER_TIMEOUT_MS = 180_000  # a 10,000-paper page on a busy 2-core machine can take a while
FILTER_WORD = "planning"  # matches about 15% of the rows, real or synthetic
SEARCH_QUERY = "grounding"
FILTER_INPUT = '.air-filter input[type="search"]'
FILTER_READY = ".air-filter[data-ready]"  # filter.js sets data-ready once the rows are bound and drawn
GZIP_LEVEL = 6  # what web servers typically use
CACHE_DIR = ".cache"
# Projects and sites live in memory (tmpfs): on this machine's disk, creating and deleting files costs system time
# that swings from 1 s to 36 s for the same 40,000 files, with nothing of the build's own in it.
WORK_ROOT = "/dev/shm"
TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"]
TRACE_TOP = 6


# Statistics


@dataclass
class Stat:
    """Samples of one figure; shown as 'median (min-max)'."""

    samples: list[float] = field(default_factory=list)
    digits: int = 2

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else math.nan

    def __str__(self) -> str:
        if not self.samples:
            return "—"
        fmt = f"{{:.{self.digits}f}}"
        if len(self.samples) == 1:
            return fmt.format(self.median)
        return f"{fmt.format(self.median)} ({fmt.format(min(self.samples))}–{fmt.format(max(self.samples))})"


def one(value: float | None, digits: int = 2) -> Stat:
    return Stat([value] if value is not None else [], digits)


# Machine


VERSIONS_SNIPPET = ("import mkdocs, importlib.metadata as m; "
                    "print('MkDocs', mkdocs.__version__, '/ mkdocs-material', m.version('mkdocs-material'))")


def machine_info() -> dict[str, str]:
    """CPU model, cores, Python, MkDocs, Material and Chromium versions."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    chromium = run_quiet([CHROMIUM, "--version"]) if Path(CHROMIUM).exists() else "not installed"
    versions = run_quiet([sys.executable, "-c", VERSIONS_SNIPPET])
    return {"CPU": cpu, "cores": str(os.cpu_count()), "Python": platform.python_version(), "site tools": versions,
            "Chromium": chromium, "load average at start": load_average()}


def load_average() -> str:
    """1, 5 and 15-minute load averages: other work on the machine during the run."""
    path = Path("/proc/loadavg")
    return " ".join(path.read_text().split()[:3]) if path.exists() else "?"


def run_quiet(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


# Projects


def papers_of(project: Path) -> list[dict]:
    """The raw paper entries of a project (no validation: the build does that)."""
    entries = []
    for path in sorted((project / "data" / "papers").glob("*.yaml")):
        entries += yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    return entries


def theme_of(project: Path) -> dict:
    """The project's theme settings without its custom_dir (tags in mkdocs.yml are ignored)."""
    class Loose(yaml.SafeLoader):
        pass
    Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loose)
    theme = dict(config.get("theme") or {"name": "material"})
    theme.pop("custom_dir", None)
    return theme


def make_bare_project(dest: Path, papers: list[dict], theme: dict) -> None:
    """Same theme and search, one plain page per paper (title and abstract), nothing else."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    (docs / "papers").mkdir(parents=True)
    config = {"site_name": "Bare baseline", "theme": theme, "plugins": ["search"],
              "nav": ["index.md"], "not_in_nav": "/papers/"}
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (docs / "index.md").write_text(f"# Bare baseline\n\n{len(papers)} plain pages.\n", encoding="utf-8")
    for paper in papers:
        text = f"# {paper['title']}\n\n{paper.get('abstract', '')}\n"
        (docs / "papers" / f"{paper['id']}.md").write_text(text, encoding="utf-8")


@dataclass
class Catalog:
    """One catalog under test: its project copy, its bare baseline and what was measured."""

    label: str
    project: Path
    bare: Path
    papers: int
    figures: dict[str, Stat] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    traces: dict[str, list] = field(default_factory=dict)

    @property
    def site(self) -> Path:
        return self.project / "site"


def prepare(label: str, size: int | None, source: Path, work: Path) -> Catalog:
    """Copy the project (real papers, or `size` synthetic ones) and write its bare baseline."""
    project, bare = work / f"{label}-site", work / f"{label}-bare"
    if size is None:
        synth.copy_project(source, project, with_papers=True)
    else:
        synth.make_synthetic_project(source, project, size)
    papers = papers_of(project)
    make_bare_project(bare, papers, theme_of(project))
    return Catalog(label, project, bare, len(papers))


# Builds


def build_env(project: Path) -> dict[str, str]:
    """The build imports the copy's own catalog package (hooks/), not the installed one."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project / "hooks"), env.get("PYTHONPATH", "")]))
    return env


def timed_build(project: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one `mkdocs build --strict` of project into project/site.

    CPU time (user + system of the build process) hardly moves when other work shares the
    machine; wall time does. Both are kept."""
    log = project / "build.log"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=build_env(project), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build of {project} failed:\n" + "\n".join(log.read_text().splitlines()[-30:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def add_sample(cat: Catalog, prefix: str, sample: tuple) -> None:
    """Append (wall, CPU[, RSS]) to the figures prefix, prefix_cpu[, prefix_rss]."""
    for suffix, value, digits in zip(("", "_cpu", "_rss"), sample, (2, 2, 1)):
        cat.figures.setdefault(prefix + suffix, Stat(digits=digits)).samples.append(value)


def measure_builds(cat: Catalog, runs: int) -> None:
    """One build with no catalog cache (as in CI or a fresh clone), then site and bare builds
    alternating, the site's with the cache the first build left (as in a rebuild of unchanged data)."""
    shutil.rmtree(cat.project / CACHE_DIR, ignore_errors=True)
    add_sample(cat, "build_cold", timed_build(cat.project))
    for _ in range(runs):
        add_sample(cat, "build", timed_build(cat.project))
        add_sample(cat, "bare", timed_build(cat.bare))
    f = cat.figures
    f["ratio"] = Stat([s / b for s, b in zip(f["build"].samples, f["bare"].samples)])
    f["ratio_cpu"] = Stat([s / b for s, b in zip(f["build_cpu"].samples, f["bare_cpu"].samples)])
    f["per_paper"] = Stat([1000 * s / cat.papers for s in f["build_cpu"].samples])
    f["pages"] = one(len(list(cat.site.rglob("index.html"))), 0)


LOAD_SNIPPET = """
import sys, time
from pathlib import Path
import yaml
from catalog.load import load_catalog
cpu = time.process_time()
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
parse_cpu = time.process_time() - cpu
start, cpu = time.perf_counter(), time.process_time()
catalog = load_catalog(sys.argv[1])
print(time.perf_counter() - start, time.process_time() - cpu, parse_cpu, len(catalog.papers))
"""


def timed_load(project: Path) -> tuple[float, float, float]:
    """(wall s, CPU s) of load_catalog(data) in a fresh interpreter, imports excluded, and the CPU s PyYAML's C
    loader (CSafeLoader) takes merely to parse the same files, in the same interpreter just before."""
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET, str(project / "data")], cwd=project,
                         env=build_env(project), capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"load_catalog failed for {project}:\n{out.stderr[-3000:]}")
    wall, cpu, parse_cpu, _count = out.stdout.split()
    return float(wall), float(cpu), float(parse_cpu)


def measure_load(cat: Catalog, runs: int) -> None:
    """Cold (no .cache/), against a bare parse of the same files, and, if the loader left a cache, warm."""
    cache = cat.project / CACHE_DIR
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        wall, cpu, parse_cpu = timed_load(cat.project)
        add_sample(cat, "load", (wall, cpu))
        add_sample(cat, "parse", (parse_cpu,))
        cat.figures.setdefault("load_ratio", Stat()).samples.append(cpu / parse_cpu)
        if cache.exists():
            add_sample(cat, "load_cached", timed_load(cat.project)[:2])


# The maintainer's edit loop

EDIT_MARK = "edited-by-the-benchmark"
SERVE_START_TIMEOUT_S = 900  # the first build of 10,000 papers on a busy machine
EDIT_TIMEOUT_S = 600
POLL_S = 0.05


def free_port() -> int:
    with socketserver.TCPServer(("127.0.0.1", 0), None) as probe:
        return probe.server_address[1]


def served_text(url: str) -> str | None:
    """The body of url, or None while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, test, timeout: float) -> bool:
    """Poll url until its body passes test (a state, not a time: the poll interval only bounds the error)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = served_text(url)
        if body is not None and test(body):
            return True
        time.sleep(POLL_S)
    return False


def edited_title(text: str, paper_id: str, mark: str) -> str:
    """The YAML text with `mark` added to the end of the title of entry `paper_id` (plain or quoted scalar)."""
    lines = text.split("\n")
    start = lines.index(f"- id: {paper_id}")
    for index in range(start + 1, len(lines)):
        if lines[index].startswith("  title: "):
            line = lines[index].rstrip()
            quote = line[-1] if line[-1] in "'\"" and len(line) > len("  title: ") + 1 else ""
            lines[index] = f"{line[:-1]} {mark}{quote}" if quote else f"{line} {mark}"
            return "\n".join(lines)
    raise ValueError(f"no title line for {paper_id}")


def measure_edit_loop(cat: Catalog, runs: int) -> None:
    """Save one entry of data/ while `mkdocs serve` runs, until the served paper page shows the change: wall s.
    Each run adds a new mark to the same title (the file's first paper), so every save is a real change."""
    files = sorted((cat.project / "data" / "papers").glob("*.yaml"), key=lambda p: p.stat().st_size)
    path = files[-1]
    original = path.read_text(encoding="utf-8")
    paper_id = re.search(r"^- id: (\S+)$", original, re.MULTILINE).group(1)
    site_path = urllib.parse.urlsplit(re.search(r"^site_url: (\S+)", (cat.project / "mkdocs.yml").read_text(),
                                                re.MULTILINE).group(1)).path
    port = free_port()
    url = f"http://127.0.0.1:{port}{site_path}papers/{paper_id}/"
    log = (cat.project / "serve.log").open("w")
    env = dict(build_env(cat.project), TMPDIR=str(cat.project.parent))  # serve builds into a temporary folder
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=cat.project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        if not wait_for(url, lambda body: True, SERVE_START_TIMEOUT_S):
            cat.notes.append("edit loop: `mkdocs serve` did not serve the paper page")
            return
        for run in range(runs):
            mark = f"{EDIT_MARK}-{run}"
            start = time.perf_counter()
            path.write_text(edited_title(original, paper_id, mark), encoding="utf-8")
            if not wait_for(url, lambda body, wanted=mark: wanted in body, EDIT_TIMEOUT_S):
                cat.notes.append(f"edit loop: the served page never showed the change (see {log.name})")
                return
            cat.figures.setdefault("edit", Stat()).samples.append(time.perf_counter() - start)
        bare = cat.figures["bare"].median
        cat.figures["edit_ratio"] = Stat([sample / bare for sample in cat.figures["edit"].samples])
    finally:
        path.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=60)
        log.close()


# Page weights


def weights(path: Path) -> tuple[float, float, float]:
    """(raw KB, gzipped KB, KB of its <article>) of an HTML file."""
    raw = path.read_bytes()
    article = re.search(rb"<article\b.*?</article>", raw, re.DOTALL)
    return len(raw) / 1024, len(gzip.compress(raw, GZIP_LEVEL)) / 1024, len(article.group(0)) / 1024 if article else 0


def papers_per_category(cat: Catalog) -> dict[str, int]:
    """Category id -> number of papers, for the categories that have a page."""
    counts: dict[str, int] = {}
    for entry in papers_of(cat.project):
        if (cat.site / entry["category"] / "index.html").exists():
            counts[entry["category"]] = counts.get(entry["category"], 0) + 1
    return counts


def measure_weights(cat: Catalog) -> None:
    pages = papers_per_category(cat)
    largest = max(pages, key=lambda c: (cat.site / c / "index.html").stat().st_size)
    cat.largest_category = max(pages, key=pages.get)  # most papers: the one the browser measures
    cat.largest_category_papers = pages[cat.largest_category]
    raw, gz, _ = weights(cat.site / largest / "index.html")
    cat.figures["cat_raw"], cat.figures["cat_gz"] = one(raw, 1), one(gz, 1)
    all_papers = cat.site / "papers" / "index.html"
    if all_papers.exists():
        raw, gz, _ = weights(all_papers)
        cat.figures["all_raw"], cat.figures["all_gz"] = one(raw, 1), one(gz, 1)
    paper_pages = list((cat.site / "papers").glob("*/index.html"))
    if paper_pages:
        biggest = max(paper_pages, key=lambda p: p.stat().st_size)
        raw, gz, own = weights(biggest)
        cat.figures["paper_raw"], cat.figures["paper_gz"], cat.figures["paper_own"] = one(raw, 1), one(gz, 1), one(own, 1)
    index = cat.site / "search" / "search_index.json"
    if index.exists():
        data = index.read_bytes()
        cat.figures["search_mb"] = one(len(data) / 2**20)
        cat.figures["search_gz_mb"] = one(len(gzip.compress(data, GZIP_LEVEL)) / 2**20)


# Browser


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Gzipped(Quiet):
    """Text compressed with gzip when the client accepts it, as GitHub Pages serves a site."""

    COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.endswith("/"):
            return super().send_head()  # the redirect to the folder's URL
        path = path / "index.html" if path.is_dir() else path
        kind = self.guess_type(str(path))
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or not kind.startswith(self.COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL)
        self.send_response(200)
        for name, value in (("Content-Type", kind), ("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))):
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, handler: type = Quiet):
    """The directory served on a free localhost port; yields the base URL."""
    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Table ready: filter.js marks its panel `data-ready` once it has read the rows (or the island),
# drawn them and enabled the controls. Without a filter on the page the load event stands in.
# An init script records the first moment the mark is there.
READY_SCRIPT = """
(() => {
  const mark = () => { if (window.__airReady === undefined && document.querySelector('READY_SELECTOR'))
    window.__airReady = performance.now(); };
  new MutationObserver(mark).observe(document, {subtree: true, childList: true, attributes: true});
  document.addEventListener('DOMContentLoaded', mark);
})();
""".replace("READY_SELECTOR", FILTER_READY)

TIMINGS_JS = """
() => { const nav = performance.getEntriesByType('navigation')[0];
  return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, ready: window.__airReady ?? null,
          filter: !!document.querySelector('READY_SELECTOR')}; }
""".replace("READY_SELECTOR", FILTER_READY)

# Set an input's value, dispatch `input`, and resolve after two animation frames: the frame that
# paints the change has then been produced.
KEYSTROKE_JS = """
async ([selector, value]) => {
  const input = document.querySelector(selector);
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const ms = performance.now() - start;
  const total = document.querySelector('.air-filter .air-total');  // "12 of 70 papers"
  const visible = total ? parseInt(total.textContent, 10) : -1;
  return [ms, visible];
}
"""

# The baseline for the filter's keystrokes: the same keystroke into a plain input that the
# benchmark adds to the same page, which nothing listens to — what any keystroke costs there.
BASELINE_INPUT = "#air-bench-baseline"
ADD_BASELINE_INPUT_JS = """
() => { const input = document.createElement('input'); input.id = 'air-bench-baseline';
        document.querySelector('.md-content').prepend(input); }
"""


def new_context(browser):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    return context


def measure_category_page(browser, url: str, runs: dict, cat: Catalog) -> None:
    """DOMContentLoaded, table ready and the first keystroke over fresh loads; then KEY_RUNS
    keystrokes (type, clear) on the last loaded page."""
    figures = {key: Stat(digits=0) for key in ("dcl", "ready_at", "ready", "key_first")}
    page = context = None
    for run in range(runs["page"]):
        if context:
            context.close()
        context = new_context(browser)
        context.add_init_script(READY_SCRIPT)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # let a deferred filter set-up finish
        t = page.evaluate(TIMINGS_JS)
        if not t["filter"]:
            break
        at = t["ready"]
        figures["dcl"].samples.append(t["dcl"])
        figures["ready_at"].samples.append(at)
        figures["ready"].samples.append(max(0.0, at - t["dcl"]))  # 0: ready before DOMContentLoaded fired
        figures["key_first"].samples.append(page.evaluate(KEYSTROKE_JS, [FILTER_INPUT, FILTER_WORD])[0])
        page.evaluate(KEYSTROKE_JS, [FILTER_INPUT, ""])
    cat.figures.update(figures)
    cat.figures["ready_signal"] = "filter usable" if figures["dcl"].samples else "no filter on the page"
    if figures["dcl"].samples:
        page.evaluate(ADD_BASELINE_INPUT_JS)
        keys = {key: Stat(digits=1) for key in ("key_type", "key_clear", "key_base_type", "key_base_clear")}
        for _ in range(runs["keys"]):  # filter and baseline keystrokes take turns
            ms, cat.filter_matches = page.evaluate(KEYSTROKE_JS, [FILTER_INPUT, FILTER_WORD])
            keys["key_type"].samples.append(ms)
            keys["key_clear"].samples.append(page.evaluate(KEYSTROKE_JS, [FILTER_INPUT, ""])[0])
            keys["key_base_type"].samples.append(page.evaluate(KEYSTROKE_JS, [BASELINE_INPUT, FILTER_WORD])[0])
            keys["key_base_clear"].samples.append(page.evaluate(KEYSTROKE_JS, [BASELINE_INPUT, ""])[0])
        cat.figures.update(keys)
        for kind in ("type", "clear"):
            pairs = zip(keys[f"key_{kind}"].samples, keys[f"key_base_{kind}"].samples)
            cat.figures[f"key_{kind}_ratio"] = Stat([f / b for f, b in pairs])
    context.close()


def measure_search(browser, urls: dict[str, str], runs: int, cat: Catalog) -> None:
    """From clicking Material's search box right after the load event, and typing the query a key at a
    time as a reader does, to the first result for the whole query (its link carries `h=<query>`, from
    the search.highlight feature). The site and the bare baseline (`urls`: figure key -> site URL)
    take turns; their ratio is taken per pair."""
    figures = {key: Stat(digits=0) for key in urls}
    for _ in range(runs):
        for key, url in urls.items():
            context = new_context(browser)
            page = context.new_page()
            page.goto(url, wait_until="load")
            start = time.perf_counter()
            page.click("input.md-search__input")
            page.keyboard.type(SEARCH_QUERY)
            page.wait_for_selector(f'.md-search-result__item > a[href*="h={SEARCH_QUERY}"]')
            figures[key].samples.append(1000 * (time.perf_counter() - start))
            context.close()
    cat.figures.update(figures)
    if len(figures) == 2:
        site, bare = figures.values()
        cat.figures["search_ratio"] = Stat([s / b for s, b in zip(site.samples, bare.samples)])


def trace_keystroke(browser, url: str, value: str) -> list[tuple[str, float, int]]:
    """Chromium trace of one keystroke (after typing FILTER_WORD first when value is ''):
    (event name, total ms, count) of the renderer main thread's complete events, largest first."""
    context = new_context(browser)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    if value == "":
        page.evaluate(KEYSTROKE_JS, [FILTER_INPUT, FILTER_WORD])
    trace = OUT_DIR / "trace.json"
    browser.start_tracing(page=page, path=str(trace), categories=TRACE_CATEGORIES)
    page.evaluate(KEYSTROKE_JS, [FILTER_INPUT, value])
    browser.stop_tracing()
    context.close()
    events = json.loads(trace.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    spans = sorted((e["ts"], e["ts"] + e.get("dur", 0), e["name"]) for e in events
                   if e.get("ph") == "X" and (e.get("pid"), e.get("tid")) in main)
    return self_times(spans)[:TRACE_TOP]


def self_times(spans: list[tuple[float, float, str]]) -> list[tuple[str, float, int]]:
    """(name, self ms, count) from nested (start, end, name) spans of one thread, largest first:
    each span's time less that of the spans inside it, so wrappers like RunTask don't hide the work."""
    totals: dict[str, list] = {}
    stack: list[list] = []  # [end, name, child time]

    def close(frame: list, start: float) -> None:
        entry = totals.setdefault(frame[1], [0.0, 0])
        entry[0] += (frame[0] - start - frame[2]) / 1000
        entry[1] += 1

    starts: list[float] = []
    for start, end, name in spans:
        while stack and stack[-1][0] <= start:
            frame = stack.pop()
            close(frame, starts.pop())
        if stack:
            stack[-1][2] += end - start
        stack.append([end, name, 0.0])
        starts.append(start)
    while stack:
        close(stack.pop(), starts.pop())
    return sorted(((name, ms, n) for name, (ms, n) in totals.items()), key=lambda t: -t[1])


def record_trace(cat: Catalog, name: str, browser, url: str, value: str) -> None:
    cat.traces[name] = trace_keystroke(browser, url, value)


# Lighthouse: mobile defaults (simulated slow 4G and a 4× slower CPU), the real site served gzipped.
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_scores(url: str, out: Path) -> dict[str, float]:
    """Category -> score (0–100) of one Lighthouse run; the report is kept as out (JSON)."""
    flags = "--headless=new " + " ".join(CHROMIUM_ARGS)
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={flags}", "--quiet",
                    "--output=json", f"--output-path={out}", f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}"],
                   check=True, capture_output=True, timeout=600)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: 100 * report["categories"][name]["score"] for name in LIGHTHOUSE_CATEGORIES}


def measure_lighthouse(cat: Catalog, runs: int) -> None:
    """Each page kind (home, the category page with most papers, the largest paper page) `runs` times; per
    category the median score. The reports stay in benchmarks/out/."""
    paper = max((cat.site / "papers").glob("*/index.html"), key=lambda path: path.stat().st_size).parent.name
    pages = {"home": "", "category": f"{cat.largest_category}/", "paper": f"papers/{paper}/"}
    with serve(cat.site, Gzipped) as base:
        for kind, path in pages.items():
            for run in range(runs):
                scores = lighthouse_scores(base + path, OUT_DIR / f"lighthouse-{cat.label}-{kind}-{run}.json")
                for name, score in scores.items():
                    cat.figures.setdefault(f"lh_{kind}_{name}", Stat(digits=0)).samples.append(score)


def attempt(cat: Catalog, what: str, measure, *args) -> None:
    """Run one browser measurement; a failure becomes a note instead of ending the run."""
    try:
        measure(*args)
    except Exception as err:  # noqa: BLE001 - reported in the table's notes
        cat.notes.append(f"{what} failed: {str(err).splitlines()[0]}")


def measure_browser(catalogs: list[Catalog], runs: dict, trace: bool) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for cat in catalogs:
            if cat.label == "real":
                attempt(cat, "lighthouse", measure_lighthouse, cat, runs["lighthouse"])
            with serve(cat.site) as base:
                url = f"{base}{cat.largest_category}/"
                attempt(cat, "category page", measure_category_page, browser, url, runs, cat)
                if cat.label == "10000":
                    with serve(cat.bare / "site") as bare:
                        urls = {"search_first": base, "search_bare": bare}
                        attempt(cat, "search", measure_search, browser, urls, runs["search"], cat)
                if trace and "key_type" in cat.figures:
                    for name, value in (("type", FILTER_WORD), ("clear", "")):
                        attempt(cat, f"trace ({name})", record_trace, cat, name, browser, url, value)
        browser.close()


# Report

class AtLeast(float):
    """A target met at or above its figure (the others are met at or below theirs)."""


# (figure key, label, target text, column the target applies to ('*' all, or {column: limit}), limit)
ROWS = (
    ("pages", "HTML pages built", "", None, None),
    ("build_cold", "strict build, no catalog cache (first build), wall s", "10,000: well under 60 s", "10000", 60),
    ("build_cold_cpu", "the same, CPU s", "", None, None),
    ("build_cold_rss", "the same, peak RSS MB", "10,000: ≤ 500 MB", "10000", 500),
    ("build", "strict build, cache warm, wall s", "10,000: well under 60 s", "10000", 60),
    ("build_cpu", "strict build, cache warm, CPU s", "", None, None),
    ("build_rss", "strict build, cache warm, peak RSS MB", "10,000: ≤ 500 MB", "10000", 500),
    ("bare", "bare baseline build, wall s", "", None, None),
    ("bare_cpu", "bare baseline build, CPU s", "", None, None),
    ("bare_rss", "bare baseline build, peak RSS MB", "", None, None),
    ("ratio_cpu", "build ÷ bare baseline, CPU time", "≤ 1.25×", "*", 1.25),
    ("ratio", "build ÷ bare baseline, wall time", "", None, None),
    ("per_paper", "build CPU time per paper, ms", "", None, None),
    ("exponent", "scaling exponent 1,000 → 10,000, CPU (site / bare)", "≤ 1.1", "10000", 1.1),
    ("load", "load + validate, cold, wall s", "", None, None),
    ("load_cpu", "load + validate, cold, CPU s", "real: ≤ 0.1 s", "real", 0.1),
    ("parse", "PyYAML's C loader (CSafeLoader) merely parsing the same files, CPU s", "", None, None),
    ("load_ratio", "load + validate ÷ that bare parse, CPU", "10,000: ≤ 1.0×", "10000", 1.0),
    ("load_cached", "load + validate, cache warm, wall s", "10,000: ≤ 1 s", "10000", 1.0),
    ("edit", "edit loop: save one entry while `mkdocs serve` runs → the served page shows it, wall s", "", None, None),
    ("edit_ratio", "edit loop ÷ one bare baseline build (wall)", "1,000: ≤ 2×", "1000", 2.0),
    ("cat_raw", "largest category page, KB (HTML before the table can be used; texts.json or rows.json come after)",
     "10,000: ≤ 2,048 KB", "10000", 2048),
    ("cat_gz", "largest category page, KB gzipped", "real: ≤ 50 KB", "real", 50),
    ("all_raw", "all-papers page (/papers/), KB", "10,000: ≤ 2,048 KB", "10000", 2048),
    ("all_gz", "all-papers page, KB gzipped", "", None, None),
    ("paper_raw", "largest paper page, KB", "", None, None),
    ("paper_gz", "largest paper page, KB gzipped", "", None, None),
    ("paper_own", "largest paper page, KB of its own <article>", "≤ 20 KB", "*", 20),
    ("search_mb", "search index, MB", "10,000: ≤ 5 MB", "10000", 5),
    ("search_gz_mb", "search index, MB gzipped", "", None, None),
    ("search_first", "search: open, type a word → its first result, ms", "10,000: ≤ 1,500 ms", "10000", 1500),
    ("search_bare", "the same on the bare baseline (Material alone), ms", "", None, None),
    ("search_ratio", "search ÷ bare baseline", "", None, None),
    ("lh_home_performance", "Lighthouse (mobile, gzipped), home page: performance", "≥ 95",
     "real", AtLeast(95)),
    ("lh_home_accessibility", "Lighthouse (mobile, gzipped), home page: accessibility", "100",
     "real", AtLeast(100)),
    ("lh_home_best-practices", "Lighthouse (mobile, gzipped), home page: best-practices", "100",
     "real", AtLeast(100)),
    ("lh_home_seo", "Lighthouse (mobile, gzipped), home page: seo", "100",
     "real", AtLeast(100)),
    ("lh_category_performance", "Lighthouse (mobile, gzipped), category page: performance", "≥ 95",
     "real", AtLeast(95)),
    ("lh_category_accessibility", "Lighthouse (mobile, gzipped), category page: accessibility", "100",
     "real", AtLeast(100)),
    ("lh_category_best-practices", "Lighthouse (mobile, gzipped), category page: best-practices", "100",
     "real", AtLeast(100)),
    ("lh_category_seo", "Lighthouse (mobile, gzipped), category page: seo", "100",
     "real", AtLeast(100)),
    ("lh_paper_performance", "Lighthouse (mobile, gzipped), paper page: performance", "≥ 95",
     "real", AtLeast(95)),
    ("lh_paper_accessibility", "Lighthouse (mobile, gzipped), paper page: accessibility", "100",
     "real", AtLeast(100)),
    ("lh_paper_best-practices", "Lighthouse (mobile, gzipped), paper page: best-practices", "100",
     "real", AtLeast(100)),
    ("lh_paper_seo", "Lighthouse (mobile, gzipped), paper page: seo", "100",
     "real", AtLeast(100)),
    ("dcl", "category page DOMContentLoaded, ms", "1,000: ≤ 1,000 ms", "1000", 1000),
    ("ready_at", "table ready, ms from navigation start", "", None, None),
    ("ready", "table ready after DOMContentLoaded, ms (0: before it)", "10,000: ≤ 500 ms", "10000", 500),
    ("key_first", "first keystroke on a fresh page (type a word) to paint, ms", "", None, None),
    ("key_type", "keystroke (type a word) to paint, ms", "real ≤ 50, 1,000 ≤ 100, 10,000 ≤ 60",
     {"real": 50, "1000": 100, "10000": 60}, None),
    ("key_clear", "keystroke (clear filter) to paint, ms", "real ≤ 50, 1,000 ≤ 100, 10,000 ≤ 60",
     {"real": 50, "1000": 100, "10000": 60}, None),
    ("key_base_type", "baseline: the same keystroke (type) into a plain input on the page, ms", "", None, None),
    ("key_base_clear", "baseline: the same keystroke (clear) into a plain input on the page, ms", "", None, None),
    ("key_type_ratio", "keystroke (type a word) ÷ baseline", "", None, None),
    ("key_clear_ratio", "keystroke (clear filter) ÷ baseline", "", None, None),
)


def limits_of(column, limit) -> dict[str, float]:
    if isinstance(column, dict):
        return column
    if column is None:
        return {}
    return {"*": limit} if column == "*" else {column: limit}


def verdict(cats: list[Catalog], key: str, column, limit) -> str:
    """'met' or 'missed (x vs y)' for every column the target applies to."""
    parts = []
    for label, lim in limits_of(column, limit).items():
        for cat in cats:
            if label not in ("*", cat.label):
                continue
            stat = cat.figures.get(key)
            if not isinstance(stat, Stat) or not stat.samples:
                parts.append(f"{cat.label}: not measured")
            elif stat.median >= lim if isinstance(lim, AtLeast) else stat.median <= lim:
                parts.append(f"{cat.label}: met")
            else:
                value = f"{stat.median:,.0f}" if stat.median >= 100 else f"{stat.median:.3g}"
                parts.append(f"{cat.label}: missed ({value} vs {lim:,g}, {stat.median / lim:.2f}×)")
    return "; ".join(parts)


def add_scaling(cats: list[Catalog]) -> None:
    by_label = {c.label: c for c in cats}
    if "1000" in by_label and "10000" in by_label:
        small, large = by_label["1000"].figures, by_label["10000"].figures
        for key, out in (("build_cpu", "exponent"), ("bare_cpu", "bare_exponent")):
            large[out] = one(math.log(large[key].median / small[key].median) / math.log(10))


def report(cats: list[Catalog], machine: dict[str, str]) -> str:
    heads = [f"real ({cats[0].papers} papers)" if c.label == "real" else f"{int(c.label):,} papers" for c in cats]
    lines = ["| figure | " + " | ".join(heads) + " | target | verdict |",
             "|---" * (len(cats) + 3) + "|"]
    for key, label, target, column, limit in ROWS:
        cells = []
        for cat in cats:
            stat = cat.figures.get(key)
            cell = str(stat) if isinstance(stat, Stat) else "—"
            if key == "exponent" and "bare_exponent" in cat.figures:
                cell += f" / {cat.figures['bare_exponent']}"
            cells.append(cell)
        if all(c == "—" for c in cells):
            continue
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} | {verdict(cats, key, column, limit)} |")
    notes = [f"- {c.label}: category page measured in the browser: `{getattr(c, 'largest_category', '?')}` "
             f"({getattr(c, 'largest_category_papers', '?')} papers), "
             f"table-ready signal: {c.figures.get('ready_signal', 'not measured')}"
             f"{', filter word ' + repr(FILTER_WORD) + ' left ' + str(c.filter_matches) + ' rows' if hasattr(c, 'filter_matches') else ''}"
             for c in cats]
    notes += [f"- {c.label}: {note}" for c in cats for note in c.notes]
    for cat in cats:
        for name, events in cat.traces.items():
            top = ", ".join(f"{event} {ms:.0f} ms" + (f" (×{n})" if n > 1 else "") for event, ms, n in events)
            notes.append(f"- {cat.label}: Chromium trace of one keystroke ({name}), main-thread self time: {top}")
    info = [f"- {k}: {v}" for k, v in machine.items()]
    return "\n".join(["Machine:", *info, "", *lines, "", "Figures are median (min–max).", *notes, ""])


# Main


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (one build of each)")
    parser.add_argument("--project", type=Path, default=ROOT, help="project to benchmark (default: this one)")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="synthetic catalog sizes")
    parser.add_argument("--no-real", action="store_true", help="skip the real catalog")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser figures")
    parser.add_argument("--trace", action="store_true", help="add a Chromium trace summary of a keystroke")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    runs = QUICK_RUNS if args.quick else RUNS
    machine = machine_info()
    work = Path(tempfile.mkdtemp(prefix="air-bench-", dir=WORK_ROOT if os.access(WORK_ROOT, os.W_OK) else None))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    try:
        plan = ([] if args.no_real else [("real", None)]) + [(str(n), n) for n in args.sizes]
        cats = []
        for label, size in plan:
            print(f"[bench] {label}: preparing", file=sys.stderr, flush=True)
            cat = prepare(label, size, args.project.resolve(), work)
            print(f"[bench] {label}: {cat.papers} papers; building x{runs['build']}", file=sys.stderr, flush=True)
            measure_builds(cat, runs["build"])
            measure_load(cat, runs["load"])
            print(f"[bench] {label}: edit loop under mkdocs serve", file=sys.stderr, flush=True)
            measure_edit_loop(cat, runs["edit"])
            measure_weights(cat)
            cats.append(cat)
        add_scaling(cats)
        (OUT_DIR / "latest.md").write_text(report(cats, machine), encoding="utf-8")  # in case the browser fails
        if not args.no_browser:
            print("[bench] browser", file=sys.stderr, flush=True)
            measure_browser(cats, runs, args.trace)
        machine["load average at end"] = load_average()
        text = report(cats, machine)
        (OUT_DIR / "latest.md").write_text(text, encoding="utf-8")
        print(text)
    finally:
        if args.keep:
            print(f"[bench] projects kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
