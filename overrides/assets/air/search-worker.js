/* Site search worker: Material's own worker for the prose pages, a direct scan for the papers.
 *
 * Material's worker builds a lunr index of every document before it answers the first query; at
 * 10,000 papers that alone takes seconds. Papers need no index: a scan of their words answers a
 * query in milliseconds. So this worker runs Material's worker inside itself (its URL comes in
 * our query string, see overrides/main.html) and speaks Material's message protocol to the page:
 *
 *   setup  {type: 0, data: {config, docs, options}}  docs with `keys` are papers: kept here;
 *                                                      the rest goes to Material's worker
 *   ready  {type: 1}                                  when Material's worker is ready
 *   query  {type: 2, data: "text"}                    Material's worker searches the pages,
 *   result {type: 3, data: {items, suggest}}          this file the papers; results merged
 *
 * Papers come from hooks/catalog/search_index.py: `title` and `text` are escaped HTML, `keys` the
 * short name and ids. Words are cut with Material's separator, folded like filter.js, and a query
 * word matches a paper word it starts (as Material's search does). A paper's score adds, per query
 * word, the weight of the best field it matches (keys over title over text; a whole word over
 * the start of a longer one) times the word's rarity. Papers that match every query word, one of
 * them in the keys or title, lead the results; then Material's pages; then the other papers.
 * After the first result come links to the tables of the categories that hold two or more of the
 * leading papers, filtered by the query. A result shows the paper's facts and, of a long
 * abstract, an excerpt around the first word the query marks.
 */
"use strict";

const SETUP = 0, QUERY = 2, RESULT = 3; // message types (1: ready, Material's own answer to setup)
const WEIGHT = { keys: 8, title: 4, text: 1 };
const PREFIX_SHARE = 0.5; // a query word that only starts a paper word counts under half, more the more it covers
const EXCERPT_WORDS = 40, EXCERPT_LEAD = 10; // abstract words shown in a result, and before the first match
const TABLE_LINK_MIN = 2; // leading papers of one category that earn a link to its filtered table
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

/* Papers */

let papers = [];
const pageTitles = new Map(); // page location ("multimodal/") -> its title, for the table links

function setUpPapers(docs, pages) {
  papers = docs.map(doc => {
    const title = cut(doc.title), text = cut(doc.text);
    const keys = doc.keys.flatMap(key => cut(key).words);
    return { doc, title, text, words: { keys, title: title.words, text: text.words } };
  });
  for (const page of pages) pageTitles.set(page.location, page.title);
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/** Result groups that open a category's table filtered by the query words (the filter's `find`),
 * one per category with TABLE_LINK_MIN or more leading papers, in the order of their best paper. */
function tableLinks(leading, words) {
  const counts = new Map();
  for (const m of leading) counts.set(m.paper.doc.category, (counts.get(m.paper.doc.category) || 0) + 1);
  const find = words.join(" ");
  return [...counts].filter(([id, count]) => count >= TABLE_LINK_MIN && pageTitles.has(`${id}/`)).map(([id]) => [{
    location: `${id}/?find=${encodeURIComponent(find)}`,
    title: `Papers holding “${escapeHtml(find)}” in ${pageTitles.get(`${id}/`)}`,
    text: "<p>The category's table, filtered by these words: sort the papers, narrow them down by "
      + "subcategory, method, year or links, and share the view.</p>",
    score: 0,
    terms: Object.fromEntries(words.map(word => [word, true])),
  }]);
}

/** Material's query syntax, reduced to what a paper scan needs: words, +required, -excluded. */
function parseQuery(query) {
  const terms = [];
  const required = (_, phrase) => phrase.replace(/(^|\s+)(?=\S)/g, "$1+"); // "a b" means +a +b
  for (const raw of query.replace(/"([^"]*)"/g, required).split(/\s+/)) {
    const presence = raw.startsWith("+") ? "required" : raw.startsWith("-") ? "excluded" : "optional";
    const bare = raw.replace(/^[+-]/, "").replace(/^\w+:(?=.)/, "").replace(/[*~^]\d*$|^\*/g, "");
    cut(bare).words.forEach(word => {
      if (word && (presence === "excluded" || self.lunr.stopWordFilter(new self.lunr.Token(word)))) {
        terms.push({ word, presence });
      }
    });
  }
  return terms;
}

