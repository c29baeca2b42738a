"""The site's search worker (overrides/assets/air/search-worker.js) on a small made-up index, in Chromium.

Each test starts the worker the way Material's bundle does (from the URL in the page's __config,
which names Material's worker too), sends Material's messages — setup, then queries — and reads
its answers: ranking, query syntax, marking, excerpts and suggestions. Answering only the latest of
queries typed in a row is tested in node, where the queries' arrival does not depend on the machine.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool

SETUP, READY, QUERY, RESULT = 0, 1, 2, 3
BURST = ROOT / "tests" / "tools" / "search_worker_burst.cjs"

# Starts the worker, sets it up with `index` and asks it the last of `queries` alone: the answer to
# wait for. Then sends all of `queries` at once and resolves with the answers up to that one (the
# worker answers in order, and always the latest query), plus any that come before the answer to the
# last query sent once more (an answer to an earlier query that came late). Rejects after 10 s
# without an answer.
CONVERSE = """
async ([index, queries, types]) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new Worker(config.search);
  const inbox = [];
  let wake = () => {};
  worker.onmessage = event => { inbox.push(event.data); wake(); };
  const receive = () => inbox.length ? Promise.resolve(inbox.shift()) : new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the search worker did not answer")), 10000);
    wake = () => { wake = () => {}; clearTimeout(timer); resolve(inbox.shift()); };
  });
  const send = query => worker.postMessage({type: types.query, data: query});
  try {
    worker.postMessage({type: types.setup, data: index});
    const ready = await receive();
    if (ready.type !== types.ready) throw new Error(`expected the ready message, got ${JSON.stringify(ready)}`);
    send(queries.at(-1));
    const latest = JSON.stringify(await receive());
    queries.forEach(send);
    const answers = [];
    do answers.push(await receive()); while (JSON.stringify(answers.at(-1)) !== latest);
    send(queries.at(-1));
    for (let answer = await receive(); JSON.stringify(answer) !== latest; answer = await receive()) answers.push(answer);
    return answers;
  } finally {
    worker.terminate();
  }
}
"""
TYPES = {"setup": SETUP, "ready": READY, "query": QUERY}

LONG_ABSTRACT = " ".join(f"filler{i}" for i in range(30)) + " needleword " + " ".join(f"tail{i}" for i in range(60))
CATEGORIES = ["cat-a", "cat-b", "cat-c", "cat-d"]


def record(pid: str, title: str, facts: str, abstract: str, category: str, short: str = "", arxiv: str = "",
           authors: tuple[str, ...] = ()) -> list:
    """A paper's record in the index, as hooks/catalog/search_index.py writes it."""
    return [pid, title, facts, abstract, CATEGORIES.index(category), short, arxiv, list(authors)]


PAPERS = {"location": "papers/", "title": "", "text": "", "papers": {"categories": CATEGORIES, "records": [
    # papers in an order that ranking must change
    record("other", "Another Paper", "2025-03", "It cites Zeta once.", "cat-b", "Other"),
    record("zetaflow", "Zetaflow — Flows of &lt;b&gt;Zeta&lt;/b&gt; fields", "2025-02 · Multi-Agent › Debate",
           "A flow model.", "cat-a", "Zetaflow", "2502.00002"),
    record("zeta", "Zeta: A Study", "2025-01 · Multimodal", "About things in fields.", "cat-a", "Zeta", "2501.00001"),
    record("long", "Long Abstract", "2025-04 · data sets: org/set", LONG_ABSTRACT, "cat-b"),
    # A topic that papers hold only in their abstracts, and pages that match it only by a prefix or a stop word.
    record("zoomer", "Zoomer: Zooming into Images", "2025-05", "It looks closer.", "cat-c", "Zoomer"),
    record("lens", "Lens: Looking Closer", "2025-05", "It learns to zoom in on regions.", "cat-c", "Lens"),
    record("crop", "Crop and Reason", "2025-06", "It crops, then can zoom in.", "cat-d", "CropR"),
    record("terms", "A Glossary of Terms", "2025-06", "Words of the field.", "cat-d", "Terms"),
    record("many", "Many Hands", "2025-07", "", "cat-d", "Hands",
           authors=("Ada Quill", "Bo Ren", "Cy Tal", "Dee Ubrich")),
]}}
DOCS = [
    PAPERS,
    {"location": "notes/", "title": "Notes", "text": "<p>Pages mention zeta too, and quasar.</p>"},
    {"location": "cat-a/", "title": "Category A", "text": "<p>A category page.</p>"},
    {"location": "interleaving/", "title": "Interleaving", "text": "<p>Use the interface instead.</p>"},
    {"location": "guide/", "title": "Guide", "text": "<p>The viewer zooms out.</p>"},
    {"location": "glossary/", "title": "Glossary", "text": "<p>The words of this site.</p>"},
]


