"""The site's search worker (overrides/assets/air/search-worker.js) on a small made-up index, in Chromium.

Each test starts the worker the way Material's bundle does (from the URL in the page's __config,
which names Material's worker too), sends Material's messages — setup, then queries — and reads
its answers: ranking, query syntax, marking, excerpts, suggestions, and answering only the latest
of queries typed in a row.
"""
from __future__ import annotations

import pytest

SETUP, READY, QUERY, RESULT = 0, 1, 2, 3

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
DOCS = [  # papers in an order that ranking must change
    {"location": "papers/other/", "title": "Another Paper", "text": "<p>2025-03</p><p>It cites Zeta once.</p>",
     "keys": ["Other"], "category": "cat-b"},
    {"location": "papers/zetaflow/", "title": "Zetaflow — Flows of &lt;b&gt;Zeta&lt;/b&gt; fields",
     "text": "<p>2025-02 · Multi-Agent › Debate</p><p>A flow model.</p>", "keys": ["Zetaflow", "2502.00002"],
     "category": "cat-a"},
    {"location": "papers/zeta/", "title": "Zeta: A Study", "text": "<p>2025-01 · Multimodal</p><p>About things in fields.</p>",
     "keys": ["Zeta", "2501.00001"], "category": "cat-a"},
    {"location": "papers/long/", "title": "Long Abstract", "text": f"<p>2025-04 · data sets: org/set</p><p>{LONG_ABSTRACT}</p>",
     "keys": [], "category": "cat-b"},
    {"location": "notes/", "title": "Notes", "text": "<p>Pages mention zeta too, and quasar.</p>"},
    {"location": "cat-a/", "title": "Category A", "text": "<p>A category page.</p>"},
]


@pytest.fixture(name="converse")
def fixture_converse(page, base_url: str):
    """converse(queries) -> the worker's answers to the made-up index."""
    page.goto(base_url)
    config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    separator = page.evaluate("fetch('search/search_index.json').then(r => r.json()).then(i => i.config.separator)")
    index = {"config": {"lang": ["en"], "separator": separator, "pipeline": ["stopWordFilter"],
                        "fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "tags": {"boost": 1000000}}},
             "docs": DOCS, "options": {"suggest": "search.suggest" in config["features"]}}

    def converse(queries: list[str]) -> list[dict]:
        return page.evaluate(CONVERSE, [index, queries, TYPES])

    yield converse
    assert not page.errors


def locations(answer: dict) -> list[str]:
    return [group[0]["location"] for group in answer["data"]["items"]]


def test_a_short_name_leads_then_titles_then_pages_then_other_papers(converse) -> None:
    """'zeta': the paper named Zeta; the link to its category's table filtered by 'zeta' (two of the
    leading papers are in it); the paper whose title has the word; the page; then a paper that has it
    only in its abstract."""
    (answer,) = converse(["zeta"])
    assert answer["type"] == RESULT
    assert locations(answer) == ["papers/zeta/", "cat-a/?find=zeta", "papers/zetaflow/", "notes/", "papers/other/"]
    table = answer["data"]["items"][1][0]
    assert table["title"] == "Papers holding “zeta” in Category A"


def test_a_table_link_needs_two_leading_papers_of_its_category(converse) -> None:
    """'zeta study' leads with one paper of Category A: no table link; 'zeta fields' with two, and the
    link carries both words."""
    assert not [loc for loc in locations(converse(["zeta study"])[0]) if "?find=" in loc]
    assert locations(converse(["zeta fields"])[0])[:3] == ["papers/zeta/", "cat-a/?find=zeta%20fields", "papers/zetaflow/"]


def test_an_arxiv_id_finds_its_paper_only(converse) -> None:
    (answer,) = converse(["2502.00002"])
    assert locations(answer) == ["papers/zetaflow/"]


def test_words_match_from_their_start_and_minus_leaves_papers_out(converse) -> None:
    """'zet' finds what 'zeta' finds; '-flows' drops the paper holding 'Flows'; '+cites' keeps only it."""
    assert [loc for loc in locations(converse(["zet"])[0]) if loc.startswith("papers/")][:2] == [
        "papers/zeta/", "papers/zetaflow/"]
    assert "papers/zetaflow/" not in locations(converse(["zeta -flows"])[0])
    assert [loc for loc in locations(converse(["zeta +cites"])[0]) if loc.startswith("papers/")] == ["papers/other/"]


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


def test_suggestion_completes_from_the_best_title(converse) -> None:
    (answer,) = converse(["zetaf"])
    assert answer["data"]["suggest"] == ["zetaflow"]


def test_only_the_latest_of_queries_sent_together_is_answered(converse) -> None:
    """Queries typed in a row (one per keystroke) are not all answered, and the last answer is the
    latest query's. (Usually there is one answer; a query the worker took up before the next one
    arrived is answered too, so a loaded machine may show two.)"""
    queries = ["z", "ze", "zet", "zeta", "zeta -f", "zeta -flows"]
    answers = converse(queries)
    assert 1 <= len(answers) < len(queries)
    assert answers[-1]["data"]["items"][0][0]["terms"] == {"zeta": True}
    assert "papers/zetaflow/" not in locations(answers[-1])
