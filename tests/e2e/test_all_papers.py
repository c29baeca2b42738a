"""The all-papers table (/papers/), the home timeline's links to a month of it, and the boundary papers listed on
their second category's page, in headless Chromium at phone and desktop width.

Expected rows are computed in Python from the catalog with the rules the page states (see test_filter.py). The
island mode is tested on the all-papers page of the benchmark's synthetic 10,000-paper catalog.
"""
from __future__ import annotations

import importlib.util
import itertools
import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from catalog.load import load_catalog
from catalog.models import Catalog, Paper
from catalog.render.category import WINDOW_ROWS, all_papers_listing, search_text
from catalog.render.home import month_name
from catalog.text import fold_for_search
from playwright.sync_api import Page, expect

from tests.conftest import ROOT, bordering, listed_on
from tests.e2e.conftest import serve, write_listing_page
from tests.e2e.test_filter import READY, holds, option, query_of, visible_ids

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
SYNTHETIC_PAPERS = 10_000


@pytest.fixture(name="sized", params=list(SIZES))
def fixture_sized(browser, request) -> Page:
    """A page at phone (a touch device) or desktop size that records uncaught errors in `page.errors`."""
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 600,
                                  has_touch=width < 600)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


# Helpers


def open_papers(page: Page, base_url: str, tail: str = "") -> None:
    """Load /papers/ (with an optional query and hash) and wait until its filter is bound."""
    page.goto(f"{base_url}papers/{tail}")
    page.wait_for_selector(READY, state="attached")


def expected_all(papers: list[Paper], find: str = "", cat=(), method=(), month=()) -> list[str]:
    """Ids of the papers the filter should keep, in the order given."""
    words = fold_for_search(find).split()
    return [p.id for p in papers if all(holds(search_text(p), w) for w in words) and (not cat or p.category in cat)
            and all(m in p.methods for m in method) and (not month or p.date in month)]


def expect_all_rows(page: Page, ids: list[str], total: int) -> None:
    """The count says len(ids) of total (nothing filed elsewhere: the page belongs to no category), and exactly
    those rows are visible."""
    expect(page.locator(".air-total")).to_have_text(f"{len(ids)} of {total} papers")
    assert sorted(visible_ids(page)) == sorted(ids)


def elsewhere_text(catalog: Catalog, shown: list[Paper], home: str) -> str:
    """What the count says of the shown papers filed under another category than the page's."""
    counts = Counter(p.category for p in shown if p.category != home)
    parts = [(counts[c.id], c.short_title) for c in catalog.taxonomy.categories if counts[c.id]]
    if not parts:
        return ""
    return f", {parts[0][0]} of them filed under {parts[0][1]}" + "".join(f" and {n} under {t}" for n, t in parts[1:])


# The all-papers table


def test_the_table_lists_every_paper_once_with_its_category(sized: Page, base_url: str, catalog: Catalog) -> None:
    """Every paper has one row, newest first, whose category cell names its category and links to its row there."""
    open_papers(sized, base_url)
    expect_all_rows(sized, [p.id for p in catalog.papers], len(catalog.papers))
    assert visible_ids(sized) == [p.id for p in catalog.papers]
    cells = sized.eval_on_selector_all("tbody tr", "rows => rows.map(r => [r.id, r.querySelector('.air-cat a').textContent,"
                                                   " r.querySelector('.air-cat a').href])")
    for pid, text, href in cells:
        home = catalog.taxonomy.category(catalog.paper(pid).category)
        assert (text, href) == (home.short_title, f"{base_url}{home.id}/#{pid}")
    assert sized.errors == []


def test_text_filters_across_categories(sized: Page, base_url: str, catalog: Catalog) -> None:
    """'video' keeps the papers of every category whose text holds it."""
    open_papers(sized, base_url)
    sized.fill("#air-find", "video")
    want = expected_all(list(catalog.papers), find="video")
    assert len({catalog.paper(pid).category for pid in want}) > 1  # across categories, or the test says little
    expect_all_rows(sized, want, len(catalog.papers))
    assert query_of(sized) == {"find": ["video"]}


