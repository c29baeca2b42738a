"""Accessibility in headless Chromium: axe-core finds no serious or critical violation on any kind of page,
in the light and the dark palette, and the filter's controls are named, keyboard reachable and show focus."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}  # browser colour scheme -> Material's data-md-color-scheme
BLOCKING = ("serious", "critical")
PAGES = ["", "multimodal/", "multi-round-acting/", "multi-agent/", "unified-generation/", "papers/", "definitions/",
         "papers/deepeyes/", "standard-reasoning/", "datasets/", "activities/", "about/"]
# (category page with a query string, its text filter, how many options it checks)
FILTERED = [("multimodal/?find=search", "search", 0), ("multi-round-acting/?find=search&method=rl", "search", 1),
            ("multi-agent/?find=debate", "debate", 0), ("unified-generation/?find=image&year=2025", "image", 1),
            ("papers/?find=agent&cat=multimodal&month=2025-05", "agent", 1)]
MAX_TABS = 250
RENDER_ALL_GROUPS = ".air-group--lazy { content-visibility: visible !important; }"
NO_CARET = "*, *::before, *::after { caret-color: transparent !important; }"

# Control -> (a selector for it, or for the element whose box shows its focus)
FOCUS_TARGETS = {
    "skip-link": "a.md-skip",
    "header-tab": ".md-tabs__link",
    "palette-toggle": "input.md-option",
    "intro-link": ".air-intro a",
    "filter-box": ".air-filter input[type=search]",
    "facet-checkbox": ".air-filter input[type=checkbox]",
    "sort-button": "th button",
    "table-region": "[role=region][tabindex='0']",
    "title-link": "a.air-title",
    "icon-link": "a.air-link",
    "row-checkbox": "tbody input.air-pick",
    "row-copy-bibtex": "button.air-copy-bib",
    "basket-toggle": "button.air-basket-toggle",
}


@pytest.fixture(scope="session", autouse=True)
def require_axe() -> None:
    """axe-core comes from npm (`make node-tools`); without it these tests cannot say anything."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make node-tools` (npm ci)")


@pytest.fixture(name="themed", params=list(SCHEMES), ids=list(SCHEMES))
def fixture_themed(browser, request):
    """A page in a browser context that prefers the light or the dark colour scheme; yields (page, scheme)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page, request.param
    context.close()


def blocking_violations(page, include: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the page (or in the elements `include` selects) once its
    colours are final (no CSS transition under way: axe reads computed colours, and Material fades links,
    buttons and overlays between states) and every table group is rendered (catalog.css lets the browser skip
    groups off screen until they are scrolled to, and axe reads garbage colours from skipped content), one
    line per element."""
    page.add_style_tag(content=RENDER_ALL_GROUPS)
    page.wait_for_function("document.getAnimations().every((a) => !(a instanceof CSSTransition))")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async (include) => (await axe.run(include ? {include: include.map((s) => [s])}
        : document, {resultTypes: ['violations']})).violations""", include)
    return [f"{v['id']} ({v['impact']}): {' '.join(node['target'])}: {node['failureSummary']}"
            for v in violations if v["impact"] in BLOCKING for node in v["nodes"]]


def open_page(page, base_url: str, path: str, scheme: str) -> None:
    """Load a page and check Material applied the palette the browser asks for."""
    page.goto(base_url + path)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]


def wait_for_filter(page, find: str) -> None:
    """Wait until the filter panel is shown and has applied the query string's text."""
    page.wait_for_selector(".air-filter:not([hidden])")
    page.wait_for_function("(find) => document.querySelector('.air-filter input[type=search]').value === find", arg=find)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_first_visit_draws_the_preferred_palette_from_the_start(browser, base_url: str, scheme: str) -> None:
    """On a first visit (nothing stored) the palette the browser prefers is set before the content is parsed,
    so no link starts in the other palette's colour and fades over (which axe could catch half-way)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    context.add_init_script("""new MutationObserver((changes, observer) => {
        if (!document.querySelector('article')) return;
        window.schemeWhenContentParsed = document.body.getAttribute('data-md-color-scheme');
        observer.disconnect();
    }).observe(document, {childList: true, subtree: true});""")
    page = context.new_page()
    try:
        page.goto(base_url + "multi-round-acting/")
        assert page.evaluate("window.schemeWhenContentParsed") == SCHEMES[scheme]
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES, ids=[p.strip("/") or "home" for p in PAGES])
def test_page_has_no_serious_violations(themed, base_url: str, path: str) -> None:
    """Home, every category, a paper page, definitions and the other pages pass axe in both palettes."""
    page, scheme = themed
    open_page(page, base_url, path, scheme)
    assert blocking_violations(page) == []
    assert page.errors == []


@pytest.mark.parametrize(("path", "find", "checked"), FILTERED, ids=[p.split("/")[0] for p, _, _ in FILTERED])
def test_filtered_category_has_no_serious_violations(themed, base_url: str, path: str, find: str, checked: int) -> None:
    """A category page with its filter applied (dimmed options, counts, hidden rows) passes axe."""
    page, scheme = themed
    open_page(page, base_url, path, scheme)
    wait_for_filter(page, find)
    assert page.locator(".air-filter input:checked").count() == checked
    assert blocking_violations(page) == []


@pytest.mark.parametrize("path", ["multi-round-acting/?cite=search-r1,webgpt&find=search", "papers/deepeyes/?cite=deepeyes"],
                         ids=["category", "paper"])
def test_open_citation_basket_has_no_serious_violations(themed, base_url: str, path: str) -> None:
    """The citation basket (cite.js) open with its preview drawn, and the ticked rows, pass axe in both palettes."""
    page, scheme = themed
    open_page(page, base_url, path, scheme)
    page.wait_for_selector(".air-basket[data-ready]", state="attached")
    page.click(".air-basket-toggle")
    page.wait_for_selector(".air-basket[data-preview]", state="attached")
    assert page.locator(".air-basket-preview li").count() >= 1
    assert blocking_violations(page) == []
    assert page.errors == []


def test_search_results_have_no_serious_violations(themed, base_url: str) -> None:
    """The search dialog, open with results (papers with excerpts, a link to a filtered table, pages)
    and highlighted matches, passes axe."""
    page, scheme = themed
    open_page(page, base_url, "", scheme)
    page.click(".md-search__input")
    # Material's worker has loaded the index once the prompt leaves "Initializing search"
    page.wait_for_function("!/initializ/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.keyboard.type("gui agent")
    page.wait_for_selector('.md-search-result__item > a[href*="?find=gui"]')
    assert page.locator(".md-search-result__item mark").count() > 0
    assert page.get_attribute(".md-search", "aria-label")
    assert blocking_violations(page) == []


def test_palette_toggle_switches_and_passes(browser, base_url: str) -> None:
    """Clicking the palette toggle turns the light page dark, and the dark page passes axe."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    try:
        open_page(page, base_url, "multimodal/", "light")
        page.locator("form[data-md-component=palette] label:visible").click()
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        assert blocking_violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", ["", "multi-agent/", "papers/deepeyes/"], ids=["home", "multi-agent", "paper"])
def test_phone_navigation_drawer_passes(browser, base_url: str, path: str, scheme: str) -> None:
    """On a phone-sized screen, the open navigation drawer (on its current section) and the header pass axe. (The
    page behind the drawer is dimmed by Material's overlay, a backdrop not meant to be read; the page itself is
    checked at phone width with the drawer closed.)"""
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    page = context.new_page()
    try:
        open_page(page, base_url, path, scheme)
        page.locator(".md-header label[for=__drawer]").click()
        page.wait_for_function("document.getElementById('__drawer').checked")
        assert blocking_violations(page, [".md-sidebar--primary", ".md-header"]) == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", ["multi-round-acting/", "authors/", "papers/ui-tars/"],
                         ids=["category", "authors", "paper"])
