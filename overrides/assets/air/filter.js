/* Category tables: text filter, facets, sorting, live counts and URL state; and the author index's filter.
 *
 * The page (hooks/catalog/render/category.py) holds one `.air-filter` panel, hidden without
 * JavaScript, and one `.air-group` table per section: a category page's subcategories and the papers
 * filed elsewhere that border it, or the all-papers table. "inline" pages hold every row as HTML and
 * fetch the texts file beside the page (every paper's search text) after the first paint; until it
 * comes, the text filter matches the rows' own text. "island" pages hold the first rows of each group
 * and a compact JSON island (a top-level array: facets only), and fetch the rows file beside the page
 * (every paper's search text and row HTML) after the first paint; their rows are drawn here a window at
 * a time. The panel says `data-ready` once the file is in.
 *
 * Filtering runs on in-memory records with pre-folded search text; each change writes to the DOM
 * once, and only where something changed. State lives in the query string (find, cat, sub, method,
 * year, has, month, sort) so a filtered view is a link. Works with Material's instant navigation:
 * binding is idempotent per panel element, and window-level listeners are added once.
 */
(function () {
  "use strict";

  if (window.airFilter) return; // evaluated twice: the first copy already listens

  var LIST_FACETS = ["cat", "sub", "method", "year", "has", "month"];
  var ANY_OF = ["cat", "sub", "year", "month"]; // a paper matches if it has one of the values asked for
  // "all of" facets (method, has): a paper matches if it has every value asked for. The month has no checkboxes:
  // links set it (`?month=2025-05`, from the home page's timeline), the panel says so and clears it.
  var SORTS = ["date", "date-asc", "name", "name-desc"];
  var DEFAULT_SORT = "date";
  var SHORT_WORD = 3; // query words this short match whole words only
  var NON_ASCII = /[^\x00-\x7f]/;
  var MARKS = /\p{Mn}/gu; // nonspacing marks: the accents NFKD splits off
  var collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  var controllers = new WeakMap(); // panel element -> its controller
  var current = null; // controller of the page on screen, if it has a panel
  var currentAuthors = null; // the author index on screen: {form, reveal}

  document.documentElement.classList.add("air-js");

  /* Text */

  // Same folding as catalog.text.fold_for_search: NFKD, drop combining marks, lowercase.
  function fold(text) {
    return NON_ASCII.test(text) ? text.normalize("NFKD").replace(MARKS, "").toLowerCase() : text.toLowerCase();
  }

  function queryWords(text) {
    return fold(text).split(/\s+/).filter(Boolean);
  }

  function papers(n) {
    return n === 1 ? "paper" : "papers";
  }

  // "2025-05" -> "May 2025"
  function monthName(month) {
    var date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
    return date.toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });
  }

  /* State and URL */

  function emptyState(sort) {
    return { find: "", cat: [], sub: [], method: [], year: [], has: [], month: [], sort: sort || DEFAULT_SORT };
  }

  function isFiltered(state) {
    return state.find.trim() !== "" || LIST_FACETS.some(function (f) { return state[f].length > 0; });
  }

  // Read our parameters; unknown facet values and sorts are dropped, lists keep the panel's order.
  function readState(search, options) {
    var params = new URLSearchParams(search);
    var state = emptyState(SORTS.indexOf(params.get("sort")) >= 0 ? params.get("sort") : DEFAULT_SORT);
    state.find = params.get("find") || "";
    LIST_FACETS.forEach(function (facet) {
      var wanted = [];
      params.getAll(facet).forEach(function (v) { wanted = wanted.concat(v.split(",")); });
      state[facet] = options[facet].filter(function (v) { return wanted.indexOf(v) >= 0; });
    });
    return state;
  }

  function encode(text) {
    return encodeURIComponent(text).replace(/%20/g, "+");
  }

  // The query string for a state, keeping parameters that are not ours (Material's q and h).
  function queryFor(state, search) {
    var parts = [];
    new URLSearchParams(search).forEach(function (value, key) {
      if (key !== "find" && key !== "sort" && LIST_FACETS.indexOf(key) < 0) parts.push(encode(key) + "=" + encode(value));
    });
    if (state.find.trim()) parts.push("find=" + encode(state.find.trim()));
    LIST_FACETS.forEach(function (facet) {
      if (state[facet].length) parts.push(facet + "=" + state[facet].map(encode).join(","));
    });
    if (state.sort !== DEFAULT_SORT) parts.push("sort=" + state.sort);
    return parts.length ? "?" + parts.join("&") : "";
  }

  // pushState for a new history entry, replaceState to update the current one (kept: Material's scroll state).
  function writeUrl(ctl, push) {
    var url = location.pathname + queryFor(ctl.state, location.search) + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(history.state, "", url);
    ctl.search = location.search;
  }

  /* Records: one per paper, from the rows (inline) or from the island */

  // An inline row's record; its search text is the row's own until the texts file comes (addTexts).
  function recordFromRow(row, index) {
    var name = row.querySelector(".air-short") || row.querySelector(".air-title-text");
    return makeRecord(row.id, fold(row.textContent), row.getAttribute("data-date"), row.getAttribute("data-sub"),
      row.getAttribute("data-methods"), row.getAttribute("data-links"), name ? name.textContent : row.id,
      row.getAttribute("data-cat"), index);
  }

  function makeRecord(id, text, date, sub, methods, links, name, cat, index) {
    return {
      id: id, text: text, date: date, year: date.slice(0, 4), month: date, sub: sub, cat: cat,
      methods: methods ? methods.split(" ") : [], links: links ? links.split(" ") : [],
      name: name, index: index, html: "", row: null, group: null,
      textOk: true, match: true, shown: true
    };
  }

  // Each record knows its group: its section's index in the island, or the table that holds its row. Island
  // pages: the island holds [id, date, sub, methods, link kinds, name, category, section index] per paper; the
  // search text and row HTML come after the first paint from the rows file (addRows).
  function loadRecords(ctl) {
    var records = [];
    if (ctl.island) {
      // The island's script may have lost its type and class to instant navigation: find it by place.
      JSON.parse(ctl.root.querySelector("script").textContent).forEach(function (r, i) {
        var rec = makeRecord(r[0], "", r[1], r[2], r[3], r[4], r[5], r[6], i);
        rec.group = ctl.groups[r[7]];
        records.push(rec);
      });
      return records;
    }
    ctl.groups.forEach(function (group) {
      if (!group.tbody) return;
      Array.prototype.forEach.call(group.tbody.rows, function (row) {
        var rec = recordFromRow(row, records.length);
        rec.row = row;
        rec.group = group;
        records.push(rec);
      });
    });
    return records;
  }

  // The texts file: [id, search text] per paper. Every record is tested again at the next filtering.
  function addTexts(ctl, texts) {
    texts.forEach(function (t) {
      var rec = ctl.byId.get(t[0]);
      if (rec) rec.text = t[1];
    });
    ctl.lastQuery = null;
  }

  // The rows file: [search text, row HTML] per paper, in the island's order.
  function addRows(ctl, rows) {
    ctl.records.forEach(function (rec, i) {
      rec.text = rows[i][0];
      rec.html = rows[i][1];
    });
  }

  function readGroup(el) {
    var heading = el.previousElementSibling;
    return {
      el: el, sub: el.getAttribute("data-sub"),
      heading: heading && /^H[1-6]$/.test(heading.tagName) ? heading : null,
      countEl: el.querySelector(".air-count"), tbody: el.querySelector("tbody"),
      more: el.querySelector(".air-more"),
      recs: [], orders: {}, sortShown: DEFAULT_SORT, drawn: [], limit: 0,
      matches: 0, hidden: false, countText: el.querySelector(".air-count").textContent
    };
  }

  // List each group's records.
  function groupRecords(ctl) {
    ctl.records.forEach(function (rec) { rec.group.recs.push(rec); });
    ctl.groups.forEach(function (group) {
      group.orders[DEFAULT_SORT] = group.recs; // the catalog's order: newest first, then by name
      group.limit = ctl.window;
      if (!ctl.island || !group.tbody) return;
      group.drawn = Array.prototype.map.call(group.tbody.rows, function (row) { // the rows the HTML lists
        var rec = ctl.byId.get(row.id);
        rec.row = row;
        return rec;
      });
    });
  }

  // Records of a group in a sort order, computed once per order.
  function orderOf(group, sort) {
    if (group.orders[sort]) return group.orders[sort];
    var recs = group.recs.slice();
    if (sort === "date-asc") recs.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index; });
    if (sort === "name") recs.sort(function (a, b) { return collator.compare(a.name, b.name) || a.index - b.index; });
    if (sort === "name-desc") recs = orderOf(group, "name").slice().reverse();
    group.orders[sort] = recs;
    return recs;
  }

  /* Filtering: flags and counts on the records, no DOM */

  // A query word of SHORT_WORD letters or fewer matches whole words only ("gui" finds "GUI agents" and
  // "GUI-R1", not "guidance"); a longer one matches anywhere in a word, as a prefix typed so far would.
  function wordTest(word) {
    if (word.length > SHORT_WORD) return function (text) { return text.indexOf(word) >= 0; };
    var whole = new RegExp("(^|[^\\p{L}\\p{N}])" + word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "($|[^\\p{L}\\p{N}])", "u");
    return function (text) { return whole.test(text); };
  }

  function hasFacet(state, facet, rec) {
    var wanted = state[facet];
    if (!wanted.length) return true;
    if (facet === "method") return wanted.every(function (v) { return rec.methods.indexOf(v) >= 0; });
    if (facet === "has") return wanted.every(function (v) { return rec.links.indexOf(v) >= 0; });
    return wanted.indexOf(rec[facet]) >= 0;
  }

  function evaluate(ctl) {
    var state = ctl.state;
    var words = queryWords(state.find);
    var query = words.join(" ");
    // Typing on narrows: a paper that missed the shorter query misses this one too (not so when a word was
    // short enough to match whole words only: "gu" misses "gui", which "gui" matches).
    var narrowing = ctl.lastQuery !== null && query.indexOf(ctl.lastQuery) === 0 &&
      queryWords(ctl.lastQuery).every(function (w) { return w.length > SHORT_WORD; });
    var tests = words.map(wordTest);
    var counts = { cat: {}, sub: {}, method: {}, year: {}, has: {}, month: {} };
    var total = 0;
    var elsewhere = {}; // matches filed under another category than the page's, by category
    ctl.records.forEach(function (rec) {
      if (!(narrowing && !rec.textOk)) rec.textOk = tests.every(function (test) { return test(rec.text); });
      var fails = rec.textOk ? 0 : 1;
      var failed = ""; // the facet that fails, when it alone does
      LIST_FACETS.forEach(function (facet) {
        if (!hasFacet(state, facet, rec)) { fails++; failed = facet; }
      });
      rec.match = fails === 0;
      // Option counts: for "any of" facets, papers matching everything else; for "all of", matches having it.
      ANY_OF.forEach(function (facet) {
        if (fails === 0 || (fails === 1 && failed === facet)) counts[facet][rec[facet]] = (counts[facet][rec[facet]] || 0) + 1;
      });
      if (rec.match) {
        total++;
        rec.methods.forEach(function (v) { counts.method[v] = (counts.method[v] || 0) + 1; });
        rec.links.forEach(function (v) { counts.has[v] = (counts.has[v] || 0) + 1; });
        if (ctl.home && rec.cat !== ctl.home) elsewhere[rec.cat] = (elsewhere[rec.cat] || 0) + 1;
      }
    });
    ctl.lastQuery = query;
    ctl.total = total;
    ctl.counts = counts;
    ctl.elsewhere = elsewhere;
  }

  /* Drawing: write only what changed */

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  function setHidden(el, hidden) {
    if (el && el.hidden !== hidden) el.hidden = hidden;
  }

  // Inline pages: reorder rows when the sort changed, toggle `hidden` where a row's match changed.
  function drawInline(ctl, group) {
    if (group.sortShown !== ctl.state.sort) {
      group.tbody.append.apply(group.tbody, orderOf(group, ctl.state.sort).map(function (r) { return r.row; }));
      group.sortShown = ctl.state.sort;
    }
    var matches = 0;
    group.recs.forEach(function (rec) {
      if (rec.match) matches++;
      if (rec.shown !== rec.match) {
        rec.row.hidden = !rec.match;
        rec.shown = rec.match;
      }
    });
    return matches;
  }

  // Island rows become elements once, parsed together; later redraws move them instead of parsing again.
  function rowsOf(recs) {
    var missing = recs.filter(function (r) { return !r.row; });
    if (missing.length) {
      var template = document.createElement("template");
      template.innerHTML = missing.map(function (r) { return r.html; }).join("");
      var parsed = Array.prototype.slice.call(template.content.children);
      missing.forEach(function (r, i) { r.row = parsed[i]; });
    }
    return recs.map(function (r) { return r.row; });
  }

  // Island pages: the first `limit` matches in sort order; the tbody is redrawn only if that list changed.
  function drawWindow(ctl, group) {
    var want = [];
    var matches = 0;
    orderOf(group, ctl.state.sort).forEach(function (rec) {
      if (!rec.match) return;
      matches++;
      if (want.length < group.limit) want.push(rec);
    });
    var same = want.length === group.drawn.length && want.every(function (r, i) { return r === group.drawn[i]; });
    if (!same) {
      group.tbody.replaceChildren.apply(group.tbody, rowsOf(want));
      group.drawn = want;
      markHighlight(ctl);
    }
    var rest = matches - want.length;
    setHidden(group.more, rest <= 0);
    if (rest > 0) setText(group.more, "Show " + Math.min(rest, ctl.window) + " more (" + rest + " not shown)");
    return matches;
  }

  function drawGroup(ctl, group, filtered) {
    var matches = group.tbody ? (ctl.island ? drawWindow(ctl, group) : drawInline(ctl, group)) : 0;
    // Public hook (cite.js): a group's rows were drawn; `hidden` and presence in the tbody say which are shown.
    if (group.tbody) group.el.dispatchEvent(new CustomEvent("air:drawn", { bubbles: true }));
    var n = group.recs.length;
    var text = filtered ? matches + " of " + n + " " + papers(n) : n + " " + papers(n);
    if (group.countText !== text) {
      group.countEl.textContent = text;
      group.countText = text;
    }
    var hide = filtered && matches === 0; // empty sections hide while filtered
    if (group.hidden !== hide) {
      group.el.hidden = hide;
      if (group.heading) group.heading.hidden = hide;
      group.hidden = hide;
    }
  }

  function drawSortHeaders(ctl) {
    if (ctl.sortShown === ctl.state.sort) return;
    var sort = ctl.state.sort;
    ctl.sortButtons.forEach(function (button) {
      var key = button.getAttribute("data-sort");
      var th = button.parentElement;
      if (sort.indexOf(key) !== 0) th.removeAttribute("aria-sort");
      else th.setAttribute("aria-sort", sort === "date" || sort === "name-desc" ? "descending" : "ascending");
    });
    ctl.sortShown = sort;
  }

  // ", 3 of them filed under Multimodal and 1 under Multi-Agent" (as catalog.render.category.elsewhere_text).
  function elsewhereText(ctl) {
    var parts = ctl.options.cat.filter(function (cat) { return ctl.elsewhere[cat]; }).map(function (cat) {
      return ctl.elsewhere[cat] + " under " + ctl.catNames[cat];
    });
    if (!parts.length) return "";
    return ", " + parts[0].replace(" under ", " of them filed under ") + parts.slice(1).map(function (p) {
      return " and " + p;
    }).join("");
  }

  // The live count, the month shown, the no-match message, clear-all, and each option's count (dimmed at zero).
  function drawPanel(ctl, filtered) {
    setText(ctl.totalEl, ctl.total + " of " + ctl.records.length + " " + papers(ctl.records.length) + elsewhereText(ctl));
    setHidden(ctl.monthEl, !ctl.state.month.length);
    setText(ctl.monthNameEl, ctl.state.month.map(monthName).join(", "));
    setHidden(ctl.noneEl, ctl.total > 0);
    if (ctl.clearButton.disabled === filtered) ctl.clearButton.disabled = !filtered;
    ctl.optionCounts.forEach(function (shown) {
      var n = ctl.counts[shown.facet][shown.value] || 0;
      if (shown.n === n) return;
      shown.el.textContent = String(n);
      if ((shown.n === 0) !== (n === 0)) shown.el.parentElement.classList.toggle("air-zero", n === 0);
      shown.n = n;
    });
  }

  // A change of filter or sort: recompute, then draw (island groups go back to one window each).
  function apply(ctl) {
    ctl.groups.forEach(function (group) { group.limit = ctl.window; });
    evaluate(ctl);
    var filtered = isFiltered(ctl.state);
    ctl.groups.forEach(function (group) { drawGroup(ctl, group, filtered); });
    drawSortHeaders(ctl);
    drawPanel(ctl, filtered);
  }

  // Put the state into the text box and checkboxes (after a link, reload, back or forward).
  function syncControls(ctl) {
    if (ctl.input.value !== ctl.state.find) ctl.input.value = ctl.state.find;
    ctl.checkboxes.forEach(function (box) {
      var on = ctl.state[box.name].indexOf(box.value) >= 0;
      if (box.checked !== on) box.checked = on;
    });
  }

  /* Row anchors: /category/#paper-id shows, draws and highlights that row */

  function markHighlight(ctl) {
    if (!ctl.highlightId) return;
    var row = document.getElementById(ctl.highlightId);
    if (row && !row.classList.contains("air-highlight")) row.classList.add("air-highlight");
  }

  function hashId() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (err) { // a malformed %-escape names no row
      return "";
    }
  }

  function revealTarget(ctl) {
    var id = hashId();
    var rec = id && ctl.byId.get(id);
    if (!rec) return;
    if (!rec.match) { // hidden by the filter: clear it first, keep the sort
      ctl.state = emptyState(ctl.state.sort);
      syncControls(ctl);
      apply(ctl);
      writeUrl(ctl, false);
    }
    if (ctl.island) {
      var position = orderOf(rec.group, ctl.state.sort).filter(function (r) { return r.match; }).indexOf(rec);
      if (position >= rec.group.limit) {
        rec.group.limit = Math.ceil((position + 1) / ctl.window) * ctl.window;
        drawGroup(ctl, rec.group, isFiltered(ctl.state));
      }
    }
    var old = ctl.highlightId && document.getElementById(ctl.highlightId);
    if (old) old.classList.remove("air-highlight");
    ctl.highlightId = id;
    markHighlight(ctl);
    var row = document.getElementById(id);
    if (!row) return;
    // Groups above the row, and its own, are laid out for real first: a big one (content-visibility: auto) would
    // hold an estimated height until drawn, and the row would move once it was.
    for (var i = 0; i <= ctl.groups.indexOf(rec.group); i++) ctl.groups[i].el.style.contentVisibility = "visible";
    row.scrollIntoView({ block: "center" });
  }

  /* Events, delegated to the content around the panel */

  function onInput(ctl, event) {
    if (event.target !== ctl.input) return;
    ctl.state.find = ctl.input.value;
    apply(ctl);
    writeUrl(ctl, !ctl.typing); // the first key of a burst adds a history entry, the others update it
    ctl.typing = true;
  }

  function onChange(ctl, event) {
    var box = event.target;
    if (box === ctl.input) { ctl.typing = false; return; } // committed text (Enter or leaving the box)
    if (box.type !== "checkbox" || LIST_FACETS.indexOf(box.name) < 0) return;
    ctl.typing = false;
    ctl.state[box.name] = ctl.options[box.name].filter(function (v) {
      return v === box.value ? box.checked : ctl.state[box.name].indexOf(v) >= 0;
    });
    apply(ctl);
    writeUrl(ctl, true);
  }

  function onKeydown(ctl, event) {
    if (event.target === ctl.input && event.key === "Enter") {
      event.preventDefault();
      ctl.typing = false;
    }
  }

  function onClick(ctl, event) {
    var button = event.target.closest && event.target.closest("button");
    if (!button || !ctl.scope.contains(button)) return;
    if (button.classList.contains("air-sort")) sortBy(ctl, button.getAttribute("data-sort"));
    else if (button.classList.contains("air-clear")) clearAll(ctl);
    else if (button.classList.contains("air-more")) showMore(ctl, button);
    else if (button.classList.contains("air-month-clear")) clearMonth(ctl);
  }

  // Date toggles newest/oldest first (newest first on first click); Paper toggles A-Z/Z-A.
  function sortBy(ctl, key) {
    var sort = ctl.state.sort;
    ctl.state.sort = key === "date" ? (sort === "date" ? "date-asc" : "date") : (sort === "name" ? "name-desc" : "name");
    ctl.typing = false;
    apply(ctl);
    writeUrl(ctl, true);
  }

  function clearAll(ctl) {
    ctl.state = emptyState(ctl.state.sort);
    ctl.typing = false;
    syncControls(ctl);
    apply(ctl);
    writeUrl(ctl, true);
    ctl.input.focus(); // the clicked button may have just been hidden
  }

  function clearMonth(ctl) {
    ctl.state.month = [];
    ctl.typing = false;
    apply(ctl);
    writeUrl(ctl, true);
    ctl.input.focus(); // the clicked button is hidden now
  }

  function showMore(ctl, button) {
    var group = ctl.groups.filter(function (g) { return g.more === button; })[0];
    if (!group) return;
    group.limit += ctl.window;
    drawGroup(ctl, group, isFiltered(ctl.state));
    if (button.hidden) group.el.querySelector(".air-table-wrap").focus();
  }

  /* Binding */

  // The values each facet offers: its checkboxes', and for the month every month some paper has.
  function panelOptions(checkboxes, records) {
    var options = { cat: [], sub: [], method: [], year: [], has: [], month: [] };
    checkboxes.forEach(function (box) { options[box.name].push(box.value); });
    var months = new Set(records.map(function (rec) { return rec.month; }));
    options.month = Array.from(months).sort().reverse();
    return options;
  }

  // Category names as the category facet's chips show them.
  function categoryNames(checkboxes) {
    var names = {};
    checkboxes.forEach(function (box) { if (box.name === "cat") names[box.value] = box.nextElementSibling.textContent; });
    return names;
  }

  function createController(root) {
    var scope = root.parentElement;
    var checkboxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox]"));
    var ctl = {
      root: root, scope: scope, pathname: location.pathname,
      island: root.getAttribute("data-mode") === "island",
      window: parseInt(root.getAttribute("data-window"), 10) || 200,
      home: root.getAttribute("data-category") || "", catNames: categoryNames(checkboxes),
      input: root.querySelector("input[type=search]"), checkboxes: checkboxes, options: null,
      totalEl: root.querySelector(".air-total"), noneEl: root.querySelector(".air-none"),
      monthEl: root.querySelector(".air-month"), monthNameEl: root.querySelector(".air-month-name"),
      clearButton: root.querySelector(".air-status .air-clear"),
      sortButtons: Array.prototype.slice.call(scope.querySelectorAll("button.air-sort")),
      optionCounts: [], groups: [], records: [], byId: new Map(),
      state: emptyState(), lastQuery: null, total: 0, counts: null, elsewhere: {}, ready: false,
      sortShown: DEFAULT_SORT, typing: false, highlightId: "", search: location.search
    };
    root.querySelectorAll("[data-n-for]").forEach(function (el) {
      var key = el.getAttribute("data-n-for").split(":");
      ctl.optionCounts.push({ el: el, facet: key[0], value: key.slice(1).join(":"), n: null });
    });
    ctl.groups = Array.prototype.map.call(scope.querySelectorAll(".air-group"), readGroup);
    ctl.records = loadRecords(ctl);
    ctl.records.forEach(function (rec) { ctl.byId.set(rec.id, rec); });
    ctl.options = panelOptions(checkboxes, ctl.records);
    groupRecords(ctl);

    scope.addEventListener("input", function (e) { onInput(ctl, e); });
    scope.addEventListener("change", function (e) { onChange(ctl, e); });
    scope.addEventListener("keydown", function (e) { onKeydown(ctl, e); });
    scope.addEventListener("click", function (e) { onClick(ctl, e); });
    root.addEventListener("submit", function (e) { e.preventDefault(); }); // the panel is a form: never leave the page
    return ctl;
  }

  function fetchBeside(name) {
    return fetch(new URL(name, location.href)).then(function (response) {
      if (!response.ok) throw new Error(name + ": HTTP " + response.status);
      return response.json();
    });
  }

  // Bind one panel (once) and restore the URL's state and its row anchor: an inline page at once, then again
  // with its texts file; an island page once its rows file is in (until then it shows what it shows without
  // JavaScript).
  function bind(root) {
    var ctl = controllers.get(root);
    if (ctl) return ctl;
    ctl = createController(root);
    controllers.set(root, ctl);
    if (ctl.island) {
      fetchBeside(root.getAttribute("data-rows")).then(function (data) {
        addRows(ctl, data);
        if (document.contains(root)) { start(ctl); markReady(ctl); }
      });
    } else {
      start(ctl);
      fetchBeside(root.getAttribute("data-texts")).then(function (data) {
        addTexts(ctl, data);
        if (document.contains(root)) { apply(ctl); markReady(ctl); }
      });
    }
    return ctl;
  }

  function start(ctl) {
    ctl.search = location.search;
    ctl.sortButtons.forEach(function (b) { b.disabled = false; });
    ctl.state = readState(location.search, ctl.options);
    syncControls(ctl);
    apply(ctl);
    ctl.root.hidden = false;
    revealTarget(ctl);
    ctl.ready = true;
  }

  // Every paper's text is in: what tests and the benchmark wait for.
  function markReady(ctl) {
    ctl.root.setAttribute("data-ready", "");
  }

  /* The author index (/authors/): a text filter over the names, `?find=` in the URL. Inline pages hide
     and show their entries; island pages (a large catalog) draw the matching entries from the JSON island,
     a window at a time, and draw the window that holds an entry whose anchor the URL names. */

  function authorEntryHtml(island, author) {
    var esc = function (text) {
      return String(text).replace(/[&<>"']/g, function (c) {
        return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" }[c];
      });
    };
    var items = author[4].map(function (i) {
      var p = island.papers[i];
      return "<li><time datetime=\"" + esc(p[3]) + "\">" + esc(p[3]) + "</time> <a href=\"" + esc(p[0]) + "\">" +
        esc(p[1]) + "</a>" + (p[2] ? " \u2014 " + esc(p[2]) : "") + " <span class=\"air-muted\">(" +
        esc(island.categories[p[4]]) + ")</span></li>";
    }).join("");
    var n = author[4].length;
    return "<li class=\"air-author-entry\" id=\"" + esc(author[0]) + "\"><p><strong>" + esc(author[1]) + "</strong>" +
      (author[2].length ? " <span class=\"air-muted\">(also written " + esc(author[2].join(", ")) + ")</span>" : "") +
      (author[5] ? " <span class=\"air-note\">" + esc(author[5]) + "</span>" : "") +
      " <span class=\"air-author-count\">" + n + " " + papers(n) + "</span></p><ul>" + items + "</ul></li>";
  }

  function bindAuthors(form) {
    if (controllers.has(form)) return;
    controllers.set(form, true);
    var input = form.querySelector("input[type=search]");
    var total = form.querySelector("output");
    var islandEl = document.querySelector("script.air-author-data");
    var island = islandEl ? JSON.parse(islandEl.textContent) : null;
    var windowSize = Number(form.getAttribute("data-window")) || 200;
    var view = { limit: windowSize, from: null };
    var all;
    if (island) {
      all = island.authors.map(function (a) { return { name: fold([a[1]].concat(a[2]).join(" ")), author: a }; });
    } else {
      all = Array.prototype.map.call(document.querySelectorAll(".air-author-entry"), function (li) {
        return { name: li.getAttribute("data-name"), el: li, group: li.closest(".air-author-group") };
      });
    }
    var more = document.querySelector(".air-author-window + .air-more-wrap .air-more");
    var target = document.querySelector(".air-author-window");

    function matching() {
      var tests = queryWords(input.value).map(wordTest);
      return all.filter(function (entry) { return tests.every(function (test) { return test(entry.name); }); });
    }

    function drawIsland(matches) {
      var start = 0;
      if (view.from !== null) start = Math.max(0, matches.findIndex(function (e) { return e.author[0] === view.from; }));
      var shown = matches.slice(start, start + view.limit);
      var html = "", letter = null;
      shown.forEach(function (entry) {
        if (entry.author[3] !== letter) {
          if (letter !== null) html += "</ul></section>";
          letter = entry.author[3];
          html += "<section class=\"air-author-group\" data-letter=\"" + letter + "\"><h2 id=\"letter-" +
            letter.toLowerCase() + "\">" + letter + "</h2><ul class=\"air-author-list\">";
        }
        html += authorEntryHtml(island, entry.author);
      });
      if (letter !== null) html += "</ul></section>";
      target.innerHTML = html;
      if (more) setHidden(more, start + view.limit >= matches.length);
    }

    function show() {
      var matches = matching();
      if (island) {
        drawIsland(matches);
      } else {
        var kept = new Set(matches);
        var groupsShown = new Set();
        all.forEach(function (entry) {
          setHidden(entry.el, !kept.has(entry));
          if (kept.has(entry)) groupsShown.add(entry.group);
        });
        document.querySelectorAll(".air-author-group").forEach(function (g) { setHidden(g, !groupsShown.has(g)); });
      }
      var count = function (n) { return n.toLocaleString("en"); };
      setText(total, (input.value.trim() ? count(matches.length) + " of " : "") + count(all.length) + " authors");
    }

    // An anchor to an entry (or a letter) the island holds but the page has not drawn: draw the window
    // that starts with it.
    function reveal() {
      var slug = decodeURIComponent(location.hash.slice(1));
      if (!island || !slug || document.getElementById(slug)) return;
      var letter = slug.indexOf("letter-") === 0 ? slug.slice(7).toUpperCase() : null;
      var first = island.authors.find(function (a) { return letter ? a[3] === letter : a[0] === slug; });
      if (!first) return;
      input.value = "";
      view.from = first[0];
      view.limit = windowSize;
      show();
      var el = document.getElementById(slug);
      if (el) el.scrollIntoView();
    }

    input.value = new URLSearchParams(location.search).get("find") || "";
    input.addEventListener("input", function () {
      view.from = null;
      view.limit = windowSize;
      show();
      var query = new URLSearchParams(location.search);
      if (input.value) query.set("find", input.value); else query.delete("find");
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    });
    if (more) more.addEventListener("click", function () { view.limit += windowSize; show(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    currentAuthors = { form: form, reveal: reveal };
    if (island || input.value) show();
    form.hidden = false;
    reveal();
    form.setAttribute("data-ready", "");
  }

  function bindAll() {
    var root = document.querySelector(".air-filter");
    current = root ? bind(root) : null;
    var authors = document.querySelector(".air-author-filter");
    if (authors) bindAuthors(authors);
  }

  /* Window-level listeners, added once: they act on the page on screen */

  // Back/forward between two of our entries (same page, other query): restore the state here and stop
  // the event, or Material's instant navigation would fetch and re-inject the same page on the first
  // such step after a full load. This script is included before Material's bundle so that this
  // listener is registered, and so runs, first.
  window.addEventListener("popstate", function (event) {
    var ctl = current;
    if (!ctl || !ctl.ready || !document.contains(ctl.root) || location.pathname !== ctl.pathname) return;
    if (location.search === ctl.search) return; // a hash-only step: Material scrolls, hashchange reveals rows
    event.stopImmediatePropagation();
    ctl.state = readState(location.search, ctl.options);
    ctl.search = location.search;
    ctl.typing = false;
    syncControls(ctl);
    apply(ctl);
  });

  window.addEventListener("hashchange", function () {
    if (current && current.ready && document.contains(current.root)) revealTarget(current);
    if (currentAuthors && document.contains(currentAuthors.form)) currentAuthors.reveal();
  });

  // Marks the script as loaded (see the guard at the top); bind() rebinds after content is replaced
  // without Material's document$.
  // ids(root, shown): the ids of a panel's papers, all of them or only those the filter shows (drawn or not), in
  // the order they are listed; noteUrl(): another script changed the query string (a popstate back to the old
  // one is then ours to handle).
  window.airFilter = {
    bind: bindAll,
    ids: function (root, shown) {
      var ctl = controllers.get(root);
      if (!ctl || ctl === true) return [];
      var ids = [];
      ctl.groups.forEach(function (group) {
        orderOf(group, ctl.state.sort).forEach(function (rec) { if (!shown || rec.match) ids.push(rec.id); });
      });
      return ids;
    },
    noteUrl: function () { if (current && current.ready && document.contains(current.root)) current.search = location.search; }
  };

  // Material's document$ emits the first page and each page instant navigation brings; it exists once
  // Material's bundle (deferred after this script) has run, so by DOMContentLoaded.
  function followMaterial() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(bindAll);
    else bindAll();
  }

  bindAll(); // the page is parsed (this script is deferred): draw now
  if (window.document$) followMaterial();
  else document.addEventListener("DOMContentLoaded", followMaterial);
})();