def test_category_facet_keeps_any_of_the_checked_categories(sized: Page, base_url: str, catalog: Catalog) -> None:
    """Checking two categories keeps their papers; each chip counts its papers; another facet narrows further."""
    open_papers(sized, base_url)
    total = len(catalog.papers)
    for category in catalog.taxonomy.categories:
        expect(option(sized, "cat", category.id).locator(".air-n")).to_have_text(str(len(catalog.in_category(category.id))))
    option(sized, "cat", "multimodal").click()
    option(sized, "cat", "multi-agent").click()
    expect_all_rows(sized, expected_all(list(catalog.papers), cat=("multimodal", "multi-agent")), total)
    assert query_of(sized) == {"cat": ["multimodal,multi-agent"]}
    option(sized, "method", "rl").click()
    want = expected_all(list(catalog.papers), cat=("multimodal", "multi-agent"), method=("rl",))
    expect_all_rows(sized, want, total)
    # an "any of" facet's chip counts the papers it would add: Multi-Round Acting's with RL
    rl_acting = expected_all(list(catalog.papers), cat=("multi-round-acting",), method=("rl",))
    expect(option(sized, "cat", "multi-round-acting").locator(".air-n")).to_have_text(str(len(rl_acting)))


def test_url_round_trip_keeps_the_view(sized: Page, base_url: str, catalog: Catalog, browser) -> None:
    """Text, category, method and sort are in the URL: a reload, and the same URL opened fresh, show the same rows
    in the same order."""
    open_papers(sized, base_url)
    sized.fill("#air-find", "agent")
    option(sized, "cat", "multi-round-acting").click()
    option(sized, "method", "rl").click()
    sized.locator("th.air-col-paper button").click()
    expect(sized.locator("th.air-col-paper")).to_have_attribute("aria-sort", "ascending")
    assert query_of(sized) == {"find": ["agent"], "cat": ["multi-round-acting"], "method": ["rl"], "sort": ["name"]}
    rows = visible_ids(sized)
    assert sorted(rows) == sorted(expected_all(list(catalog.papers), "agent", ("multi-round-acting",), ("rl",)))
    sized.reload()
    expect_view(sized, rows)
    fresh = browser.new_context().new_page()
    try:
        fresh.goto(sized.url)
        expect_view(fresh, rows)
    finally:
        fresh.context.close()


def expect_view(page: Page, rows: list[str]) -> None:
    """The controls and rows show the state test_url_round_trip_keeps_the_view set."""
    page.wait_for_selector(READY, state="attached")
    expect(page.locator("#air-find")).to_have_value("agent")
    expect(page.locator("input[name=cat][value=multi-round-acting]")).to_be_checked()
    expect(page.locator("input[name=method][value=rl]")).to_be_checked()
    expect(page.locator("th.air-col-paper")).to_have_attribute("aria-sort", "ascending")
    assert visible_ids(page) == rows


def test_row_anchor_and_category_link(sized: Page, base_url: str, catalog: Catalog) -> None:
    """/papers/#id shows and highlights that row even under a filter that hides it; its category link opens its row on
    its category page."""
    paper = catalog.papers[-1]
    open_papers(sized, base_url, f"?find=qqqq-no-such-paper#{paper.id}")
    row = sized.locator(f"tr[id='{paper.id}']")
    expect(row).to_have_class(re.compile(r"\bair-highlight\b"))
    expect(row).to_be_in_viewport()
    row.locator(".air-cat a").click()
    sized.wait_for_url(f"**/{paper.category}/#{paper.id}")
    sized.wait_for_selector(READY, state="attached")
    expect(sized.locator(f"tr[id='{paper.id}']")).to_have_class(re.compile(r"\bair-highlight\b"))


def test_a_month_in_the_url_is_shown_and_can_be_cleared(sized: Page, base_url: str, catalog: Catalog) -> None:
    """?month=YYYY-MM keeps that month's papers, says so in the panel, and 'Show every month' clears it (the other
    filters stay)."""
    month = Counter(p.date for p in catalog.papers).most_common(1)[0][0]
    open_papers(sized, base_url, f"?month={month}&method=rl")
    expect_all_rows(sized, expected_all(list(catalog.papers), month=(month,), method=("rl",)), len(catalog.papers))
    note = sized.locator(".air-month")
    expect(note).to_be_visible()
    expect(note.locator(".air-month-name")).to_have_text(month_name(month))
    note.locator("button").click()
    expect(note).to_be_hidden()
    expect_all_rows(sized, expected_all(list(catalog.papers), method=("rl",)), len(catalog.papers))
    assert query_of(sized) == {"method": ["rl"]}


