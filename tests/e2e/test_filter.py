"""The category tables' filter, sort, URL state and row anchors, in headless Chromium.

Expected rows are computed in Python from the catalog with the same rules the page states
(words ANDed over the folded search text; subcategory and year: any of; method and link kinds: all
of), so the tests follow the data instead of hard-coding counts. The island mode (more than
INLINE_ROW_LIMIT papers) is tested on a page rendered from a synthetic category of 1,200 papers.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from catalog.models import Catalog
from catalog.render.category import WINDOW_ROWS, search_text
from catalog.text import fold_for_search
from playwright.sync_api import Page, expect

from tests.build.test_filter_markup import synthetic_catalog
from tests.conftest import listed_on
from tests.e2e.conftest import serve, write_category_page

CATEGORY = "multi-round-acting"
READY = "form.air-filter[data-ready]"
SHORT_WORD = 3  # filter.js: query words this short match whole words only
VISIBLE_ROW_IDS = "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)"


# Helpers


def open_category(page: Page, base_url: str, tail: str = "", category: str = CATEGORY) -> None:
    """Load a category page (with an optional query and hash) and wait until the filter is bound."""
    page.goto(f"{base_url}{category}/{tail}")
    page.wait_for_selector(READY, state="attached")


def visible_ids(page: Page) -> list[str]:
    """Ids of the rows a reader can see, in page order."""
    return page.eval_on_selector_all("table.air-table tbody tr", VISIBLE_ROW_IDS)


def holds(text: str, word: str) -> bool:
    """The filter's rule for one query word: three letters or fewer match whole words, longer ones anywhere."""
    if len(word) > SHORT_WORD:
        return word in text
    return re.search(rf"(^|[^\w]|_){re.escape(word)}($|[^\w]|_)", text) is not None


def expected_ids(catalog: Catalog, find: str = "", sub=(), method=(), year=(), has=(),
                 category: str = CATEGORY) -> list[str]:
    """Ids of the category's papers that the filter should keep, in catalog order."""
    words = fold_for_search(find).split()
    kept = []
    for paper in listed_on(catalog, category):
        kinds = {kind for kind, _ in paper.links.items()}
        if (all(holds(search_text(paper), w) for w in words) and (not sub or paper.subcategory in sub)
                and (not year or paper.year in year) and all(m in paper.methods for m in method)
                and all(h in kinds for h in has)):
            kept.append(paper.id)
    return kept


def total_text(shown: int, total: int) -> re.Pattern:
    """The live count, '12 of 80 papers', and what it says of the papers filed under other categories (exactly
    checked by tests/e2e/test_all_papers.py)."""
    return re.compile(rf"^{shown} of {total} paper{'' if total == 1 else 's'}(, \d+ of them filed under .+)?$")


def option(page: Page, facet: str, value: str):
    """The clickable chip (label) of a facet option."""
    return page.locator(f"label.air-option:has(input[name='{facet}'][value='{value}'])")


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def expect_query(page: Page, want: dict[str, list[str]]) -> None:
    """Wait until the URL's query string parses to `want`."""
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query) == want)


def expect_rows(page: Page, ids: list[str], total: int) -> None:
    """The live count says len(ids) of total, and exactly those rows are visible."""
    expect(page.locator(".air-total")).to_have_text(total_text(len(ids), total))
    assert sorted(visible_ids(page)) == sorted(ids)


