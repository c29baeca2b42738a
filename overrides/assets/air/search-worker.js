/* Site search worker: Material's own worker for the prose pages, a direct scan for the papers.
 *
 * Material's worker builds a lunr index of every document before it answers the first query; at
 * 10,000 papers that alone takes seconds. Papers need no index: a scan of their words answers a
 * query in milliseconds. So this worker runs Material's worker inside itself (its URL comes in
 * our query string, see overrides/main.html) and speaks Material's message protocol to the page:
 *
 *   setup  {type: 0, data: {config, docs, options}}  the doc with `papers` holds the papers:
 *                                                      kept here; the rest goes to Material's worker
 *   ready  {type: 1}                                  when Material's worker is ready
 *   query  {type: 2, data: "text"}                    Material's worker searches the pages,
 *   result {type: 3, data: {items, suggest}}          this file the papers; results merged
 *
 * Papers come from hooks/catalog/search_index.py as records (see paperDocs), their texts escaped
 * HTML; each becomes a document: `title`, `text` (the first authors and the facts, then the
 * abstract) and `keys`, the words that name it (short name, arXiv id, authors). Words are cut
 * with Material's separator, folded like filter.js, and a query word matches a word it starts (as
 * Material's search does); stop words are left out, as lunr leaves them out, and so is Material's
 * query for the pages (it would take `in` as the prefix of "interleaving"). Papers and the pages Material finds are ranked on one scale: first by how many
 * of the query words they match, then by a score that adds, per query word, the weight of the
 * best field it matches (a paper's keys or a page's title, over a paper's title, over the text;
 * a whole word over the start of a longer one) times the word's rarity among the papers. A paper
 * comes before a page of the same rank. After the first result comes a link to a table of the
 * papers holding every query word, filtered by the query: the all-papers table when they come
 * from several categories, else their category's. A result shows the paper's facts and, of a
 * long abstract, an excerpt around the first word the query marks.
 */
"use strict";

