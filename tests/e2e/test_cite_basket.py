"""The citation basket (cite.js) in headless Chromium: row checkboxes, "select all shown", the "Cite N papers"
panel's copy, downloads and preview, the selection in the URL (reload, back/forward, instant navigation), the
per-row BibTeX copy, paper pages, and the island page's papers that are not drawn.

Expected texts are the site's own per-paper citation files, joined as the catalog's files join them, so the
tests check that a selection says exactly what the papers' files say, by either route (per-paper files for a
few papers, the catalog's file for many).
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from catalog.cite.export import cite_files
from catalog.models import Catalog
from catalog.render.category import WINDOW_ROWS
from playwright.sync_api import Page, expect

from tests.build.test_filter_markup import synthetic_catalog
from tests.e2e.conftest import serve, write_category_page
from tests.e2e.test_filter import (
    CATEGORY,
    enable_instant_navigation,
    expected_ids,
    option,
    query_of,
    synthetic_expected,
    visible_ids,
    wait_for_sitemap,
)

READY = ".air-basket[data-ready]"
THRESHOLD = 50  # cite.js: more papers than this are cut from the catalog's file
FILES = {"bibtex": "cite.bib", "ris": "cite.ris", "csl": "cite.json"}
LABELS = {"bibtex": "BibTeX", "ris": "RIS", "csl": "CSL-JSON"}
EXTENSIONS = {"bibtex": ".bib", "ris": ".ris", "csl": ".json"}


# Helpers


def open_basket(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, state="attached")


def toggle(page: Page):
    return page.locator(".air-basket-toggle")


def row_box(page: Page, paper_id: str):
    return page.locator(f"tr[id='{paper_id}'] input.air-pick")


def cite_ids(page: Page) -> list[str]:
    return cite_ids_of(page.url)


def expect_cited(page: Page, ids: list[str]) -> None:
    """The URL's cite parameter lists ids and the panel counts them."""
    # Read in the page: Playwright's wait_for_url can miss a pushState that follows an instant navigation.
    page.wait_for_function("(ids) => (new URLSearchParams(location.search).get('cite') || '') === ids",
                           arg=",".join(ids))
    expect(toggle(page)).to_have_text(f"Cite {len(ids)} paper{'' if len(ids) == 1 else 's'}")


def cite_ids_of(url: str) -> list[str]:
    values = parse_qs(urlsplit(url).query).get("cite", [])
    return values[0].split(",") if values else []


def paper_file(site: Path, paper_id: str, fmt: str) -> str:
    with open(site / "papers" / paper_id / FILES[fmt], newline="", encoding="utf-8") as file:  # RIS: CR LF kept
        return file.read()


def joined(site: Path, ids: list[str], fmt: str) -> str:
    """The selection's file, from the papers' own files, joined as hooks/catalog/cite/export.py joins them."""
    texts = [paper_file(site, i, fmt) for i in ids]
    if fmt == "csl":
        items = [t.removeprefix("[\n").removesuffix("\n]\n") for t in texts]
        return "[\n" + ",\n".join(items) + "\n]\n"
    return ("\n" if fmt == "bibtex" else "").join(texts)


def category_ids(catalog: Catalog, n: int) -> list[str]:
    return [p.id for p in catalog.in_category(CATEGORY)][:n]


# Selecting


def test_two_rows_make_cite_2_papers_and_a_link(page: Page, base_url: str, catalog: Catalog) -> None:
    """Two ticked rows: the panel says "Cite 2 papers", the URL has ?cite=a,b and keeps the filter's find."""
    open_basket(page, f"{base_url}{CATEGORY}/?find=search")
    shown = visible_ids(page)
    a, b = shown[0], shown[1]
    row_box(page, a).check()
    row_box(page, b).check()
    expect_cited(page, [a, b])
    assert query_of(page)["find"] == ["search"]
    row_box(page, a).uncheck()
    expect_cited(page, [b])
    assert page.errors == []


def test_select_all_shown_selects_exactly_the_filtered_rows(page: Page, base_url: str, catalog: Catalog) -> None:
    """With a facet on, "select all shown" selects the rows the filter shows, not the hidden ones."""
    open_basket(page, f"{base_url}{CATEGORY}/")
    option(page, "method", "rl").click()
    want = expected_ids(catalog, method=("rl",))
    page.wait_for_function("(n) => document.querySelectorAll('tbody tr:not([hidden])').length === n", arg=len(want))
    page.get_by_role("button", name="Select all shown").click()
    expect(toggle(page)).to_have_text(f"Cite {len(want)} papers")
    assert sorted(cite_ids(page)) == sorted(want)
    assert query_of(page)["method"] == ["rl"]
    checked = page.eval_on_selector_all("tbody tr", "rows => rows.filter(r => r.querySelector('.air-pick').checked)"
                                        ".map(r => r.id)")
    assert sorted(checked) == sorted(want)