def listener_counts(page: Page, expression: str) -> dict[str, int]:
    """Event listeners on the object an expression yields, by type (Chrome DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    try:
        obj = cdp.send("Runtime.evaluate", {"expression": expression})["result"]["objectId"]
        counts: dict[str, int] = {}
        for listener in cdp.send("DOMDebugger.getEventListeners", {"objectId": obj})["listeners"]:
            counts[listener["type"]] = counts.get(listener["type"], 0) + 1
        return counts
    finally:
        cdp.detach()


def facet_values(catalog: Catalog) -> dict[str, str]:
    """One value per facet that keeps some but not all papers of the category."""
    papers = listed_on(catalog, CATEGORY)
    subs = [p.subcategory for p in papers]
    return {"sub": max(set(subs), key=subs.count), "method": "rl",
            "year": max(p.year for p in papers), "has": "code"}


# Text and facets


def test_typing_filters_rows_and_count(page: Page, base_url: str, catalog: Catalog) -> None:
    """Typing a word keeps only the papers whose text holds it, updates the counts and the URL."""
    open_category(page, base_url)
    total = len(listed_on(catalog, CATEGORY))
    expect(page.locator(".air-total")).to_have_text(total_text(total, total))
    page.fill("#air-find", "search")
    want = expected_ids(catalog, find="search")
    assert 0 < len(want) < total
    expect_rows(page, want, total)
    assert query_of(page)["find"] == ["search"]
    group = page.locator(".air-group").first
    in_group = [pid for pid in want if catalog.paper(pid).subcategory == group.get_attribute("data-sub")]
    n = len(catalog.in_subcategory(CATEGORY, group.get_attribute("data-sub")))
    expect(group.locator(".air-count")).to_have_text(total_text(len(in_group), n))
    assert page.errors == []


def test_the_filter_works_before_the_texts_file_and_then_matches_abstracts(page: Page, base_url: str,
                                                                          catalog: Catalog) -> None:
    """Until the texts file is in (held back here), the filter matches the rows' own text (a title word finds its
    paper, a word only an abstract has finds none) and the panel is not marked ready; once it is in, the query
    typed meanwhile is matched against every paper's whole text."""
    papers = listed_on(catalog, CATEGORY)
    row_words = set(fold_for_search(" ".join(f"{p.short_name} {p.title} {' '.join(a.name for a in p.authors)}"
                                             for p in papers)).split())
    word = next(w for p in papers for w in fold_for_search(p.abstract).split()
                if len(w) > 6 and w.isalpha() and not any(w in r for r in row_words))
    held = []
    page.route("**/texts.json", lambda route: held.append(route))
    with page.expect_request("**/texts.json"):
        page.goto(f"{base_url}{CATEGORY}/")
    page.wait_for_function("() => document.querySelector('form.air-filter').hidden === false")
    title_word = fold_for_search(papers[0].title).split()[-1]
    page.fill("#air-find", title_word)
    expect(page.locator(f"tr#{papers[0].id}")).to_be_visible()
    page.fill("#air-find", word)
    expect(page.locator(".air-none")).to_be_visible()
    assert page.locator("form.air-filter[data-ready]").count() == 0
    held[0].continue_()
    page.wait_for_selector(READY, state="attached")
    want = expected_ids(catalog, find=word)
    assert want
    expect_rows(page, want, len(papers))
    assert query_of(page)["find"] == [word] and page.errors == []


def test_text_is_case_and_accent_insensitive_and_words_are_anded(page: Page, base_url: str, catalog: Catalog) -> None:
    """'SÉARCH' finds what 'search' finds; two words keep papers holding both."""
    open_category(page, base_url)
    total = len(listed_on(catalog, CATEGORY))
    page.fill("#air-find", "SÉARCH")
    expect_rows(page, expected_ids(catalog, find="search"), total)
    page.fill("#air-find", "search  agent")
    both = expected_ids(catalog, find="search agent")
    assert set(both) <= set(expected_ids(catalog, find="agent"))
    expect_rows(page, both, total)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_short_word_matches_whole_words_only(page: Page, base_url: str, catalog: Catalog, width: int) -> None:
    """'gui' finds GUI agents and GUI-R1, not 'guidance' (three letters or fewer: whole words); 'guid' does find
    'guidance'."""
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    open_category(page, base_url)
    total = len(listed_on(catalog, CATEGORY))
    page.fill("#air-find", "gui")
    want = expected_ids(catalog, find="gui")
    guidance_only = [p.id for p in listed_on(catalog, CATEGORY)
                     if "guidance" in search_text(p) and p.id not in want]
    assert want and guidance_only  # the data has both kinds, or the test says nothing
    expect_rows(page, want, total)
    assert not set(guidance_only) & set(visible_ids(page))
    page.fill("#air-find", "guid")
    expect_rows(page, expected_ids(catalog, find="guid"), total)
    assert set(guidance_only) <= set(visible_ids(page))