const SETUP = 0, QUERY = 2, RESULT = 3; // message types (1: ready, Material's own answer to setup)
const WEIGHT = { name: 8, title: 4, text: 1 }; // a paper's keys or a page's title; a paper's title; the text
const PREFIX_SHARE = 0.5; // a query word that only starts a word counts under half, more the more it covers
const EXCERPT_WORDS = 40, EXCERPT_LEAD = 10; // abstract words shown in a result, and before the first match
const TABLE_LINK_MIN = 2; // papers holding every query word that earn a link to a table of them
const SHOWN_AUTHORS = 3; // authors a paper's result names before "et al."
const MARKUP = /(<[^>]*>|&#?\w+;)/; // tags and entities of the escaped HTML: never words
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{Mn}/gu;

const reply = self.postMessage.bind(self);
const listen = self.addEventListener.bind(self);

/* Material's worker, run here: it registers its message listener and answers with postMessage;
 * both are taken over so that its answers come back to this file. */
let material = null;
const waiting = []; // callbacks for Material's answers, in order
self.addEventListener = (type, listener) => (type === "message" ? (material = listener) : listen(type, listener));
self.postMessage = message => waiting.shift()(message);
importScripts(new URL(location.href).searchParams.get("material"));

function ask(message) {
  return new Promise(done => {
    waiting.push(done);
    material({ data: message });
  });
}

/* Words */

let separator = /\s+/;

// Folding as filter.js and catalog.text.fold_for_search do it (a worker cannot load the page's script).
function fold(text) {
  return NON_ASCII.test(text) ? text.normalize("NFKD").replace(MARKS, "").toLowerCase() : text.toLowerCase();
}

/** Escaped HTML cut into words: their folded forms and where each starts and ends in the HTML
 * (tags and entities are never words). */
function cut(html) {
  const words = [], spans = [];
  let offset = 0;
  html.split(MARKUP).forEach((part, i) => {
    if (i % 2 === 0) {
      separator.lastIndex = 0;
      let start = 0, match;
      const add = end => {
        words.push(fold(part.slice(start, end)));
        spans.push(offset + start, offset + end);
      };
      while ((match = separator.exec(part)) !== null) {
        if (match.index > start) add(match.index);
        start = match.index + match[0].length;
      }
      if (start < part.length) add(part.length);
    }
    offset += part.length;
  });
  return { html, words, spans };
}

/** The field's HTML (or its characters start to end, which fall between words) with every word
 * that a query word starts wrapped in <mark>. */
function highlight({ html, words, spans }, terms, start = 0, end = html.length) {
  let marked = "", last = start;
  words.forEach((word, k) => {
    if (spans[2 * k] >= start && spans[2 * k + 1] <= end && terms.some(term => word.startsWith(term))) {
      marked += `${html.slice(last, spans[2 * k])}<mark>${html.slice(spans[2 * k], spans[2 * k + 1])}</mark>`;
      last = spans[2 * k + 1];
    }
  });
  return marked + html.slice(last, end);
}

/** A paper's text for its result: the facts paragraph whole, and of a long abstract the
 * EXCERPT_WORDS words around its first marked word, as a search engine shows a snippet. */
function excerpt(text, terms) {
  const { html, words, spans } = text;
  const factsEnd = html.indexOf("</p>") + "</p>".length;
  const first = words.findIndex((_, k) => spans[2 * k] >= factsEnd); // the abstract's first word
  if (first === -1 || words.length - first <= EXCERPT_WORDS) return highlight(text, terms);
  const hit = words.findIndex((word, k) => k >= first && terms.some(term => word.startsWith(term)));
  const from = Math.max(first, Math.min(hit === -1 ? first : hit - EXCERPT_LEAD, words.length - EXCERPT_WORDS));
  const to = from + EXCERPT_WORDS; // exclusive
  return `${highlight(text, terms, 0, factsEnd)}<p>${from > first ? "… " : ""}` +
    `${highlight(text, terms, spans[2 * from], spans[2 * to - 1])}${to < words.length ? " …" : ""}</p>`;
}

/* Entries: the papers, and the pages Material's worker finds */

let papers = [];
const pages = new Map(); // page or section location ("multimodal/", "about/#citing-papers") -> its words
const pageTitles = new Map(); // page location ("multimodal/") -> its title, for the table links

/** The papers' records as documents (hooks/catalog/search_index.py: [id, title, facts, abstract,
 * category index, short name, arXiv id, authors]); a result shows the first SHOWN_AUTHORS names. */
function paperDocs({ categories, records }) {
  return records.map(([id, title, facts, abstract, category, short, arxiv, authors]) => {
    const shown = authors.slice(0, SHOWN_AUTHORS).join(", ") + (authors.length > SHOWN_AUTHORS ? " et al." : "");
    return {
      location: `papers/${id}/`, title, category: categories[category],
      text: `<p>${[shown, facts].filter(Boolean).join(" · ")}</p>` + (abstract ? `<p>${abstract}</p>` : ""),
      keys: [short, arxiv, ...authors].filter(Boolean),
    };
  });
}

/** The words of each entry by field, cut once: a paper's name is its keys (short name, ids,
 * authors) and its title its full title; a page's name is its title. */
function setUpEntries(paperDocs, pageDocs) {
  papers = paperDocs.map(doc => {
    const title = cut(doc.title), text = cut(doc.text);
    const name = doc.keys.flatMap(key => cut(key).words);
    return { doc, title, text, words: { name, title: title.words, text: text.words } };
  });
  for (const doc of pageDocs) {
    pages.set(doc.location, { name: cut(doc.title).words, title: [], text: cut(doc.text).words });
    if (!doc.location.includes("#")) pageTitles.set(doc.location, doc.title);
  }
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/** A result group that opens a table of the papers holding every query word, filtered by the words
 * (the filter's `find`): the all-papers table when they come from more than one category, else
 * their category's. None for fewer than TABLE_LINK_MIN papers. */
function tableLinks(matching, words) {
  if (matching.length < TABLE_LINK_MIN) return [];
  const categories = new Set(matching.map(m => m.paper.doc.category));
  const shown = escapeHtml(words.join(" ")), find = `?find=${encodeURIComponent(words.join(" "))}`;
  const link = (location, title, text) => [[{ location, title, text: `<p>${text}</p>`, score: 0,
    terms: Object.fromEntries(words.map(word => [word, true])) }]];
  if (categories.size > 1) {
    return link(`papers/${find}`, `All papers holding “${shown}”, in one table`,
      `The ${matching.length} papers found here come from ${categories.size} categories: see them in one `
      + "table filtered by these words, sort them, narrow them down by category, method, year or links, "
      + "and share the view.");
  }
  const [id] = categories;
  return pageTitles.has(`${id}/`) ? link(`${id}/${find}`, `Papers holding “${shown}” in ${pageTitles.get(`${id}/`)}`,
    "The category's table, filtered by these words: sort the papers, narrow them down by subcategory, "
    + "method, year or links, and share the view.") : [];
}

/* Queries */

/** Material's query syntax, reduced to what a scan needs: words, +required, -excluded. Each word
 * keeps `source`, the text that asks Material's worker for it alone. Stop words are left out, as
 * lunr's pipeline leaves them out of a word typed in full (+word and -word too). */
function parseQuery(query) {
  const terms = [];
  const required = (_, phrase) => phrase.replace(/(^|\s+)(?=\S)/g, "$1+"); // "a b" means +a +b
  for (const raw of query.replace(/"([^"]*)"/g, required).split(/\s+/)) {
    const [, sign, bare, modifier] = raw.match(/^([+-]?)(?:\w+:(?=.))?\*?(.*?)([*~^]\d*)?$/);
    const presence = sign === "+" ? "required" : sign === "-" ? "excluded" : "optional";
    const { words, spans } = cut(bare);
    words.forEach((word, k) => {
      if (word && self.lunr.stopWordFilter(new self.lunr.Token(word))) {
        terms.push({ word, presence, source: sign + bare.slice(spans[2 * k], spans[2 * k + 1]) + (modifier || "") });
      }
    });
  }
  return terms;
}

/** The query for Material's worker: the query's words without its stop words, or the query as typed
 * if it has no other word. (lunr leaves out a stop word typed in full, but Material makes every
 * word a prefix, which lunr takes as typed: `in` would find "interleaving" and "instead".) */
function pageQuery(query, terms) {
  return terms.some(term => term.presence !== "excluded") ? terms.map(term => term.source).join(" ") : query;
}

/* Ranking: papers and pages on one scale */

/** How well an entry's words match one query word: its weight in the best field the word matches,
 * 0 (not at all) up to WEIGHT.name. */
function weightOf(words, word) {
  let best = 0;
  for (const name of ["name", "title", "text"]) {
    for (const candidate of words[name]) {
      if (!candidate.startsWith(word)) continue;
      const share = candidate.length === word.length ? 1 : PREFIX_SHARE * (1 + word.length / candidate.length) / 2;
      best = Math.max(best, WEIGHT[name] * share);
      if (candidate.length === word.length) break;
    }
    if (best === WEIGHT[name]) break; // nothing later can beat a whole-word match here
  }
  return best;
}

/** An entry's place on the scale: how many query words it matches, then the sum of their weights,
 * each times the word's rarity. */
function rank(found, rarity) {
  return {
    count: found.filter(weight => weight).length,
    score: found.reduce((sum, weight, i) => sum + weight * rarity[i], 0),
  };
}

const byRank = (a, b) => b.count - a.count || b.score - a.score;

/** The papers that match the query, ranked, with the rarity of each wanted word over the papers. */
function searchPapers(terms, wanted) {
  const matches = [];
  for (const paper of papers) {
    const found = wanted.map(term => weightOf(paper.words, term.word)); // per wanted word
    if (!found.some(weight => weight)) continue;
    if (wanted.some((term, i) => term.presence === "required" && !found[i])) continue;
    if (terms.some(term => term.presence === "excluded" && weightOf(paper.words, term.word))) continue;
    matches.push({ paper, found });
  }
  // Rarity of each query word over the papers (1 + ln(N / papers matching it)), like lunr's idf.
  const rarity = wanted.map((_, i) => {
    const matching = matches.filter(m => m.found[i]).length;
    return 1 + Math.log(papers.length / Math.max(1, matching));
  });
  for (const m of matches) Object.assign(m, rank(m.found, rarity));
  return { ranked: matches.sort(byRank), rarity };
}

/** A paper as a result group of one document, as Material's worker makes them. */
function paperGroup({ paper, found, score }, wanted) {
  const marked = wanted.map(term => term.word);
  return [{
    location: paper.doc.location,
    title: highlight(paper.title, marked),
    text: excerpt(paper.text, marked),
    score,
    terms: Object.fromEntries(wanted.map((term, i) => [term.word, found[i] > 0])),
  }];
}

/** Two lists in rank order as one, those of `first` before those of `second` of the same rank. */
function merge(first, second) {
  const merged = [];
  let i = 0, j = 0;
  while (i < first.length || j < second.length) {
    merged.push(j === second.length || (i < first.length && byRank(first[i], second[j]) <= 0) ? first[i++] : second[j++]);
  }
  return merged;
}

/** The answer to a query: papers and Material's page groups in one order (a page group ranks by its
 * best document; a paper comes before a page of the same rank), and after the first result the
 * table links. `suggest` completes the query words from the first result's name and title if it is
 * a paper. */
function search(terms, pageGroups) {
  const wanted = terms.filter(term => term.presence !== "excluded");
  if (!wanted.length) return { items: pageGroups, suggest: [] };
  const { ranked, rarity } = searchPapers(terms, wanted);
  const pageRank = group => group.map(item => pages.has(item.location)
    ? rank(wanted.map(term => weightOf(pages.get(item.location), term.word)), rarity)
    : { count: 0, score: 0 }).sort(byRank)[0];
  const pageResults = pageGroups.map(group => ({ ...pageRank(group), group })).sort(byRank); // stable
  const results = merge(ranked, pageResults);
  const [first, ...rest] = results.map(result => result.group || paperGroup(result, wanted));
  const words = wanted.map(term => term.word);
  const items = first ? [first, ...tableLinks(ranked.filter(m => m.count === wanted.length), words), ...rest] : [];
  const best = first && results[0].paper ? results[0].paper.words : null;
  const suggest = best ? words.map(word => [...best.name, ...best.title].find(w => w.startsWith(word))) : [];
  return { items, suggest: suggest.filter(Boolean) };
}

/* Messages */

let queries = 0; // queries received so far
let suggesting = false; // the search.suggest feature is on

listen("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {
    const { config, docs, options } = message.data;
    separator = new RegExp(config.separator, "g");
    suggesting = Boolean(options && options.suggest);
    const pageDocs = docs.filter(doc => !doc.papers);
    setUpEntries(docs.filter(doc => doc.papers).flatMap(doc => paperDocs(doc.papers)), pageDocs);
    reply(await ask({ type: SETUP, data: { config, docs: pageDocs, options } }));
  } else if (message.type === QUERY) {
    // The page sends a query per keystroke and shows whichever answer comes last: wait for the
    // queries typed meanwhile to arrive, and answer only the latest.
    const number = ++queries;
    await new Promise(done => setTimeout(done));
    if (number !== queries) return;
    const terms = parseQuery(message.data);
    const found = await ask({ type: QUERY, data: pageQuery(message.data, terms) });
    const { items, suggest } = search(terms, found.data.items);
    reply({ type: RESULT, data: suggesting ? { items, suggest: suggest.length ? suggest : found.data.suggest } : { items } });
  }
});