def test_phone_page_has_no_serious_violations(browser, base_url: str, path: str, scheme: str) -> None:
    """At 390 x 844 the stacked table rows, the author index and a paper page pass axe in both palettes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    page = context.new_page()
    try:
        open_page(page, base_url, path, scheme)
        assert blocking_violations(page) == []
    finally:
        context.close()


# Keyboard and focus


def tab_to(page, selector: str) -> int:
    """Press Tab until the focused element is the first match of selector; return the presses it took (0: never)."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return presses
    return 0


def focus_box(page) -> dict:
    """Viewport box, grown by 6px for outlines, of what shows the focused element: itself, or for a visually
    hidden input its label (around it, pointing at it, or, for Material's palette toggle, right after it)."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        const next = el.nextElementSibling;
        const label = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]:not([hidden])`))
            || (next && next.tagName === 'LABEL' ? next : null);
        const shown = el.getBoundingClientRect().width > 2 ? el : (label || el);
        shown.scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});
        const r = shown.getBoundingClientRect();
        const x = Math.max(0, r.x - 6), y = Math.max(0, r.y - 6);
        return {x, y, width: Math.min(innerWidth - x, r.width + 12), height: Math.min(innerHeight - y, r.height + 12)};
    }""")


@pytest.mark.parametrize("control", list(FOCUS_TARGETS))
def test_control_is_keyboard_reachable_with_visible_focus(page, base_url: str, control: str) -> None:
    """Tab reaches the control, and it looks different focused than not (outline, ring or highlight)."""
    page.goto(base_url + "multi-round-acting/")
    page.wait_for_selector(".air-filter:not([hidden])")
    page.add_style_tag(content=NO_CARET)
    selector = FOCUS_TARGETS[control]
    assert tab_to(page, selector), f"Tab never reaches {selector}"
    box = focus_box(page)
    focused = page.screenshot(clip=box, animations="disabled")
    page.evaluate("document.activeElement.blur()")
    unfocused = page.screenshot(clip=box, animations="disabled")
    assert focused != unfocused, f"{control}: focus is not visible"


def test_filter_controls_are_named_and_work_from_the_keyboard(page, base_url: str) -> None:
    """The text box and every option have accessible names; Space toggles an option reached by Tab."""
    page.goto(base_url + "multi-round-acting/")
    page.wait_for_selector(".air-filter:not([hidden])")
    assert page.get_by_role("searchbox", name="Filter papers").is_visible()
    options = page.locator(".air-filter input[type=checkbox]")
    for index in range(options.count()):
        option = options.nth(index)
        text = option.locator("xpath=..").inner_text().split()[0]
        assert page.get_by_role("checkbox", name=text).count() >= 1, text
    assert page.get_by_role("button", name="Date").count() == page.locator(".air-group table").count()
    assert tab_to(page, ".air-filter input[type=checkbox]")
    page.keyboard.press("Space")
    assert options.first.is_checked()
    page.wait_for_function("(name) => new URLSearchParams(location.search).has(name)",
                           arg=options.first.get_attribute("name"))