def test_text_matches_arxiv_id_and_link_host(page: Page, base_url: str, catalog: Catalog) -> None:
    """An arXiv id finds its paper; a link host finds every paper linking there."""
    open_category(page, base_url)
    total = len(listed_on(catalog, CATEGORY))
    paper = next(p for p in listed_on(catalog, CATEGORY) if p.arxiv)
    page.fill("#air-find", paper.arxiv)
    expect_rows(page, expected_ids(catalog, find=paper.arxiv), total)
    assert paper.id in visible_ids(page)
    page.fill("#air-find", "huggingface.co")
    expect_rows(page, expected_ids(catalog, find="huggingface.co"), total)


@pytest.mark.parametrize("facet", ["sub", "method", "year", "has"])
def test_each_facet_filters(page: Page, base_url: str, catalog: Catalog, facet: str) -> None:
    """Checking one option of a facet keeps the papers that have it; unchecking restores all."""
    value = facet_values(catalog)[facet]
    total = len(listed_on(catalog, CATEGORY))
    want = expected_ids(catalog, **{facet: (value,)})
    assert 0 < len(want) < total
    open_category(page, base_url)
    option(page, facet, value).click()
    expect_rows(page, want, total)
    assert query_of(page)[facet] == [value]
    expect(option(page, facet, value).locator(".air-n")).to_have_text(str(len(want)))
    option(page, facet, value).click()
    expect_rows(page, expected_ids(catalog), total)


def test_facets_and_text_combine_with_and(page: Page, base_url: str, catalog: Catalog) -> None:
    """Two methods keep papers with both; adding year, code and text narrows further; subcategories OR."""
    open_category(page, base_url)
    total = len(listed_on(catalog, CATEGORY))
    option(page, "method", "rl").click()
    option(page, "method", "sft").click()
    both = expected_ids(catalog, method=("rl", "sft"))
    assert set(both) < set(expected_ids(catalog, method=("rl",)))
    expect_rows(page, both, total)
    year = facet_values(catalog)["year"]
    option(page, "year", year).click()
    option(page, "has", "code").click()
    page.fill("#air-find", "search")
    # The last steps need not change the count (here it stays 2): wait for the URL they write.
    expect_query(page, {"find": ["search"], "method": ["sft,rl"], "year": [year], "has": ["code"]})
    expect_rows(page, expected_ids(catalog, find="search", method=("rl", "sft"), year=(year,), has=("code",)), total)
    page.click("form.air-filter .air-status .air-clear")
    subs = [s.id for s in catalog.taxonomy.category(CATEGORY).subcategories][:2]
    for sub in subs:
        option(page, "sub", sub).click()
    expect_rows(page, expected_ids(catalog, sub=tuple(subs)), total)


def test_no_match_hides_sections_and_says_so(page: Page, base_url: str, catalog: Catalog) -> None:
    """With no match every section and its heading hide, a message says so, and clearing restores all."""
    open_category(page, base_url)
    total = len(listed_on(catalog, CATEGORY))
    page.fill("#air-find", "qqqq-no-such-paper")
    expect(page.locator(".air-total")).to_have_text(total_text(0, total))
    expect(page.locator(".air-none")).to_be_visible()
    assert visible_ids(page) == []
    for group in page.locator(".air-group").all():
        expect(group).to_be_hidden()
        expect(page.locator(f"h2#{group.get_attribute('data-sub')}")).to_be_hidden()
    page.click(".air-none .air-clear")
    expect_rows(page, expected_ids(catalog), total)
    expect(page.locator(".air-none")).to_be_hidden()
    expect(page.locator("#air-find")).to_be_focused()
    expect(page.locator("#air-find")).to_have_value("")


def test_sections_without_matches_hide_while_others_stay(page: Page, base_url: str, catalog: Catalog) -> None:
    """Filtering by one subcategory hides the other sections and their headings, not its own."""
    sub = facet_values(catalog)["sub"]
    open_category(page, base_url)
    option(page, "sub", sub).click()
    expect(page.locator(f'.air-group[data-sub="{sub}"]')).to_be_visible()
    expect(page.locator(f"h2#{sub}")).to_be_visible()
    for group in page.locator(f'.air-group:not([data-sub="{sub}"])').all():
        expect(group).to_be_hidden()


# Sorting