def test_url_round_trip_shows_the_selection(page: Page, base_url: str, catalog: Catalog) -> None:
    """Loading ?cite=a,b ticks those rows and counts them; a reload keeps them."""
    a, b = category_ids(catalog, 2)
    open_basket(page, f"{base_url}{CATEGORY}/?cite={a},{b}&find=")
    expect(toggle(page)).to_have_text("Cite 2 papers")
    expect(row_box(page, a)).to_be_checked()
    expect(row_box(page, b)).to_be_checked()
    assert page.locator("tbody input.air-pick:checked").count() == 2
    page.reload()
    page.wait_for_selector(READY, state="attached")
    expect(row_box(page, b)).to_be_checked()
    expect(toggle(page)).to_have_text("Cite 2 papers")


@pytest.mark.parametrize("known", [1, 0], ids=["one-known", "none-known"])
def test_unknown_ids_leave_the_url_in_place(page: Page, base_url: str, catalog: Catalog, known: int) -> None:
    """Ids no row has (a removed paper, a typo) are not counted and leave the URL when the page reads it, by
    replacing its history entry (no new one); the filter's parameters stay, and the panel previews only the rest."""
    ids = category_ids(catalog, known)
    page.add_init_script("window.__historyAtLoad = history.length")
    open_basket(page, f"{base_url}{CATEGORY}/?find=&cite=no-such-paper,{','.join(ids + ['typo'])}&method=rl")
    expect_cited(page, ids)
    query = urlsplit(page.url).query
    assert query.startswith("find=&method=rl")  # the other parameters as they were written
    assert ("cite=" in query) == bool(ids)
    assert page.evaluate("history.length === window.__historyAtLoad")
    toggle(page).click()
    if ids:
        expect(page.locator(".air-basket-preview li")).to_have_count(1)
    else:
        expect(page.locator(".air-basket-note")).to_have_text("No paper selected yet: tick the papers to cite.")
    assert page.errors == []


def test_back_and_forward_restore_the_selection(page: Page, base_url: str, catalog: Catalog) -> None:
    """Each tick is a history entry: Back and Forward step through the selections on the same page."""
    a, b = category_ids(catalog, 2)
    open_basket(page, f"{base_url}{CATEGORY}/")
    page.evaluate("window.__samePage = true")
    row_box(page, a).check()
    expect_cited(page, [a])
    row_box(page, b).check()
    expect_cited(page, [a, b])
    page.go_back()
    expect_cited(page, [a])
    expect(row_box(page, b)).not_to_be_checked()
    page.go_back()
    expect_cited(page, [])
    expect(row_box(page, a)).not_to_be_checked()
    page.go_forward()
    expect_cited(page, [a])
    expect(row_box(page, a)).to_be_checked()
    assert page.evaluate("window.__samePage") is True  # no reload, no second copy of the page
    assert page.errors == []


def test_back_and_forward_with_filter_steps_between(page: Page, base_url: str, catalog: Catalog) -> None:
    """Filter changes and selection changes share the history; each step restores both."""
    open_basket(page, f"{base_url}{CATEGORY}/")
    option(page, "method", "rl").click()
    page.wait_for_url(lambda url: "method=rl" in url)
    first = visible_ids(page)[0]
    row_box(page, first).check()
    expect_cited(page, [first])
    page.go_back()
    expect_cited(page, [])
    assert query_of(page) == {"method": ["rl"]}
    page.go_back()
    page.wait_for_url(lambda url: "?" not in url)
    expect(page.locator("input[name=method][value=rl]")).not_to_be_checked()
    page.go_forward()
    page.go_forward()
    expect_cited(page, [first])
    expect(page.locator("input[name=method][value=rl]")).to_be_checked()


