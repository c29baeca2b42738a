"""Exports: the awesome-list markdown (and its round trip), papers.json, papers.bib and feed.xml (the other citation
formats are tests/unit/test_cite.py's)."""
from __future__ import annotations

import dataclasses
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.bparser import BibTexParser
from catalog.cite.export import CITE_FORMATS
from catalog.edit import render_entries
from catalog.export_feed import FEED_SIZE, export_feed, xml_text
from catalog.export_json import paper_record
from catalog.export_markdown import escape_markdown, escape_markdown_url, export_markdown, render_bullet
from catalog.export_site import site_files
from catalog.importer import read_awesome_list
from catalog.load import load_catalog
from catalog.models import Catalog, Paper
from catalog.render.html import json_for_script
from jsonschema import Draft202012Validator

from tests.cite_tools import decode_tex
from tests.fixtures.catalog_data import ROOT, make_data_dir

SITE_URL = "https://example.org/air/"
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = json.loads((ROOT / "data" / "schema" / "papers-json.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(name="fixture_catalog")
def fixture_fixture_catalog(tmp_path) -> Catalog:
    """The fixture catalog (hostile titles included), loaded from a temporary data directory."""
    return load_catalog(make_data_dir(tmp_path))


def carried(paper: Paper) -> dict:
    """The fields the markdown format carries."""
    return {"id": paper.id, "title": paper.title, "short_name": paper.short_name, "category": paper.category,
            "subcategory": paper.subcategory, "date": paper.date, "arxiv": paper.arxiv, "methods": paper.methods,
            "links": paper.links, "authors": paper.authors, "authors_complete": paper.authors_complete,
            "authors_source": paper.authors_source, "shared_author_names": paper.shared_author_names}


def catalog_from_markdown(markdown: str, catalog: Catalog, parent: Path) -> Catalog:
    """Import markdown, write the entries as a data directory next to a copy of the taxonomy, and load it."""
    result = read_awesome_list(markdown, catalog.taxonomy)
    assert result.problems == []
    data = parent / "roundtrip" / "data"
    (data / "papers").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "taxonomy.yaml", data)
    shutil.copytree(ROOT / "data" / "schema", data / "schema")
    for category in catalog.taxonomy.categories:
        entries = [e for e in result.entries if e.get("category") == category.id]
        (data / "papers" / f"{category.id}.yaml").write_text(render_entries(entries), encoding="utf-8")
    examples = [e for e in result.entries if "category" not in e]
    (data / "standard-reasoning.yaml").write_text(render_entries(examples), encoding="utf-8")
    return load_catalog(data)


def assert_same_catalog(before: Catalog, after: Catalog) -> None:
    """Every paper and example comes back with every field the markdown carries."""
    assert sorted(map(carried, after.papers), key=lambda c: c["id"]) == \
        sorted(map(carried, before.papers), key=lambda c: c["id"])
    assert list(map(carried, after.standard_examples)) == list(map(carried, before.standard_examples))


def parse_bibtex(text: str) -> list[dict]:
    """Entries of a BibTeX text, as bibtexparser 1.x reads them."""
    return bibtexparser.loads(text, parser=BibTexParser(common_strings=True)).entries


def feed_entries(xml: str) -> list[ET.Element]:
    """The <entry> elements of an Atom feed (parsing it proves it well-formed)."""
    return ET.fromstring(xml).findall(f"{ATOM}entry")


# Markdown


def test_escape_markdown_escapes_syntax_characters():
    r"""Brackets, pipes, emphasis, code, HTML, braces and tildes get a backslash; line breaks become spaces."""
    assert escape_markdown("a[b]|c*d_e\\f`g<h>{{i}}~j\nk") == r"a\[b\]\|c\*d\_e\\f\`g\<h>\{\{i\}\}\~j k"


def test_escape_markdown_url_escapes_parentheses():
    r"""Parentheses and backslashes in a link target are escaped; the rest of the URL is untouched."""
    assert escape_markdown_url("https://x.org/A_(b)?q=\\") == r"https://x.org/A_\(b\)?q=\\"


def test_render_bullet_in_the_source_format(fixture_catalog):
    """A bullet has methods, date code, short name, title link, labelled links and the id comment."""
    assert render_bullet(fixture_catalog.paper("deepeyes"), fixture_catalog.taxonomy) == (
        '* [**RL**] [2505] [DeepEyes] [DeepEyes: Incentivizing "Thinking with Images" via Reinforcement Learning]'
        "(https://arxiv.org/abs/2505.14362) [[🌐Project](https://visual-agent.github.io/)] "
        "[[💻Code](https://github.com/Visual-Agent/DeepEyes)] [[🤗Models](https://huggingface.co/ChenShawn/DeepEyes-7B)] "
        "[[🤗Datasets](https://huggingface.co/datasets/ChenShawn/DeepEyes-Datasets-47k)] <!-- id: deepeyes; authors: "
        "Ziwei Zheng, Michael Yang, Jack Hong, Chenxiao Zhao, Guohai Xu, Le Yang, Chao Shen, Xing Yu; "
        "authors_source: arXiv abstract page (https://arxiv.org/abs/2505.14362v3) -->")


def test_render_bullet_escapes_hostile_text(fixture_catalog):
    """Markup in names, titles and URLs is escaped; extra paper links and a hidden arXiv id are kept."""
    taxonomy = fixture_catalog.taxonomy
    assert render_bullet(fixture_catalog.paper("hostile-markup"), taxonomy) == (
        r"* [**Prompt**] [2506] [V\* \[x\] \| \`y\`] [\<script>alert(" '"x"' r")\</script> \{\{ config \}\} "
        r"\{% raw %\} a\|b \*bold\* \_under\_ \\back\\slash \[brackets\] \`code\` & 100% $5 #1 \~^ \<!-- -->]"
        r"(https://arxiv.org/abs/2506.00001) [[🌐Project](https://example.org/wiki/A_\(b\))] "
        "[[💻Code](https://github.com/example/one)] [[💻Code](https://github.com/example/two)] "
        '<!-- id: hostile-markup; authors: Zoë "%3E%3Cimg src=x onerror=alert(document.cookie)%3E, %7BBrace%7D '
        "Percent%25 & Ampersand, José Müller, {%3Cb%3EOrg%3C/b%3E & %7BCo%7D %25}; authors_source: a made-up "
        "%3Ci%3Esource%3C/i%3E & %7Bbraces%7D 100%25 -->")
    assert render_bullet(fixture_catalog.paper("zurich-2048"), taxonomy).endswith(
        "](https://openreview.net/forum?id=abc_def) [[📄Paper](https://arxiv.org/abs/2506.00002)] "
        "[[🤗Datasets](https://huggingface.co/datasets/example/set)] <!-- id: zurich-2048; arxiv: 2506.00002; "
        "authors: Ada Lovelace, Charles Babbage; authors_source: made up for the tests -->")
    assert render_bullet(fixture_catalog.paper("society-of-mind"), taxonomy) == (
        "* [8603] [The Society of Mind](https://archive.org/details/societyofmind00mins) "
        "<!-- id: society-of-mind; date: 1986-03; authors: Ada Lovelace, Charles Babbage; "
        "authors_source: made up for the tests -->")


def test_export_markdown_layout(fixture_catalog):
    """Headings follow the source list: standard reasoning, then ### categories and #### subcategories in order."""
    headings = [line for line in export_markdown(fixture_catalog).splitlines() if line.startswith("#")]
    assert headings == [
        "# Awesome Interleaving Reasoning", "## Standard Reasoning Examples", "## Awesome Interleaving Reasoning Papers",
        "### Multimodal Interleaving Reasoning", "### Multi-Round Acting Interleaving Reasoning", "#### Search",
        "#### Code", "#### UI", "#### Complex acting", "#### Others", "### Multi-Agent Interleaving Reasoning",
        "#### Debate", "#### Coordination", "### Unified Understanding and Generation Interleaving Reasoning",
        "#### Generation", "#### Understanding"]


def test_markdown_round_trip_with_hostile_titles(fixture_catalog, tmp_path):
    """Importing the exported markdown gives back every paper and example, hostile titles included."""
    assert_same_catalog(fixture_catalog, catalog_from_markdown(export_markdown(fixture_catalog), fixture_catalog,
                                                               tmp_path))


# BibTeX


def test_bibtex_parses_and_round_trips(fixture_catalog):
    """papers.bib parses with bibtexparser; title and eprint come back for every paper."""
    entries = {e["ID"]: e for e in parse_bibtex(site_files(fixture_catalog, SITE_URL)["papers.bib"])}
    assert set(entries) == {p.id for p in fixture_catalog.papers}
    for paper in fixture_catalog.papers:
        entry = entries[paper.id]
        assert decode_tex(entry["title"]) == paper.title
        assert entry.get("eprint", "") == paper.arxiv


# JSON


def test_json_validates_against_its_schema(fixture_catalog):
    """papers.json is a list of one record per paper that data/schema/papers-json.schema.json accepts."""
    records = json.loads(site_files(fixture_catalog, SITE_URL)["papers.json"])
    Draft202012Validator.check_schema(SCHEMA)
    assert list(Draft202012Validator(SCHEMA).iter_errors(records)) == []
    assert [r["id"] for r in records] == [p.id for p in fixture_catalog.papers]


def test_paper_record_fields(fixture_catalog):
    """Optional values are null, link kinds without URLs are absent, and url is the paper page's path."""
    assert paper_record(fixture_catalog.paper("zurich-2048")) == {
        "id": "zurich-2048", "title": "Zürich “quotes” — **not bold** </script><!-- ]](http://x) {} \\\\ \\{",
        "short_name": "2048", "arxiv": "2506.00002", "date": "2025-06", "category": "unified-generation",
        "subcategory": "generation", "methods": [],
        "authors": [{"name": "Ada Lovelace", "given": "Ada", "family": "Lovelace"},
                    {"name": "Charles Babbage", "given": "Charles", "family": "Babbage"}],
        "authors_complete": True, "venue": None,
        "links": {"paper": ["https://openreview.net/forum?id=abc_def", "https://arxiv.org/abs/2506.00002"],
                  "datasets": ["https://huggingface.co/datasets/example/set"]},
        "abstract": 'An abstract with <b>markup</b> & "quotes".', "added": "2026-11-25", "url": "papers/zurich-2048/"}


def test_schema_rejects_a_wrong_record(fixture_catalog):
    """The schema is strict: an unknown key or an empty link list is an error."""
    record = paper_record(fixture_catalog.paper("deepeyes")) | {"extra": 1}
    record["links"]["code"] = []
    messages = sorted(e.message for e in Draft202012Validator(SCHEMA).iter_errors([record]))
    assert messages == ["Additional properties are not allowed ('extra' was unexpected)", "[] should be non-empty"]


def test_json_for_script_cannot_close_a_script():
    """Embedded JSON has no '</' or '<!--', and still parses to the same value."""
    value = {"title": "</script><!-- a & b \u2028"}
    text = json_for_script(value)
    assert text == '{"title":"\\u003c/script>\\u003c!-- a & b \u2028"}'
    assert json.loads(text) == value


# Feed


def test_feed_lists_recent_papers(fixture_catalog):
    """The Atom feed parses; entries are newest-added first, with title, page link, category and summary."""
    xml = site_files(fixture_catalog, SITE_URL)["feed.xml"]
    root = ET.fromstring(xml)
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/air/feed.xml"
    entries = feed_entries(xml)
    assert len(entries) == len(fixture_catalog.papers)
    first = entries[0]
    assert first.find(f"{ATOM}title").text == "Zürich “quotes” — **not bold** </script><!-- ]](http://x) {} \\\\ \\{"
    assert first.find(f"{ATOM}link").get("href") == "https://example.org/air/papers/zurich-2048/"
    assert first.find(f"{ATOM}id").text == "https://example.org/air/papers/zurich-2048/"
    assert first.find(f"{ATOM}category").attrib == {
        "term": "unified-generation", "label": "Unified Understanding and Generation Interleaving Reasoning"}
    assert first.find(f"{ATOM}summary").text == 'An abstract with <b>markup</b> & "quotes".'
    assert first.find(f"{ATOM}updated").text == first.find(f"{ATOM}published").text == "2026-11-25T00:00:00Z"
    assert entries[1].find(f"{ATOM}summary").text == entries[1].find(f"{ATOM}title").text  # no abstract: the title
    assert root.find(f"{ATOM}updated").text == "2026-11-25T00:00:00Z"


def test_feed_keeps_the_thirty_most_recently_added(fixture_catalog):
    """Of 40 papers, the feed holds the 30 with the latest `added` (then date), newest first."""
    base = fixture_catalog.paper("deepeyes")
    papers = tuple(dataclasses.replace(base, id=f"p{n}", added=f"2026-01-{n % 28 + 1:02d}",
                                       date=f"2025-{n % 12 + 1:02d}") for n in range(40))
    catalog = dataclasses.replace(fixture_catalog, papers=papers, _by_id={})
    ids = [e.find(f"{ATOM}link").get("href").rsplit("/", 2)[1] for e in feed_entries(export_feed(catalog, SITE_URL))]
    expected = sorted(papers, key=lambda p: (p.added, p.date), reverse=True)[:FEED_SIZE]
    assert ids == [p.id for p in expected]
    assert len(ids) == FEED_SIZE


def test_xml_text_drops_characters_xml_cannot_hold():
    """Control characters are removed; tabs and newlines stay."""
    assert xml_text("a\x00b\x1fc\td\ne\ufffe") == "abc\td\ne"


def test_site_files_needs_an_absolute_site_url(fixture_catalog):
    """The feed needs absolute links, so a relative site_url is refused."""
    citation_files = {f.catalog_file for f in CITE_FORMATS} | {p.url + f.paper_file for p in fixture_catalog.papers
                                                              for f in CITE_FORMATS}
    feeds = {"feed.xml"} | {f"{c.id}/feed.xml" for c in fixture_catalog.taxonomy.categories}
    assert set(site_files(fixture_catalog, SITE_URL)) == {"papers.json"} | feeds | citation_files
    with pytest.raises(ValueError, match="site_url must be an absolute http\\(s\\) URL for the feed's links, not '/air/'"):
        site_files(fixture_catalog, "/air/")


# The real catalog


def test_real_catalog_exports(catalog, tmp_path):
    """On the real data: the markdown round trip holds, and papers.json, papers.bib and feed.xml are valid."""
    assert_same_catalog(catalog, catalog_from_markdown(export_markdown(catalog), catalog, tmp_path))
    files = site_files(catalog, SITE_URL)
    assert list(Draft202012Validator(SCHEMA).iter_errors(json.loads(files["papers.json"]))) == []
    entries = parse_bibtex(files["papers.bib"])
    assert [e["ID"] for e in entries] == [p.id for p in catalog.papers]
    assert [decode_tex(e["title"]) for e in entries] == [p.title for p in catalog.papers]
    assert len(feed_entries(files["feed.xml"])) == min(FEED_SIZE, len(catalog.papers))