def column_values(page: Page, cell: str) -> list[list[str]]:
    """Per table, the visible rows' date or name, in page order."""
    return page.eval_on_selector_all("table.air-table tbody", f"""bodies => bodies.map(b =>
        [...b.rows].filter(r => !r.hidden).map(r => {cell}))""")


DATE = "r.dataset.date"
NAME = "(r.querySelector('.air-short') || r.querySelector('.air-title-text')).textContent"
IN_COLLATION_ORDER = """([names, sign]) => { const c = new Intl.Collator('en', {sensitivity: 'base', numeric: true});
    return names.every(list => list.every((n, i) => i === 0 || sign * c.compare(list[i - 1], n) <= 0)); }"""


def test_sorting_by_date_and_name_both_ways(page: Page, base_url: str) -> None:
    """Header buttons sort every table by date or name, both ways, with aria-sort and keyboard."""
    open_category(page, base_url)
    date_th, name_th = page.locator("th.air-col-date"), page.locator("th.air-col-paper")
    assert all(col == sorted(col, reverse=True) for col in column_values(page, DATE))
    expect(date_th.first).to_have_attribute("aria-sort", "descending")
    date_th.first.locator("button").click()
    for th in date_th.all():
        expect(th).to_have_attribute("aria-sort", "ascending")
    assert all(col == sorted(col) for col in column_values(page, DATE))
    assert query_of(page)["sort"] == ["date-asc"]
    date_th.last.locator("button").focus()
    page.keyboard.press("Enter")
    expect(date_th.first).to_have_attribute("aria-sort", "descending")
    assert all(col == sorted(col, reverse=True) for col in column_values(page, DATE))
    assert "sort" not in query_of(page)
    name_th.first.locator("button").focus()
    page.keyboard.press("Space")
    expect(name_th.first).to_have_attribute("aria-sort", "ascending")
    expect(date_th.first).not_to_have_attribute("aria-sort", re.compile(".*"))
    assert page.evaluate(IN_COLLATION_ORDER, [column_values(page, NAME), 1])
    name_th.first.locator("button").click()
    expect(name_th.first).to_have_attribute("aria-sort", "descending")
    assert page.evaluate(IN_COLLATION_ORDER, [column_values(page, NAME), -1])
    assert query_of(page)["sort"] == ["name-desc"]


def test_sorting_keeps_the_filter(page: Page, base_url: str, catalog: Catalog) -> None:
    """Sorting a filtered view reorders the same rows."""
    open_category(page, base_url, "?find=search")
    want = expected_ids(catalog, find="search")
    page.locator("th.air-col-paper button").first.click()
    expect(page.locator("th.air-col-paper").first).to_have_attribute("aria-sort", "ascending")
    assert sorted(visible_ids(page)) == sorted(want)


# URL state


def set_some_state(page: Page, catalog: Catalog) -> None:
    """Text, two facets and a sort, as a reader would set them."""
    page.fill("#air-find", "agent")
    option(page, "method", "rl").click()
    option(page, "year", facet_values(catalog)["year"]).click()
    page.locator("th.air-col-paper button").first.click()
    expect(page.locator("th.air-col-paper").first).to_have_attribute("aria-sort", "ascending")


def expect_same_view(page: Page, rows: list[str], catalog: Catalog) -> None:
    """The controls and rows show the state set by set_some_state."""
    page.wait_for_selector(READY, state="attached")
    expect(page.locator("#air-find")).to_have_value("agent")
    expect(page.locator("input[name=method][value=rl]")).to_be_checked()
    expect(page.locator(f"input[name=year][value='{facet_values(catalog)['year']}']")).to_be_checked()
    expect(page.locator("th.air-col-paper").first).to_have_attribute("aria-sort", "ascending")
    assert visible_ids(page) == rows