def test_instant_navigation_away_and_back_keeps_the_selection(page: Page, base_url: str, catalog: Catalog,
                                                               site: Path) -> None:
    """Home by instant navigation, then Back: the category page's URL brings its selection back, bound once."""
    a, b = category_ids(catalog, 2)
    enable_instant_navigation(page, base_url, site)
    open_basket(page, f"{base_url}{CATEGORY}/")
    wait_for_sitemap(page)
    page.evaluate("window.__samePage = true")
    row_box(page, a).check()
    row_box(page, b).check()
    expect_cited(page, [a, b])
    page.locator(".md-tabs a.md-tabs__link", has_text="Home").click()
    page.wait_for_selector("ul.air-cards")
    expect(page.locator(".air-basket")).to_have_count(0)
    page.go_back()
    page.wait_for_selector(READY, state="attached")
    expect_cited(page, [a, b])
    expect(row_box(page, a)).to_be_checked()
    expect(page.locator(".air-basket")).to_have_count(1)
    assert page.locator(f"tr[id='{a}'] input.air-pick").count() == 1  # decorated once
    # Another page by instant navigation has its own selection (none), and works.
    page.locator(f"tr[id='{a}'] a.air-title").click()
    page.wait_for_selector(".air-basket[data-ready] .air-basket-this")
    expect(toggle(page)).to_have_text("Cite 0 papers")
    page.locator(".air-basket-this input").check()
    expect_cited(page, [a])
    page.go_back()  # the paper page before the tick
    expect_cited(page, [])
    page.go_back()  # the category page
    page.wait_for_selector(READY, state="attached")
    expect_cited(page, [a, b])
    assert page.evaluate("window.__samePage") is True
    assert page.errors == []


# Copy, download, preview


def test_copy_puts_the_selections_bibtex_on_the_clipboard(page: Page, base_url: str, catalog: Catalog,
                                                          site: Path) -> None:
    a, b = category_ids(catalog, 2)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    open_basket(page, f"{base_url}{CATEGORY}/?cite={a},{b}")
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Copy BibTeX").click()
    expect(page.locator(".air-basket-status")).to_have_text("Copied the BibTeX of 2 papers.")
    assert page.evaluate("navigator.clipboard.readText()") == joined(site, [a, b], "bibtex")
    assert page.errors == []


def test_row_button_copies_that_papers_bibtex(page: Page, base_url: str, catalog: Catalog, site: Path) -> None:
    paper = catalog.in_category(CATEGORY)[3]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    open_basket(page, f"{base_url}{CATEGORY}/")
    page.get_by_role("button", name=f"Copy the BibTeX of {paper.name}").click()
    expect(page.locator(".air-basket-status")).to_have_text(f"Copied the BibTeX of {paper.name}.")
    assert page.evaluate("navigator.clipboard.readText()") == paper_file(site, paper.id, "bibtex")
    assert cite_ids(page) == []  # copying selects nothing


@pytest.mark.parametrize("count", [3, THRESHOLD + 10], ids=["few", "many"])
@pytest.mark.parametrize("fmt", list(FILES))
def test_download_gives_each_format(page: Page, base_url: str, catalog: Catalog, site: Path, fmt: str,
                                    count: int) -> None:
    """Download writes the selected papers' records, in selection order, from their own files (few) or cut
    from the catalog's file (many); both say what the papers' own files say."""
    ids = category_ids(catalog, count)[::-1]
    open_basket(page, f"{base_url}{CATEGORY}/?cite={','.join(ids)}")
    toggle(page).click()
    page.get_by_role("radio", name=LABELS[fmt]).check()
    with page.expect_download() as info:
        page.get_by_role("button", name=f"Download {LABELS[fmt]}").click()
    download = info.value
    assert download.suggested_filename == "citations" + EXTENSIONS[fmt]
    with open(download.path(), newline="", encoding="utf-8") as raw:  # RIS keeps its CR LF line ends
        text = raw.read()
    assert text == joined(site, ids, fmt)
    if fmt == "csl":
        assert [item["id"] for item in json.loads(text)] == ids
    assert page.errors == []


def test_each_download_revokes_the_last_ones_object_url(page: Page, base_url: str, catalog: Catalog,
                                                         site: Path) -> None:
    """Two downloads in a row both save their text; the second revokes the first one's object URL then (not on a
    timer), and its own stays until the next."""
    ids = category_ids(catalog, 2)
    page.add_init_script("""
        window.__made = []; window.__revoked = [];
        const make = URL.createObjectURL, revoke = URL.revokeObjectURL;
        URL.createObjectURL = (blob) => { const url = make(blob); window.__made.push(url); return url; };
        URL.revokeObjectURL = (url) => { window.__revoked.push(url); revoke(url); };
    """)
    open_basket(page, f"{base_url}{CATEGORY}/?cite={','.join(ids)}")
    toggle(page).click()
    for fmt in ("bibtex", "ris"):
        page.get_by_role("radio", name=LABELS[fmt]).check()
        with page.expect_download() as info:
            page.get_by_role("button", name=f"Download {LABELS[fmt]}").click()
        with open(info.value.path(), newline="", encoding="utf-8") as raw:
            assert raw.read() == joined(site, ids, fmt)
    made, revoked = page.evaluate("[window.__made, window.__revoked]")
    assert len(made) == 2 and revoked == made[:1]
    assert page.errors == []