# The home page's timeline


def test_each_timeline_bar_opens_exactly_its_month(sized: Page, base_url: str, catalog: Catalog) -> None:
    """A bar of the home page's timeline (the busiest month and the first) opens /papers/ showing exactly that
    month's papers, as does the month's link in the list of months."""
    months = Counter(p.date for p in catalog.papers)
    for month in (months.most_common(1)[0][0], min(months)):
        sized.goto(base_url)
        sized.locator(f".air-timeline a.air-bar[href$='month={month}']").click()
        sized.wait_for_url(f"**/papers/?month={month}")
        sized.wait_for_selector(READY, state="attached")
        expect_all_rows(sized, expected_all(list(catalog.papers), month=(month,)), len(catalog.papers))
        expect(sized.locator(".air-month-name")).to_have_text(month_name(month))
    sized.goto(base_url)
    sized.locator(".air-months summary").click()
    month = max(months)
    sized.locator(".air-months a", has_text=month_name(month)).click()
    sized.wait_for_url(f"**/papers/?month={month}")
    sized.wait_for_selector(READY, state="attached")
    expect_all_rows(sized, expected_all(list(catalog.papers), month=(month,)), len(catalog.papers))
    assert sized.errors == []


def test_timeline_labels_do_not_overlap_and_the_legend_is_small(sized: Page, base_url: str) -> None:
    """The year labels are apart from each other and inside the page; the legend is shorter than the chart."""
    sized.goto(base_url)
    width = sized.viewport_size["width"]
    boxes = sized.eval_on_selector_all(".air-years span", "spans => spans.map(s => s.getBoundingClientRect().toJSON())")
    assert len(boxes) >= 2
    for left, right in itertools.pairwise(boxes):
        assert left["right"] + 4 <= right["left"], (left, right)
    assert boxes[0]["left"] >= 0 and boxes[-1]["right"] <= width
    legend = sized.locator(".air-legend").bounding_box()
    plot = sized.locator(".air-plot").bounding_box()
    assert legend["height"] < plot["height"] / 2
    assert sized.evaluate("document.documentElement.scrollWidth") <= width


# Boundary papers on their second category's page


def test_a_boundary_paper_is_filterable_on_its_second_page(sized: Page, base_url: str, catalog: Catalog) -> None:
    """On the page of the category it borders, a paper filed elsewhere is a row like any other: the text filter and
    the category facet find it, the URL keeps that, its anchor highlights it, and the count says where it is filed."""
    paper = next(p for p in catalog.papers if p.secondary_category and p.short_name)
    page_id = paper.secondary_category
    listed = listed_on(catalog, page_id)
    home = catalog.taxonomy.category(paper.category)
    sized.goto(f"{base_url}{page_id}/")
    sized.wait_for_selector(READY, state="attached")
    total = sized.locator(".air-total")
    expect(total).to_have_text(f"{len(listed)} of {len(listed)} papers{elsewhere_text(catalog, listed, page_id)}")
    sized.fill("#air-find", paper.short_name)
    shown = [catalog.paper(pid) for pid in expected_all(listed, find=paper.short_name)]
    expect(total).to_have_text(f"{len(shown)} of {len(listed)} papers{elsewhere_text(catalog, shown, page_id)}")
    assert paper.id in visible_ids(sized) and sorted(visible_ids(sized)) == sorted(p.id for p in shown)
    expect(sized.locator(f".air-group[data-sub='boundary-{home.id}'] tr[id='{paper.id}']")).to_be_visible()
    sized.fill("#air-find", "")
    option(sized, "cat", home.id).click()
    filed_there = [p for p in bordering(catalog, page_id) if p.category == home.id]
    expect(total).to_have_text(f"{len(filed_there)} of {len(listed)} papers"
                               f"{elsewhere_text(catalog, filed_there, page_id)}")
    assert sorted(visible_ids(sized)) == sorted(p.id for p in filed_there)
    assert query_of(sized) == {"cat": [home.id]}
    sized.reload()
    sized.wait_for_selector(READY, state="attached")
    assert sorted(visible_ids(sized)) == sorted(p.id for p in filed_there)
    sized.goto(f"{base_url}{page_id}/?cat={page_id}#{paper.id}")
    sized.wait_for_selector(READY, state="attached")
    row = sized.locator(f"tr[id='{paper.id}']")
    expect(row).to_have_class(re.compile(r"\bair-highlight\b"))
    expect(row).to_be_in_viewport()
    assert row.locator("a.air-title").evaluate("a => a.href") == f"{base_url}{paper.url}"