/** How a paper matches one query word: 0 (not at all) up to WEIGHT.keys, and in which field. */
function fieldMatch(paper, word) {
  let best = 0, field = null;
  for (const name of ["keys", "title", "text"]) {
    for (const candidate of paper.words[name]) {
      if (!candidate.startsWith(word)) continue;
      const share = candidate.length === word.length ? 1 : PREFIX_SHARE * (1 + word.length / candidate.length) / 2;
      const weight = WEIGHT[name] * share;
      if (weight > best) [best, field] = [weight, name];
      if (candidate.length === word.length) break;
    }
    if (best === WEIGHT[name]) break; // nothing later can beat a whole-word match here
  }
  return { weight: best, field };
}

function searchPapers(query) {
  const terms = parseQuery(query);
  const wanted = terms.filter(term => term.presence !== "excluded");
  if (!wanted.length) return { leading: [], tables: [], trailing: [], suggest: [] };
  const matches = [];
  for (const paper of papers) {
    const found = wanted.map(term => fieldMatch(paper, term.word));
    if (!found.some(match => match.weight)) continue;
    if (wanted.some((term, i) => term.presence === "required" && !found[i].weight)) continue;
    if (terms.some(term => term.presence === "excluded" && fieldMatch(paper, term.word).weight)) continue;
    matches.push({ paper, found });
  }
  // Rarity of each query word over the papers (1 + ln(N / papers matching it)), like lunr's idf.
  const rarity = wanted.map((_, i) => {
    const matching = matches.filter(m => m.found[i].weight).length;
    return 1 + Math.log(papers.length / Math.max(1, matching));
  });
  const ranked = matches.map(({ paper, found }) => ({
    paper,
    found,
    count: found.filter(match => match.weight).length,
    score: found.reduce((sum, match, i) => sum + match.weight * rarity[i], 0),
  })).sort((a, b) => b.count - a.count || b.score - a.score);
  const leads = m => m.count === wanted.length && m.found.some(match => ["keys", "title"].includes(match.field));
  const marked = wanted.map(term => term.word);
  const items = ranked.map(m => ({
    lead: leads(m),
    group: [{ // a result group of one document, as Material's worker makes them
      location: m.paper.doc.location,
      title: highlight(m.paper.title, marked),
      text: excerpt(m.paper.text, marked),
      score: m.score,
      terms: Object.fromEntries(wanted.map((term, i) => [term.word, m.found[i].weight > 0])),
    }],
  }));
  // Like Material's: the words of the best title that the query words start (the page completes the last).
  const best = ranked.length && leads(ranked[0]) ? ranked[0].paper.words : null;
  const completions = best ? marked.map(word => [...best.keys, ...best.title].find(w => w.startsWith(word))) : [];
  const suggest = completions.filter(Boolean);
  return {
    leading: items.filter(item => item.lead).map(item => item.group),
    tables: tableLinks(ranked.filter(leads), marked),
    trailing: items.filter(item => !item.lead).map(item => item.group),
    suggest,
  };
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
    setUpPapers(docs.filter(doc => doc.keys), docs.filter(doc => !doc.keys && !doc.location.includes("#")));
    reply(await ask({ type: SETUP, data: { config, docs: docs.filter(doc => !doc.keys), options } }));
  } else if (message.type === QUERY) {
    // The page sends a query per keystroke and shows whichever answer comes last: wait for the
    // queries typed meanwhile to arrive, and answer only the latest.
    const number = ++queries;
    await new Promise(done => setTimeout(done));
    if (number !== queries) return;
    const pages = await ask(message);
    const found = searchPapers(message.data);
    const [first, ...leading] = found.leading;
    const items = [...(first ? [first] : []), ...found.tables, ...leading, ...pages.data.items, ...found.trailing];
    const suggest = found.suggest.length ? found.suggest : pages.data.suggest;
    reply({ type: RESULT, data: suggesting ? { items, suggest } : { items } });
  }
});
