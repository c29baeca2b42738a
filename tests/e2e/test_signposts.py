"""Signposts that lead to the rule: a category page's links to the boundary rules that involve it, a boundary
paper's 'Borders on' link, the Categories tab's overview, and the feed in every footer; at phone and desktop
width."""
from __future__ import annotations

import pytest
from catalog.models import Catalog
from catalog.render.definitions import boundaries_of
from playwright.sync_api import expect

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture(name="sized", params=list(WIDTHS))
def fixture_sized(browser, request):
    """A page at phone or desktop size."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    yield page
    context.close()


def test_category_pages_link_each_rule_that_tells_them_apart(sized, base_url: str, catalog: Catalog) -> None:
    """Each category page links every boundary rule involving it; each link lands on that rule's heading."""
    for category in catalog.taxonomy.categories:
        sized.goto(f"{base_url}{category.id}/")
        links = sized.locator(".air-told-apart a")
        rules = boundaries_of(catalog, category.id)
        expect(links).to_have_count(len(rules))
        for index, (_, boundary) in enumerate(rules):
            sized.goto(f"{base_url}{category.id}/")
            sized.locator(".air-told-apart a").nth(index).click()
            sized.wait_for_url(f"**/definitions/#{boundary.id}")
            expect(sized.locator(f"h3#{boundary.id}")).to_be_in_viewport()


def test_borders_on_links_to_the_rule_that_decides(sized, base_url: str, catalog: Catalog) -> None:
    """A boundary paper's 'Borders on' fact opens the rule between its two categories (every rule, once)."""
    ruled = {}
    for paper in catalog.papers:
        rule = next((b for _, b in boundaries_of(catalog, paper.category) if paper.secondary_category in b.between),
                    None)
        if paper.secondary_category and rule:
            ruled.setdefault(rule.id, (paper, rule))
    assert len(ruled) == len(catalog.taxonomy.boundaries)
    for paper, rule in ruled.values():
        sized.goto(f"{base_url}{paper.url}")
        fact = sized.locator(".air-facts dt", has_text="Borders on").locator("xpath=following-sibling::dd[1]/a")
        fact.click()
        sized.wait_for_url(f"**/definitions/#{rule.id}")
        expect(sized.locator(f"h3#{rule.id}")).to_be_in_viewport()


def test_categories_tab_opens_the_overview(browser, base_url: str, catalog: Catalog) -> None:
    """The Categories tab opens a page of the four categories, each with its one-line summary and paper count."""
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS["desktop"])))
    page = context.new_page()
    try:
        page.goto(base_url)
        page.locator(".md-tabs__link", has_text="Categories").click()
        page.wait_for_url("**/categories/")
        cards = page.locator(".air-card")
        expect(cards).to_have_count(len(catalog.taxonomy.categories))
        for index, category in enumerate(catalog.taxonomy.categories):
            expect(cards.nth(index).locator(".air-card-summary")).to_have_text(category.summary)
            count = len(catalog.in_category(category.id))
            expect(cards.nth(index).locator(".air-card-count")).to_have_text(f"{count} paper{'s' if count != 1 else ''}")
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "multimodal/", "papers/deepeyes/", "authors/", "about/"])
def test_every_footer_offers_the_feed(sized, base_url: str, path: str) -> None:
    """'Subscribe (Atom)' at the foot of every page kind, linking the Atom feed."""
    sized.goto(base_url + path)
    link = sized.locator(".md-copyright a.air-subscribe")
    expect(link).to_have_text("Subscribe (Atom)")
    assert sized.request.get(link.evaluate("a => a.href")).headers["content-type"].startswith(("application/", "text/xml"))
