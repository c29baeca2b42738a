"""Citations: the model, BibTeX (case protection included), RIS, CSL-JSON, COinS and Highwire tags, for a
conference, a journal, a workshop and a preprint paper and the hostile papers; each read back by its real
tool (bibtex, citeproc-js in APA, rispy)."""
from __future__ import annotations

import dataclasses
import json
from urllib.parse import parse_qsl

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from catalog.cite.bibtex import escape_bibtex, escape_bibtex_url, keeps_its_case, protect_case, render_bibtex_entry
from catalog.cite.coins import context_object, render_coins
from catalog.cite.csl import csl_item, render_csl_item
from catalog.cite.export import BIBTEX, CITE_FORMATS, CSL_JSON, RIS, cite_files, export_citations
from catalog.cite.highwire import highwire_tags
from catalog.cite.model import PARTIAL_AUTHORS_NOTE, Citation, citation_of
from catalog.cite.ris import render_ris_record
from catalog.load import load_catalog
from catalog.models import Catalog, Paper, Venue
from catalog.render.category import Listing, Section, island_rows

from tests.cite_tools import APA_ALL_AUTHORS, cited_year, decode_tex, expected_ris, inverted_names
from tests.fixtures.catalog_data import make_data_dir
from tests.hostile import HOSTILE

# Venues invented for the tests: the real data has no journal or workshop paper yet.
JOURNAL = Venue("TTF 2025", "Transactions on Test Fixtures", "journal")
WORKSHOP = Venue("TFW 2025", "Workshop on Test Fixtures & {Braces} at 100%", "workshop")
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})  # citeproc's typographic quotes, undone


@pytest.fixture(name="fixture_catalog", scope="module")
def fixture_fixture_catalog(tmp_path_factory) -> Catalog:
    """The fixture catalog of tests/fixtures/catalog."""
    return load_catalog(make_data_dir(tmp_path_factory.mktemp("cite")))


@pytest.fixture(name="papers", scope="module")
def fixture_papers(fixture_catalog: Catalog, hostile_project) -> dict[str, Paper]:
    """One paper of each kind, by kind: a conference paper (DeepEyes, ICLR 2026), a journal and a workshop
    paper (DeepEyes and Search-R1 at invented venues), preprints on arXiv (Search-R1) and off it (OpenAI's
    deep research, an organisation), a paper whose author list is partial, and the hostile papers."""
    deepeyes, search_r1 = fixture_catalog.paper("deepeyes"), fixture_catalog.paper("search-r1")
    hostile = load_catalog(hostile_project / "data")
    return {
        "conference": deepeyes,
        "journal": dataclasses.replace(search_r1, id="search-r1-journal", venue=JOURNAL),
        "workshop": dataclasses.replace(deepeyes, id="deepeyes-workshop", venue=WORKSHOP),
        "preprint": search_r1,
        "organisation": fixture_catalog.paper("deep-research"),
        "partial": dataclasses.replace(search_r1, id="search-r1-partial", authors_complete=False),
        **{paper_id: hostile.paper(paper_id) for paper_id in HOSTILE},
    }


# The model


def test_citation_of_a_conference_paper(papers):
    """DeepEyes (arXiv 2025-05, ICLR 2026) is cited as ICLR 2026's: the venue's year, no month, the
    proceedings as container, the arXiv DOI and the paper link."""
    assert citation_of(papers["conference"]) == Citation(
        key="deepeyes", kind="conference", title=papers["conference"].title, authors=papers["conference"].authors,
        authors_complete=True, year="2026", month=0,
        container_title="The Fourteenth International Conference on Learning Representations", arxiv="2505.14362",
        doi="10.48550/arXiv.2505.14362", url="https://arxiv.org/abs/2505.14362")


def test_citation_dates(papers):
    """A preprint keeps its month; a venue without a year in its name falls back to the paper's year."""
    assert (citation_of(papers["preprint"]).year, citation_of(papers["preprint"]).month) == ("2025", 3)
    assert (citation_of(papers["hostile-markup"]).year, citation_of(papers["hostile-markup"]).month) == ("2024", 0)
    assert citation_of(papers["organisation"]).doi == "" and citation_of(papers["organisation"]).pdf_url == ""
    assert citation_of(papers["preprint"]).pdf_url == "https://arxiv.org/pdf/2503.09516"