# 10,000 papers: the island, drawn in windows


@pytest.fixture(name="synthetic", scope="module")
def fixture_synthetic(tmp_path_factory) -> Catalog:
    """The benchmark's synthetic catalog of 10,000 papers (benchmarks/synth.py), loaded and validated."""
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    project = tmp_path_factory.mktemp("synthetic")
    synth.make_synthetic_project(ROOT, project, SYNTHETIC_PAPERS)
    return load_catalog(project / "data")


@pytest.fixture(name="big_url", scope="module")
def fixture_big_url(synthetic: Catalog, site: Path, tmp_path_factory) -> str:
    """The all-papers table of the synthetic catalog, rendered and converted as the site does, served."""
    folder = write_listing_page(tmp_path_factory.mktemp("all-papers"), site, synthetic, all_papers_listing(synthetic),
                                '<script src="filter.js"></script>', title="All papers")
    with serve(folder) as url:
        yield url


def test_ten_thousand_papers_draw_a_window_and_filter_them_all(sized: Page, big_url: str, synthetic: Catalog) -> None:
    """The 10,000-paper table draws WINDOW_ROWS rows and a 'show more'; the category facet, a month and the text
    filter search every paper, drawing matches beyond the window; the URL keeps the state."""
    papers = list(synthetic.papers)
    sized.goto(big_url)
    sized.wait_for_selector(READY, state="attached")
    expect(sized.locator(".air-total")).to_have_text(f"{len(papers)} of {len(papers)} papers")
    expect(sized.locator("tbody tr")).to_have_count(WINDOW_ROWS)
    more = sized.locator("button.air-more")
    expect(more).to_have_text(f"Show {WINDOW_ROWS} more ({len(papers) - WINDOW_ROWS} not shown)")
    more.click()
    expect(sized.locator("tbody tr")).to_have_count(2 * WINDOW_ROWS)
    option(sized, "cat", "unified-generation").click()
    option(sized, "method", "sft").click()
    want = expected_all(papers, cat=("unified-generation",), method=("sft",))
    expect(sized.locator(".air-total")).to_have_text(f"{len(want)} of {len(papers)} papers")
    assert visible_ids(sized) == want[:WINDOW_ROWS] and len(want) > WINDOW_ROWS
    sized.reload()
    sized.wait_for_selector(READY, state="attached")
    assert visible_ids(sized) == want[:WINDOW_ROWS]
    last = papers[-1]
    sized.goto(f"{big_url}?month={last.date}")
    sized.wait_for_selector(READY, state="attached")
    month = expected_all(papers, month=(last.date,))
    expect(sized.locator(".air-total")).to_have_text(f"{len(month)} of {len(papers)} papers")
    assert visible_ids(sized) == month[:WINDOW_ROWS]
    sized.fill("#air-find", last.arxiv)
    expect(sized.locator(".air-total")).to_have_text(f"1 of {len(papers)} papers")
    assert visible_ids(sized) == [last.id]
    assert query_of(sized) == {"month": [last.date], "find": [last.arxiv]}
    assert sized.errors == []


def test_ten_thousand_papers_anchor_draws_a_paper_beyond_the_window(sized: Page, big_url: str,
                                                                   synthetic: Catalog) -> None:
    """#id of the last of 10,000 papers draws, shows and highlights its row."""
    last = synthetic.papers[-1]
    sized.goto(f"{big_url}#{last.id}")
    sized.wait_for_selector(READY, state="attached")
    row = sized.locator(f"tr[id='{last.id}']")
    expect(row).to_be_in_viewport()
    expect(row).to_have_class(re.compile(r"\bair-highlight\b"))
    assert parse_qs(urlsplit(sized.url).query) == {}