def test_preview_lists_plain_citations(page: Page, base_url: str, catalog: Catalog) -> None:
    papers = catalog.in_category(CATEGORY)[:2]
    open_basket(page, f"{base_url}{CATEGORY}/?cite={papers[0].id},{papers[1].id}")
    toggle(page).click()
    items = page.locator(".air-basket-preview li")
    expect(items).to_have_count(2)
    for item, paper in zip(items.all(), papers):
        text = item.inner_text()
        assert paper.title in text and f"({paper.year})" in text
        assert paper.authors[0].family in text
    page.keyboard.press("Escape")  # focus is on the toggle: Escape only closes from inside the panel
    page.locator(".air-basket-preview").focus()
    page.keyboard.press("Escape")
    expect(page.locator("#air-basket-panel")).to_be_hidden()
    expect(toggle(page)).to_be_focused()


def test_keyboard_ticks_a_row_and_opens_the_panel(page: Page, base_url: str, catalog: Catalog) -> None:
    """The row checkbox and the panel's toggle work from the keyboard and have names."""
    paper = catalog.in_category(CATEGORY)[0]
    open_basket(page, f"{base_url}{CATEGORY}/")
    box = page.get_by_role("checkbox", name=f"Select {paper.name} to cite")
    box.focus()
    page.keyboard.press("Space")
    expect_cited(page, [paper.id])
    toggle(page).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#air-basket-panel")).to_be_visible()
    expect(page.get_by_role("group", name="Format")).to_be_visible()


def test_paper_page_basket(page: Page, base_url: str, site: Path) -> None:
    """A paper page: one checkbox for the paper, the same panel; its files stay links."""
    open_basket(page, f"{base_url}papers/deepeyes/")
    expect(toggle(page)).to_have_text("Cite 0 papers")
    page.get_by_role("checkbox", name="Add this paper to the citation basket").check()
    expect_cited(page, ["deepeyes"])
    toggle(page).click()
    page.get_by_role("radio", name="RIS").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download RIS").click()
    with open(info.value.path(), newline="", encoding="utf-8") as raw:
        assert raw.read() == paper_file(site, "deepeyes", "ris")
    page.evaluate("window.__samePage = true")
    page.go_back()
    expect_cited(page, [])
    expect(page.get_by_role("checkbox", name="Add this paper to the citation basket")).not_to_be_checked()
    assert page.evaluate("window.__samePage") is True
    assert page.errors == []


def test_without_javascript_no_basket_controls(browser, base_url: str) -> None:
    """No script, no dead controls; a paper page still links its citation files."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base_url}{CATEGORY}/?cite=react")
        assert page.locator(".air-basket, .air-pick, .air-copy-bib").count() == 0
        page.goto(f"{base_url}papers/deepeyes/")
        assert page.locator(".air-cite-files a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
            "cite.bib", "cite.ris", "cite.json"]
    finally:
        context.close()


# The island page: papers selected but not drawn


@pytest.fixture(name="island_folder", scope="module")
def fixture_island_folder(site: Path, tmp_path_factory) -> Path:
    """The synthetic 1,200-paper category page (as tests/e2e/test_filter.py serves it) with cite.js, and the
    citation files of its papers (each paper's, and the catalog's) where cite.js looks for them."""
    catalog, category = synthetic_catalog(1200)
    folder = write_category_page(tmp_path_factory.mktemp("island-cite"), site, catalog, category,
                                 '<script src="cite.js" data-root="./"></script><script src="filter.js"></script>')
    for name, text in cite_files(catalog).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return folder


@pytest.fixture(name="island_url", scope="module")
def fixture_island_url(island_folder: Path) -> str:
    with serve(island_folder) as url:
        yield url


def test_island_select_all_shown_counts_rows_not_drawn(page: Page, island_url: str) -> None:
    """Select all shown on the island page selects every match, drawn or not; rows drawn later come ticked."""
    open_basket(page, island_url)
    expect(page.locator("tbody tr")).to_have_count(WINDOW_ROWS)
    option(page, "method", "sft").click()
    want = synthetic_expected(method=("sft",))
    assert len(want) > WINDOW_ROWS  # more matches than drawn rows
    page.wait_for_function("(n) => document.querySelector('.air-total').textContent.startsWith(n + ' of')",
                           arg=len(want))
    page.get_by_role("button", name="Select all shown").click()
    expect(toggle(page)).to_have_text(f"Cite {len(want)} papers")
    assert sorted(cite_ids(page)) == sorted(want)
    drawn = page.locator("tbody tr").count()
    assert drawn < len(want)
    page.locator('.air-group[data-sub="alpha"] button.air-more').click()
    expect(page.locator("tbody tr")).not_to_have_count(drawn)
    assert page.locator("tbody tr input.air-pick:not(:checked)").count() == 0
    page.reload()
    page.wait_for_selector(READY, state="attached")
    expect(toggle(page)).to_have_text(f"Cite {len(want)} papers")
    assert page.errors == []


def test_island_url_selects_a_paper_not_drawn(page: Page, island_url: str) -> None:
    """?cite= of a paper beyond the window counts; its anchor draws it ticked."""
    open_basket(page, f"{island_url}?cite=paper-01190")
    expect(toggle(page)).to_have_text("Cite 1 paper")
    expect(page.locator("tr[id='paper-01190']")).to_have_count(0)
    page.evaluate("location.hash = 'paper-01190'")
    expect(row_box(page, "paper-01190")).to_be_checked()


def copy_and_download(page: Page, origin: str, folder: Path, ids: list[str], copied: str, downloaded: str) -> None:
    """With ids selected: copy one format (the clipboard read once the panel says it copied) and download another;
    each is the papers' own files joined in selection order."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin.rstrip("/"))
    toggle(page).click()
    page.get_by_role("radio", name=LABELS[copied]).check()
    page.get_by_role("button", name=f"Copy {LABELS[copied]}").click()
    expect(page.locator(".air-basket-status")).to_have_text(f"Copied the {LABELS[copied]} of {len(ids)} papers.")
    assert page.evaluate("navigator.clipboard.readText()") == joined(folder, ids, copied)
    page.get_by_role("radio", name=LABELS[downloaded]).check()
    with page.expect_download() as info:
        page.get_by_role("button", name=f"Download {LABELS[downloaded]}").click()
    with open(info.value.path(), newline="", encoding="utf-8") as raw:
        assert raw.read() == joined(folder, ids, downloaded)