# BibTeX: escaping and case protection


def test_escape_bibtex_keeps_braces_balanced():
    """TeX specials become braced commands (one 'special character' each to BibTeX), so no field is left
    unbalanced and no style cuts into one; line breaks become spaces."""
    assert escape_bibtex("50% & $x_1#~^ {a} \\ <b>\n") == (
        r"50{\%} {\&} {\$}x{\_}1{\#}{\textasciitilde}{\textasciicircum} {\textbraceleft}a{\textbraceright} "
        r"{\textbackslash} {\textless}b{\textgreater} ")


def test_escape_bibtex_url_encodes_braces():
    """Braces and backslashes in URLs are percent-encoded; % and # stay as they are."""
    assert escape_bibtex_url("https://x.org/{a}\\b?c=%20#d") == "https://x.org/%7Ba%7D%5Cb?c=%20#d"



@pytest.mark.parametrize(("title", "protected"), [
    ("GoT-R1: reasoning & {Images}", r"{GoT}-{R1}: reasoning {\&} {\textbraceleft}Images{\textbraceright}"),
    ('DeepEyes: Incentivizing "Thinking with Images"', '{DeepEyes}: Incentivizing "Thinking with Images"'),
    ("Training LLMs and VLMs", "Training {LLMs} and {VLMs}"),
    ("Search-R1 and X-Reasoner", "{Search}-{R1} and {X}-{Reasoner}"),
    ("Chain-of-Thought Reasoning in 3D", "Chain-of-Thought Reasoning in {3D}"),
    ("RL-based Qwen2.5-VL on iPhone", "{RL}-based {Qwen2}.5-{VL} on {iPhone}"),
    ("VLM-R³: Region Recognition", "{VLM}-{R³}: Region Recognition"),
    ("A Survey of Monte Carlo Search", "A Survey of Monte Carlo Search"),
    ("50% of $x_1 under ~/tmp", r"50{\%} of {\$}x{\_}1 under {\textasciitilde}/tmp"),
])
def test_protect_case(title, protected):
    """Acronyms and names with inner capitals or digits are braced, with the capitalised parts of their
    hyphenated name; ordinary capitalised words are not (styles may lowercase them); TeX specials are escaped."""
    assert protect_case(title) == protected


@pytest.mark.parametrize(("word", "keeps"), [("LLM", True), ("VLMs", True), ("DeepEyes", True), ("R1", True),
                                             ("3D", True), ("iPhone", True), ("Learning", False), ("A", False),
                                             ("gpt4", False), ("reasoning", False)])
def test_keeps_its_case(word, keeps):
    """A capital after the first letter, or a capital with a digit, marks a word whose case must stay."""
    assert keeps_its_case(word) is keeps


# BibTeX: entries


def test_bibtex_conference_entry(papers):
    """A conference paper is an @inproceedings with its proceedings as booktitle, the venue's year, arXiv
    eprint and DOI; no primaryClass (the data has no arXiv category)."""
    assert render_bibtex_entry(citation_of(papers["conference"])) == (
        "@inproceedings{deepeyes,\n"
        "  author = {Zheng, Ziwei and Yang, Michael and Hong, Jack and Zhao, Chenxiao and Xu, Guohai and Yang, Le and "
        "Shen, Chao and Yu, Xing},\n"
        '  title = {{DeepEyes}: Incentivizing "Thinking with Images" via Reinforcement Learning},\n'
        "  booktitle = {The Fourteenth International Conference on Learning Representations},\n"
        "  year = {2026},\n  eprint = {2505.14362},\n  archivePrefix = {arXiv},\n"
        "  url = {https://arxiv.org/abs/2505.14362},\n  doi = {10.48550/arXiv.2505.14362},\n}\n")