def test_url_round_trip_reload_and_fresh_open(page: Page, base_url: str, catalog: Catalog, browser) -> None:
    """A filtered, sorted view is a link: reloading it or opening it fresh shows the same rows in order."""
    open_category(page, base_url)
    set_some_state(page, catalog)
    year = facet_values(catalog)["year"]
    assert query_of(page) == {"find": ["agent"], "method": ["rl"], "year": [year], "sort": ["name"]}
    rows = visible_ids(page)
    assert sorted(rows) == sorted(expected_ids(catalog, find="agent", method=("rl",), year=(year,)))
    url = page.url
    page.reload()
    expect_same_view(page, rows, catalog)
    fresh = browser.new_context().new_page()
    try:
        fresh.goto(url)
        expect_same_view(fresh, rows, catalog)
    finally:
        fresh.context.close()


def test_back_and_forward_restore_state_without_reloading(page: Page, base_url: str, catalog: Catalog) -> None:
    """Facet clicks and committed text are history entries; back/forward restore them on the same page."""
    open_category(page, base_url)
    total = len(listed_on(catalog, CATEGORY))
    fetched = []
    page.on("request", lambda r: fetched.append(r.url) if f"/{CATEGORY}/" in r.url else None)
    page.evaluate("window.__samePage = true")
    option(page, "method", "rl").click()
    page.fill("#air-find", "sea")
    page.fill("#air-find", "search")  # one typing burst: one entry
    page.press("#air-find", "Enter")
    option(page, "has", "code").click()
    expect_rows(page, expected_ids(catalog, find="search", method=("rl",), has=("code",)), total)
    page.go_back()
    expect_rows(page, expected_ids(catalog, find="search", method=("rl",)), total)
    expect(page.locator("input[name=has][value=code]")).not_to_be_checked()
    page.go_back()
    expect_rows(page, expected_ids(catalog, method=("rl",)), total)
    expect(page.locator("#air-find")).to_have_value("")
    page.go_back()
    expect_rows(page, expected_ids(catalog), total)
    expect(page.locator("input[name=method][value=rl]")).not_to_be_checked()
    page.go_forward()
    page.go_forward()
    expect_rows(page, expected_ids(catalog, find="search", method=("rl",)), total)
    expect(page.locator("#air-find")).to_have_value("search")
    assert page.evaluate("window.__samePage") is True and fetched == []


# Row anchors


def test_row_anchor_scrolls_to_and_highlights_the_row(page: Page, base_url: str, catalog: Catalog) -> None:
    """/category/#id brings the paper's row into view and highlights it."""
    paper = listed_on(catalog, CATEGORY)[-1]
    open_category(page, base_url, f"#{paper.id}")
    row = page.locator(f"tr[id='{paper.id}']")
    expect(row).to_have_class(re.compile(r"\bair-highlight\b"))
    expect(row).to_be_in_viewport()


def test_row_anchor_clears_a_filter_that_hides_the_row(page: Page, base_url: str, catalog: Catalog) -> None:
    """A link whose filter would hide its #row shows the row anyway: the filter is cleared first."""
    paper = listed_on(catalog, CATEGORY)[-1]
    total = len(listed_on(catalog, CATEGORY))
    open_category(page, base_url, f"?find=qqqq-no-such-paper&method=rl#{paper.id}")
    row = page.locator(f"tr[id='{paper.id}']")
    expect(row).to_be_visible()
    expect(row).to_be_in_viewport()
    expect(row).to_have_class(re.compile(r"\bair-highlight\b"))
    expect(page.locator(".air-total")).to_have_text(total_text(total, total))
    expect(page.locator("#air-find")).to_have_value("")
    assert urlsplit(page.url).query == "" and urlsplit(page.url).fragment == paper.id


def test_hash_change_reveals_a_filtered_out_row(page: Page, base_url: str, catalog: Catalog) -> None:
    """Following an in-page #id link while a filter hides that row clears the filter and shows it."""
    hidden = next(p for p in listed_on(catalog, CATEGORY) if "rl" not in p.methods)
    open_category(page, base_url, "?method=rl")
    expect(page.locator(f"tr[id='{hidden.id}']")).to_be_hidden()
    page.evaluate("id => { location.hash = id; }", hidden.id)
    expect(page.locator(f"tr[id='{hidden.id}']")).to_be_in_viewport()
    expect(page.locator("input[name=method][value=rl]")).not_to_be_checked()


# Instant navigation