def made_up_index(separator: str, suggest: bool) -> dict:
    """The setup message's data for DOCS, with the site's word separator."""
    return {"config": {"lang": ["en"], "separator": separator, "pipeline": ["stopWordFilter"],
                       "fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "tags": {"boost": 1000000}}},
            "docs": DOCS, "options": {"suggest": suggest}}


@pytest.fixture(name="converse")
def fixture_converse(page, base_url: str):
    """converse(queries) -> the worker's answers to the made-up index."""
    page.goto(base_url)
    config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    separator = page.evaluate("fetch('search/search_index.json').then(r => r.json()).then(i => i.config.separator)")
    index = made_up_index(separator, suggest="search.suggest" in config["features"])

    def converse(queries: list[str]) -> list[dict]:
        return page.evaluate(CONVERSE, [index, queries, TYPES])

    yield converse
    assert not page.errors


def locations(answer: dict) -> list[str]:
    return [group[0]["location"] for group in answer["data"]["items"]]


def paper_locations(answer: dict) -> list[str]:
    """The results that are papers (not pages, nor links to tables)."""
    return [loc for loc in locations(answer) if loc.startswith("papers/") and "?" not in loc]


def test_a_short_name_leads_then_titles_then_texts_a_paper_before_a_page_of_the_same_rank(converse) -> None:
    """'zeta': the paper named Zeta; the link to a table of the papers holding the word; the paper
    whose title has the word; then the paper and the page that have it in their text, the paper first."""
    (answer,) = converse(["zeta"])
    assert answer["type"] == RESULT
    assert locations(answer) == ["papers/zeta/", "papers/?find=zeta", "papers/zetaflow/", "papers/other/", "notes/"]


def test_papers_of_several_categories_link_to_the_all_papers_table(converse) -> None:
    """'zeta' is held by three papers of two categories: one link, to the all-papers table filtered by
    the word, saying what it is."""
    (answer,) = converse(["zeta"])
    (link,) = [group[0] for group in answer["data"]["items"] if "?find=" in group[0]["location"]]
    assert link["location"] == "papers/?find=zeta"
    assert link["title"] == "All papers holding “zeta”, in one table"
    assert link["text"].startswith("<p>The 3 papers found here come from 2 categories: see them in one table")


def test_papers_of_one_category_link_to_its_table(converse) -> None:
    """'zeta fields' is held by two papers, both of Category A: the link opens its table, with both words;
    'zeta study' by one paper: no link."""
    (answer,) = converse(["zeta fields"])
    assert locations(answer)[:3] == ["papers/zeta/", "cat-a/?find=zeta%20fields", "papers/zetaflow/"]
    assert answer["data"]["items"][1][0]["title"] == "Papers holding “zeta fields” in Category A"
    assert not [loc for loc in locations(converse(["zeta study"])[0]) if "?find=" in loc]


def test_papers_holding_the_topic_in_their_abstract_rank_above_pages_that_match_a_prefix_or_stop_word(converse) -> None:
    """'zoom in': the paper with the word in its name and title, then the papers with it only in the
    abstract, then the page that has only a longer word starting with it ('zooms'). 'in' is a stop word:
    the page whose words only start with it ('Interleaving', 'interface', 'instead') is not a result."""
    (answer,) = converse(["zoom in"])
    assert locations(answer) == ["papers/zoomer/", "papers/?find=zoom", "papers/lens/", "papers/crop/", "guide/"]
    assert all(group[0]["terms"] == {"zoom": True} for group in answer["data"]["items"])


def test_stop_words_are_left_out_unless_the_query_has_nothing_else(converse) -> None:
    """'-in' leaves out nothing, as lunr leaves the stop word out: 'zoom -in' finds what 'zoom' finds. 'in'
    alone (typed on the way to a longer word) is passed to the pages' search as typed."""
    assert locations(converse(["zoom -in"])[0]) == locations(converse(["zoom"])[0]) != []
    assert locations(converse(["in"])[0]) == ["interleaving/"]


def test_a_page_whose_title_has_the_word_comes_first(converse) -> None:
    """'glossary': the page of that title ranks above the paper whose title has the word."""
    assert locations(converse(["glossary"])[0]) == ["glossary/", "papers/terms/"]


def test_a_page_holding_more_of_the_words_ranks_above_papers_holding_fewer(converse) -> None:
    """'zeta quasar': the page holding both words (in its text) comes before the paper named Zeta."""
    assert locations(converse(["zeta quasar"])[0])[:2] == ["notes/", "papers/zeta/"]


def test_an_arxiv_id_finds_its_paper_only(converse) -> None:
    (answer,) = converse(["2502.00002"])
    assert locations(answer) == ["papers/zetaflow/"]


def test_words_match_from_their_start_and_minus_leaves_papers_out(converse) -> None:
    """'zet' finds what 'zeta' finds; '-flows' drops the paper holding 'Flows'; '+cites' keeps only it."""
    assert paper_locations(converse(["zet"])[0])[:2] == ["papers/zeta/", "papers/zetaflow/"]
    assert "papers/zetaflow/" not in locations(converse(["zeta -flows"])[0])
    assert paper_locations(converse(["zeta +cites"])[0]) == ["papers/other/"]


def test_marks_wrap_words_and_the_escaped_title_stays_escaped(converse) -> None:
    (answer,) = converse(["zeta"])
    zetaflow = next(group[0] for group in answer["data"]["items"] if group[0]["location"] == "papers/zetaflow/")
    assert zetaflow["title"] == "<mark>Zetaflow</mark> — Flows of &lt;b&gt;<mark>Zeta</mark>&lt;/b&gt; fields"
    assert zetaflow["terms"] == {"zeta": True}


def test_a_long_abstract_shows_as_an_excerpt_around_the_first_match(converse) -> None:
    (answer,) = converse(["needleword"])
    (group,) = answer["data"]["items"]
    facts, excerpt = group[0]["text"].split("</p>", 1)
    assert facts == "<p>2025-04 · data sets: org/set"
    words = excerpt.removeprefix("<p>").removesuffix("</p>").split()
    assert words[0] == words[-1] == "…" and len(words) == 42
    assert words[1] == "filler20" and "<mark>needleword</mark>" in words


def test_a_paper_shows_its_first_authors_and_any_author_finds_it(converse) -> None:
    """A paper's result names its first three authors before its facts; the fourth author's name finds it too."""
    (answer,) = converse(["ubrich"])
    (group,) = answer["data"]["items"]
    assert group[0]["location"] == "papers/many/"
    assert group[0]["text"] == "<p>Ada Quill, Bo Ren, Cy Tal et al. · 2025-07</p>"


def test_suggestion_completes_from_the_best_title(converse) -> None:
    (answer,) = converse(["zetaf"])
    assert answer["data"]["suggest"] == ["zetaflow"]


def test_only_the_latest_of_queries_sent_together_is_answered(site: Path, tmp_path: Path) -> None:
    """Queries that reach the worker before it takes up any of them (one per keystroke, typed in a row) get one
    answer, the latest query's. In node (tests/tools/search_worker_burst.cjs), where they all arrive first: in a
    browser the page and the worker run side by side, and how many queries arrive in time depends on the machine."""
    require_tool(bool(shutil.which("node")), "node", "node-tools")
    separator = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["separator"]
    index = tmp_path / "index.json"
    index.write_text(json.dumps(made_up_index(separator, suggest=True)), encoding="utf-8")
    queries = ["z", "ze", "zet", "zeta", "zeta -f", "zeta -flows"]
    run = subprocess.run(["node", str(BURST), str(site), str(index), *queries], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    answers = json.loads(run.stdout)
    assert len(answers) == 1 and answers[0]["type"] == RESULT
    assert answers[0]["data"]["items"][0][0]["terms"] == {"zeta": True}
    assert "papers/zetaflow/" not in locations(answers[0])