def test_bibtex_journal_workshop_and_preprint_entries(papers):
    """A journal paper is an @article with its journal; a workshop paper an @inproceedings; a preprint a @misc
    with its month as a macro; an organisation is braced whole; a partial list ends in 'and others'."""
    journal = render_bibtex_entry(citation_of(papers["journal"]))
    assert journal.startswith("@article{search-r1-journal,\n") and "  journal = {Transactions on Test Fixtures},\n" in journal
    workshop = render_bibtex_entry(citation_of(papers["workshop"]))
    assert workshop.startswith("@inproceedings{deepeyes-workshop,\n")
    assert r"  booktitle = {Workshop on Test Fixtures {\&} {\textbraceleft}Braces{\textbraceright} at 100{\%}}," in workshop
    assert render_bibtex_entry(citation_of(papers["preprint"])) == (
        "@misc{search-r1,\n"
        "  author = {Jin, Bowen and Zeng, Hansi and Yue, Zhenrui and Yoon, Jinsung and Arik, Sercan and Wang, Dong and "
        "Zamani, Hamed and Han, Jiawei},\n"
        "  title = {{Search}-{R1}: Training {LLMs} to Reason and Leverage Search Engines with Reinforcement Learning},\n"
        "  year = {2025},\n  month = mar,\n  eprint = {2503.09516},\n  archivePrefix = {arXiv},\n"
        "  url = {https://arxiv.org/abs/2503.09516},\n  doi = {10.48550/arXiv.2503.09516},\n}\n")
    assert render_bibtex_entry(citation_of(papers["organisation"])) == (
        "@misc{deep-research,\n  author = {{OpenAI}},\n  title = {Introducing deep research},\n  year = {2025},\n"
        "  month = feb,\n  url = {https://openai.com/index/introducing-deep-research/},\n}\n")
    assert "Han, Jiawei and others},\n" in render_bibtex_entry(citation_of(papers["partial"]))


def test_bibtexparser_reads_every_kind_back(papers):
    """bibtexparser reads each entry with its type, key, decoded title, venue, authors, year and month."""
    for paper in papers.values():
        (entry,) = bibtexparser.loads(render_bibtex_entry(citation_of(paper)),
                                      parser=BibTexParser(common_strings=True)).entries
        kind = paper.venue.kind if paper.venue else ""
        assert entry["ENTRYTYPE"] == {"conference": "inproceedings", "workshop": "inproceedings",
                                      "journal": "article"}.get(kind, "misc"), paper.id
        assert (entry["ID"], decode_tex(entry["title"]), entry["year"]) == (paper.id, paper.title, cited_year(paper))
        venue = decode_tex(entry.get("booktitle", entry.get("journal", "")))
        assert venue == (paper.venue.full_name if paper.venue else ""), paper.id
        names = [decode_tex(name) for name in entry["author"].split(" and ")]
        assert names == inverted_names(paper) + ([] if paper.authors_complete else ["others"]), paper.id
        assert entry.get("month", "") == ("" if paper.venue else
                                          ["January", "February", "March", "April", "May", "June", "July", "August",
                                           "September", "October", "November", "December"][int(paper.date[5:]) - 1])
        assert entry.get("doi", "") == (f"10.48550/arXiv.{paper.arxiv}" if paper.arxiv else "")


@pytest.mark.parametrize("style", ["plain", "unsrt", "abbrv", "alpha"])
def test_bibtex_compiles_every_kind_without_a_warning(papers, bibtex, tmp_path, style):
    """TeX Live's bibtex compiles every kind of entry, hostile ones included, with a standard style: no warning,
    no error, one \\bibitem per key; the .bbl holds each title (the style may lowercase it)."""
    entries = "\n".join(render_bibtex_entry(citation_of(p)) for p in papers.values())
    keys = [p.id for p in papers.values()]
    run = bibtex(entries, keys, tmp_path, style)
    assert (run.returncode, run.warnings, run.errors) == (0, 0, 0), run.log
    assert sorted(run.bibitems()) == sorted(keys)
    bbl = " ".join(decode_tex(run.bbl).replace("\\newblock", " ").split()).casefold()
    for paper in papers.values():
        assert " ".join(paper.title.split()).casefold() in bbl, paper.id


# RIS