def enable_instant_navigation(page: Page, base_url: str, site: Path) -> None:
    """Serve the sitemap with local URLs: Material navigates instantly only to pages its sitemap lists, and
    the built sitemap names the deployed site_url, not this test server."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    deployed = re.search(r"<loc>(.*?)</loc>", sitemap).group(1)  # the first entry is the home page
    local = sitemap.replace(deployed, base_url)
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=local, content_type="application/xml"))


# Material's instant navigation handles a click on a link once it has the sitemap (a click before
# that waits for it), and handling reads the link's href. This link's href marks that and names no
# page of the sitemap; the link has no href attribute, so nothing navigates.
SITEMAP_PROBE = """() => {
  const probe = document.createElement("a");
  Object.defineProperty(probe, "href", { get() { window.__sitemapIn = true; return "about:blank"; } });
  document.body.append(probe);
  probe.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
  probe.remove();
}"""


def wait_for_sitemap(page: Page) -> None:
    """Wait until Material's instant navigation has its sitemap, so it intercepts link clicks."""
    page.evaluate(SITEMAP_PROBE)
    page.wait_for_function("window.__sitemapIn === true")


def go_home_and_back(page: Page) -> None:
    """Instant-navigate to Home via its tab, then to the category from the home cards."""
    page.locator(".md-tabs a.md-tabs__link", has_text="Home").click()
    page.wait_for_selector("ul.air-cards")
    page.locator(f"ul.air-cards a.air-card-title[href$='/{CATEGORY}/']").click()
    page.wait_for_selector(READY, state="attached")


def test_instant_navigation_binds_exactly_once(page: Page, base_url: str, catalog: Catalog, site: Path) -> None:
    """Home -> category -> home -> category by instant navigation: one set of handlers that works."""
    enable_instant_navigation(page, base_url, site)
    page.goto(base_url)
    wait_for_sitemap(page)
    page.evaluate("window.__samePage = true")
    page.locator(f"ul.air-cards a.air-card-title[href$='/{CATEGORY}/']").click()
    page.wait_for_selector(READY, state="attached")
    scope = "document.querySelector('form.air-filter').parentElement"
    first_window = listener_counts(page, "window")
    first_scope = listener_counts(page, scope)
    assert first_scope.get("input") == 1 and first_scope.get("click") == 1 and first_scope.get("change") == 1
    go_home_and_back(page)
    go_home_and_back(page)
    assert page.evaluate("window.__samePage") is True  # never a full page load
    assert listener_counts(page, scope) == first_scope
    assert listener_counts(page, "window") == first_window
    total = len(listed_on(catalog, CATEGORY))
    page.evaluate("""() => { window.__countChanges = 0;
        new MutationObserver(ms => { window.__countChanges += ms.length; })
            .observe(document.querySelector('.air-total'), {childList: true, characterData: true, subtree: true}); }""")
    page.fill("#air-find", "search")  # one input event
    expect_rows(page, expected_ids(catalog, find="search"), total)
    assert page.evaluate("window.__countChanges") == 1  # one handler wrote the count, once
    assert page.errors == []


def test_instant_navigation_to_a_row_anchor(page: Page, base_url: str, site: Path) -> None:
    """A home link to /category/#id, followed by instant navigation, shows and highlights that row."""
    enable_instant_navigation(page, base_url, site)
    page.goto(base_url)
    wait_for_sitemap(page)
    page.evaluate("window.__samePage = true")
    link = page.locator(".air-recent a[href*='/#']").last
    paper_id = link.get_attribute("href").split("#")[1]
    # Dispatched, not clicked: Playwright's scroll to the link would start Material's anchor tracking,
    # whose debounced replaceState can land after the navigation and rewrite its hash.
    link.dispatch_event("click")
    page.wait_for_selector(READY, state="attached")
    row = page.locator(f"tr[id='{paper_id}']")
    expect(row).to_have_class(re.compile(r"\bair-highlight\b"))
    expect(row).to_be_in_viewport()
    assert page.evaluate("window.__samePage") is True and page.errors == []