def test_island_copy_and_download_a_few_papers(page: Page, island_url: str, island_folder: Path) -> None:
    """A paper the URL selects but the page has not drawn, then two drawn rows ticked: copy and download give all
    three, from their own files."""
    open_basket(page, f"{island_url}?cite=paper-01190")
    expect(page.locator("tbody tr")).to_have_count(WINDOW_ROWS)
    drawn = page.eval_on_selector_all("tbody tr", "rows => rows.slice(0, 2).map(r => r.id)")
    for paper_id in drawn:
        row_box(page, paper_id).check()
    ids = ["paper-01190", *drawn]
    expect_cited(page, ids)
    copy_and_download(page, island_url, island_folder, ids, "bibtex", "csl")
    assert page.errors == []


def test_island_copy_and_download_many_papers(page: Page, island_url: str, island_folder: Path) -> None:
    """Every match of a facet, most of them not drawn: copy and download cut them from the catalog's files."""
    open_basket(page, island_url)
    option(page, "method", "sft").click()
    want = synthetic_expected(method=("sft",))
    page.wait_for_function("(n) => document.querySelector('.air-total').textContent.startsWith(n + ' of')",
                           arg=len(want))
    page.get_by_role("button", name="Select all shown").click()
    expect(toggle(page)).to_have_text(f"Cite {len(want)} papers")
    ids = cite_ids(page)
    assert len(ids) > max(THRESHOLD, page.locator("tbody tr").count())
    copy_and_download(page, island_url, island_folder, ids, "ris", "bibtex")
    assert page.errors == []


# The all-papers page


def test_all_papers_page_has_the_basket(page: Page, base_url: str, catalog: Catalog, site: Path) -> None:
    """/papers/: every row has its checkbox, the URL's selection is ticked, a tick adds to the URL (the filter's
    parameters kept), and the download gives the selected papers' records."""
    first, second = catalog.papers[5].id, catalog.papers[-1].id  # papers of two categories
    assert catalog.papers[5].category != catalog.papers[-1].category
    open_basket(page, f"{base_url}papers/?cite={first}&sort=name")
    expect(page.locator("tbody tr input.air-pick")).to_have_count(len(catalog.papers))
    expect(row_box(page, first)).to_be_checked()
    expect(toggle(page)).to_have_text("Cite 1 paper")
    row_box(page, second).check()
    expect_cited(page, [first, second])
    assert query_of(page)["sort"] == ["name"]
    toggle(page).click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download BibTeX").click()
    with open(info.value.path(), newline="", encoding="utf-8") as raw:
        assert raw.read() == joined(site, [first, second], "bibtex")
    assert page.errors == []