def test_ris_conference_record(papers):
    """TY CONF, one AU per author, TI, PY, DA with its slashes, the proceedings as T2, UR, DO, ER; every line
    ends in CR LF."""
    record = render_ris_record(citation_of(papers["conference"]))
    assert record.split("\r\n")[:12] == [
        "TY  - CONF", "AU  - Zheng, Ziwei", "AU  - Yang, Michael", "AU  - Hong, Jack", "AU  - Zhao, Chenxiao",
        "AU  - Xu, Guohai", "AU  - Yang, Le", "AU  - Shen, Chao", "AU  - Yu, Xing",
        'TI  - DeepEyes: Incentivizing "Thinking with Images" via Reinforcement Learning', "PY  - 2026", "DA  - 2026///"]
    assert record.split("\r\n")[12:15] == [
        "T2  - The Fourteenth International Conference on Learning Representations",
        "UR  - https://arxiv.org/abs/2505.14362", "DO  - 10.48550/arXiv.2505.14362"]
    assert record.endswith("DO  - 10.48550/arXiv.2505.14362\r\nER  - \r\n") and "\n" not in record.replace("\r\n", "")


def test_rispy_reads_every_kind_back(papers):
    """rispy reads each record back with the paper's type, authors, title, year, date, venue, URL, DOI and, for a
    partial author list, the note that says so."""
    records = rispy.loads("".join(render_ris_record(citation_of(p)) for p in papers.values()))
    assert records == [expected_ris(paper) for paper in papers.values()]


# CSL-JSON


def test_csl_items(papers):
    """paper-conference, article-journal and article types; names split or literal; date-parts; a preprint on
    arXiv has archive and number, a published paper neither."""
    preprint = csl_item(citation_of(papers["preprint"]))
    assert {key: preprint[key] for key in ("id", "type", "issued", "archive", "number", "DOI", "URL")} == {
        "id": "search-r1", "type": "article", "issued": {"date-parts": [[2025, 3]]}, "archive": "arXiv",
        "number": "arXiv:2503.09516", "DOI": "10.48550/arXiv.2503.09516", "URL": "https://arxiv.org/abs/2503.09516"}
    assert preprint["author"][0] == {"family": "Jin", "given": "Bowen"}
    conference = csl_item(citation_of(papers["conference"]))
    assert (conference["type"], conference["issued"], conference["container-title"]) == (
        "paper-conference", {"date-parts": [[2026]]}, "The Fourteenth International Conference on Learning Representations")
    assert "archive" not in conference and "number" not in conference
    assert csl_item(citation_of(papers["journal"]))["type"] == "article-journal"
    assert csl_item(citation_of(papers["workshop"]))["type"] == "paper-conference"
    assert csl_item(citation_of(papers["organisation"]))["author"] == [{"literal": "OpenAI"}]
    assert csl_item(citation_of(papers["partial"]))["note"] == PARTIAL_AUTHORS_NOTE


def test_csl_json_parses_to_the_exact_text(papers):
    """Each item is one line of JSON whose title, names and container are the data's text, hostile ones included."""
    for paper in papers.values():
        item = json.loads(render_csl_item(citation_of(paper)))
        assert item["title"] == paper.title
        names = [name.get("literal") or (f"{name['family']}, {name['given']}" if "given" in name else name["family"])
                 for name in item["author"]]
        assert names == inverted_names(paper)
        assert item.get("container-title") == (paper.venue.full_name if paper.venue else None)


def test_apa_renders_every_kind(papers, apa, tmp_path):
    """citeproc-js renders every item in APA with no error or warning; each entry holds its title (citeproc
    makes quotes typographic), its authors' family names and its venue (which APA title-cases)."""
    csl = CSL_JSON.join([render_csl_item(citation_of(p)) for p in papers.values()])
    result = apa(csl, tmp_path)
    assert (result["errors"], result["warnings"]) == ([], [])
    assert set(result["entries"]) == {p.id for p in papers.values()}
    for paper in papers.values():
        text = result["entries"][paper.id].translate(QUOTES)
        assert " ".join(paper.title.split()).translate(QUOTES) in text, paper.id
        assert all(author.family.translate(QUOTES) in text for author in paper.authors[:APA_ALL_AUTHORS]), paper.id
        if paper.venue:
            assert paper.venue.full_name.casefold() in text.casefold(), paper.id


# Highwire Press tags and COinS