def test_state_survives_leaving_and_coming_back(page: Page, base_url: str, catalog: Catalog, site: Path) -> None:
    """After instant navigation away, Back restores the category page with its filter."""
    enable_instant_navigation(page, base_url, site)
    open_category(page, base_url)
    wait_for_sitemap(page)
    page.evaluate("window.__samePage = true")
    option(page, "method", "rl").click()
    page.locator(".md-tabs a.md-tabs__link", has_text="Home").click()
    page.wait_for_selector("ul.air-cards")
    page.go_back()
    page.wait_for_selector(READY, state="attached")
    assert page.evaluate("window.__samePage") is True
    expect(page.locator("input[name=method][value=rl]")).to_be_checked()
    expect_rows(page, expected_ids(catalog, method=("rl",)), len(listed_on(catalog, CATEGORY)))


# Every page, phones, no JavaScript


def site_pages(site: Path) -> list[str]:
    """URL paths of every built HTML page."""
    return sorted(str(p.relative_to(site).parent).replace(".", "") for p in site.rglob("index.html"))


def test_no_console_errors_on_any_page(page: Page, base_url: str, site: Path) -> None:
    """Every built page, and a category page with state and an anchor, loads without console errors."""
    paths = [f"{p}/" if p else "" for p in site_pages(site)]
    failures = {}
    for path in paths + [f"{CATEGORY}/?find=search&method=rl&sort=name-desc#search"]:
        page.errors.clear()
        page.goto(base_url + path, wait_until="load")
        if page.query_selector("form.air-filter"):
            page.wait_for_selector(READY, state="attached")
        if page.errors:
            failures[path] = list(page.errors)
    assert failures == {}


@pytest.mark.parametrize("path", [CATEGORY, "papers"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_rows_stack_with_their_links_on_screen(browser, base_url: str, catalog: Catalog,
                                                           scheme: str, path: str) -> None:
    """At 390 x 844 nothing scrolls sideways, on a category page and on the all-papers page: every row is a
    stacked block whose links (icons, and the category on /papers/) are on screen, each at least 24 x 24 px
    (WCAG 2.2's touch target); every filter chip is whole on screen and works."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    page = context.new_page()
    try:
        papers = listed_on(catalog, CATEGORY) if path == CATEGORY else list(catalog.papers)
        open_category(page, base_url, category=path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        boxes = page.eval_on_selector_all("table.air-table tbody tr", """rows => rows.map(row => ({
            id: row.id, wrapScrolls: row.closest('.air-table-wrap').scrollWidth > row.closest('.air-table-wrap').clientWidth + 1,
            links: [...row.querySelectorAll('a.air-link, .air-cat a')].map(a => { const r = a.getBoundingClientRect();
                return {left: r.left, right: r.right, width: r.width, height: r.height}; })}))""")
        assert len(boxes) == len(papers)
        for row in boxes:
            assert not row["wrapScrolls"] and row["links"], row["id"]
            for link in row["links"]:
                assert 0 <= link["left"] and link["right"] <= 390, row["id"]
                assert link["width"] >= 24 and link["height"] >= 24, row["id"]
        chips = page.eval_on_selector_all("label.air-option", """labels => labels.map(l => { const r = l.getBoundingClientRect();
            return {left: r.left, right: r.right, clipped: l.scrollWidth > l.clientWidth + 1}; })""")
        assert chips and all(0 <= c["left"] and c["right"] <= 390 and not c["clipped"] for c in chips), chips
        last_year = page.locator("fieldset[data-facet=year] label.air-option").last
        last_year.click()
        expect(last_year.locator("input")).to_be_checked()
        page.click("form.air-filter .air-status .air-clear")
        total = len(papers)
        expect(page.locator(".air-total")).to_have_text(total_text(total, total))
        last = papers[-1].id  # a row anchor far down the page lands on its row
        page.goto(f"{base_url}{path}/#{last}")
        page.wait_for_selector(READY, state="attached")
        expect(page.locator(f"tr#{last}")).to_have_class(re.compile(r"\bair-highlight\b"))
        expect(page.locator(f"tr#{last}")).to_be_in_viewport()
    finally:
        context.close()


def test_without_javascript_all_rows_show_and_controls_do_not(browser, base_url: str, catalog: Catalog) -> None:
    """With JavaScript off the panel stays hidden, sort buttons are disabled and every row and link shows."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base_url}{CATEGORY}/")
        expect(page.locator("form.air-filter")).to_be_hidden()
        assert len(visible_ids(page)) == len(listed_on(catalog, CATEGORY))
        for button in page.locator("button.air-sort").all():
            expect(button).to_be_disabled()
        title = page.locator("table.air-table a.air-title").first
        assert page.request.get(title.evaluate("a => a.href")).ok
    finally:
        context.close()


# Beyond INLINE_ROW_LIMIT: rows from the JSON island, drawn a window at a time


@pytest.fixture(name="island_url", scope="module")
def fixture_island_url(site: Path, tmp_path_factory) -> str:
    """A page holding a synthetic 1,200-paper category, rendered and converted as the site does, served."""
    catalog, category = synthetic_catalog(1200)
    folder = write_category_page(tmp_path_factory.mktemp("island"), site, catalog, category,
                                 '<script src="filter.js"></script>')
    with serve(folder) as url:
        yield url


def synthetic_expected(find: str = "", method=(), has=()) -> list[str]:
    """Synthetic papers the filter should keep."""
    catalog, _ = synthetic_catalog(1200)
    words = fold_for_search(find).split()
    return [p.id for p in catalog.papers if all(holds(search_text(p), w) for w in words)
            and all(m in p.methods for m in method) and all(h in {k for k, _ in p.links.items()} for h in has)]


def test_island_draws_a_window_and_shows_more(page: Page, island_url: str) -> None:
    """The two groups share WINDOW_ROWS drawn rows; 'show more' draws a group's next window."""
    page.goto(island_url)
    page.wait_for_selector(READY, state="attached")
    expect(page.locator(".air-total")).to_have_text("1200 of 1200 papers")
    window = WINDOW_ROWS // 2
    alpha = page.locator('.air-group[data-sub="alpha"]')
    expect(alpha.locator("tbody tr")).to_have_count(window)
    expect(alpha.locator(".air-nojs")).to_be_hidden()
    more = alpha.locator("button.air-more")
    expect(more).to_have_text(f"Show {window} more ({600 - window} not shown)")
    more.click()
    expect(alpha.locator("tbody tr")).to_have_count(2 * window)
    expect(more).to_have_text(f"Show {window} more ({600 - 2 * window} not shown)")
    assert page.locator("tbody tr").evaluate_all("rows => new Set(rows.map(r => r.id)).size") == 3 * window
    assert page.errors == []


def test_island_filters_all_papers_not_just_drawn_ones(page: Page, island_url: str) -> None:
    """Text and facets search every paper of the island; matches beyond the window are drawn."""
    page.goto(island_url)
    page.wait_for_selector(READY, state="attached")
    page.fill("#air-find", "syn1199")
    expect_rows(page, ["paper-01199"], 1200)
    page.fill("#air-find", "")
    option(page, "method", "sft").click()
    option(page, "has", "code").click()
    want = synthetic_expected(method=("sft",), has=("code",))
    expect(page.locator(".air-total")).to_have_text(total_text(len(want), 1200))
    assert sorted(visible_ids(page)) == sorted(want)  # fewer than a window per group
    assert query_of(page) == {"method": ["sft"], "has": ["code"]}
    page.reload()
    page.wait_for_selector(READY, state="attached")
    assert sorted(visible_ids(page)) == sorted(want)


def test_island_anchor_draws_a_paper_beyond_the_window(page: Page, island_url: str) -> None:
    """#id of a paper not drawn (and hidden by the URL's filter) is drawn, shown and highlighted."""
    page.goto(f"{island_url}?find=qqqq#paper-01190")
    page.wait_for_selector(READY, state="attached")
    row = page.locator("tr[id='paper-01190']")
    expect(row).to_be_in_viewport()
    expect(row).to_have_class(re.compile(r"\bair-highlight\b"))
    expect(page.locator("#air-find")).to_have_value("")


def test_island_sorts_over_all_papers(page: Page, island_url: str) -> None:
    """Oldest-first shows the oldest papers of the whole group, not of the drawn window."""
    page.goto(island_url)
    page.wait_for_selector(READY, state="attached")
    page.locator('.air-group[data-sub="alpha"] th.air-col-date button').click()
    first = page.locator('.air-group[data-sub="alpha"] tbody tr').first
    expect(first).to_have_attribute("data-date", "2025-01")