def test_highwire_tags(papers):
    """Title, an author each, the date, the arXiv id and PDF, the page as abstract page, and the venue by kind."""
    page = "https://example.org/air/papers/deepeyes/"
    tags = highwire_tags(citation_of(papers["conference"]), page)
    assert tags[0] == ("citation_title", papers["conference"].title)
    assert [content for name, content in tags if name == "citation_author"] == inverted_names(papers["conference"])
    assert tags[9:] == [("citation_publication_date", "2026"), ("citation_arxiv_id", "2505.14362"),
                        ("citation_pdf_url", "https://arxiv.org/pdf/2505.14362"),
                        ("citation_abstract_html_url", page),
                        ("citation_conference_title", "The Fourteenth International Conference on Learning Representations")]
    assert highwire_tags(citation_of(papers["journal"]), page)[-1] == (
        "citation_journal_title", "Transactions on Test Fixtures")
    assert highwire_tags(citation_of(papers["workshop"]), page)[-1][0] == "citation_conference_title"
    preprint = dict(highwire_tags(citation_of(papers["preprint"]), page))
    assert preprint["citation_publication_date"] == "2025/03"
    assert not {"citation_conference_title", "citation_journal_title"} & set(preprint)
    assert "citation_arxiv_id" not in dict(highwire_tags(citation_of(papers["organisation"]), page))


def test_coins_context_objects(papers):
    """Each ContextObject decodes (as Zotero's reader splits and decodes it) to the paper's format, genre, title,
    venue, authors, date and identifiers, hostile text included; the span's title attribute is escaped."""
    formats = {"conference": ("book", "proceeding", "rft.btitle"), "workshop": ("book", "proceeding", "rft.btitle"),
               "journal": ("journal", "article", "rft.jtitle")}
    for paper in papers.values():
        pairs = parse_qsl(context_object(citation_of(paper)), keep_blank_values=True)
        fmt, genre, venue_key = formats.get(paper.venue.kind if paper.venue else "", ("journal", "preprint", ""))
        assert pairs[:4] == [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{fmt}"),
                             ("rft.genre", genre), ("rft.atitle", paper.title)], paper.id
        values = {}
        for key, value in pairs:
            values.setdefault(key, []).append(value)
        if venue_key:
            assert values[venue_key] == [paper.venue.full_name]
        assert values.get("rft.au", []) == [name for a, name in zip(paper.authors, inverted_names(paper)) if not a.organisation]
        assert values.get("rft.aucorp", []) == [a.name for a in paper.authors if a.organisation]
        assert values["rft.date"] == [cited_year(paper) if paper.venue else paper.date]
        assert values["rft_id"] == [f"info:doi/10.48550/arXiv.{paper.arxiv}"] * bool(paper.arxiv) + [paper.links.paper[0]]
    span = render_coins(citation_of(papers["hostile-markup"]))
    assert span.startswith('<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_val_fmt=') and "<img" not in span


def test_island_rows_carry_their_coins(fixture_catalog):
    """In island mode (a category of more than INLINE_ROW_LIMIT papers) every row's pre-rendered HTML, in the rows
    file, holds one COinS span too."""
    base = fixture_catalog.paper("deepeyes")
    papers = [dataclasses.replace(base, id=f"p{i}") for i in range(3)]
    rows = island_rows(Listing("", "all", [Section("papers", "", papers)], ()), fixture_catalog, "../")
    assert [html.count('<span class="Z3988"') for _, html in rows] == [1, 1, 1]


# The files


def test_cite_files_are_the_papers_texts_joined(fixture_catalog):
    """Each paper has cite.bib, cite.ris and cite.json beside its page; the catalog's papers.bib, papers.ris and
    papers.csl.json are those texts in catalog order, and match `catalog export`'s."""
    files = cite_files(fixture_catalog)
    expected = {f.catalog_file for f in CITE_FORMATS} | {p.url + f.paper_file for p in fixture_catalog.papers
                                                           for f in CITE_FORMATS}
    assert set(files) == expected
    for cite_format in (BIBTEX, RIS, CSL_JSON):
        assert files[cite_format.catalog_file] == export_citations(cite_format, fixture_catalog)
    assert files["papers.bib"].endswith("\n".join(files[p.url + "cite.bib"] for p in fixture_catalog.papers))
    assert files["papers.ris"] == "".join(files[p.url + "cite.ris"] for p in fixture_catalog.papers)
    assert json.loads(files["papers.csl.json"]) == [json.loads(files[p.url + "cite.json"])[0]
                                                     for p in fixture_catalog.papers]
