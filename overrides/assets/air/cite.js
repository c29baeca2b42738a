/* The citation basket: pick papers on a table page (a category's, or all papers; a checkbox per row) or a paper
 * page, then copy or download them as BibTeX, RIS or CSL-JSON, with a plain-text preview; and a "copy BibTeX"
 * button per row.
 *
 * The texts are the site's own citation files (hooks/catalog/cite/export.py), never formatted here: each
 * paper's papers/<id>/cite.bib, cite.ris and cite.json for a few papers; above THRESHOLD papers the catalog's
 * papers.bib, papers.ris and papers.csl.json, fetched once and split into records (BibTeX by entry key; CSL-JSON
 * one item a line, by id; RIS by record, in the catalog order papers.csl.json gives).
 *
 * The selection lives in the query string (`cite=id1,id2`, next to the table filter's parameters), so a
 * reading list is a link. The controls are made here, at bind time: without JavaScript the page shows none
 * (its paper pages link the per-paper files). Which rows the table filter shows comes from filter.js
 * (window.airFilter.ids and its "air:drawn" event); on island pages a selected paper need not be drawn.
 * Works with Material's instant navigation: binding is idempotent per page element, and the document- and
 * window-level listeners are added once. This script comes before filter.js: its popstate listener must
 * run before filter.js's, which stops the event on category pages.
 */
(function () {
  "use strict";

  if (window.airCite) return; // evaluated twice: the first copy already listens

  var THRESHOLD = 50; // more papers than this: the catalog's file, once, instead of one file per paper
  var PREVIEW_MAX = 200; // entries the preview lists
  var FORMATS = {
    bibtex: { label: "BibTeX", paper: "cite.bib", catalog: "papers.bib", ext: ".bib", type: "application/x-bibtex" },
    ris: { label: "RIS", paper: "cite.ris", catalog: "papers.ris", ext: ".ris", type: "application/x-research-info-systems" },
    csl: { label: "CSL-JSON", paper: "cite.json", catalog: "papers.csl.json", ext: ".json", type: "application/vnd.citationstyles.csl+json" }
  };
  var script = document.currentScript;
  // The site root: two folders up from assets/air/cite.js, or the script's data-root (relative to the script).
  var ROOT = new URL((script && script.getAttribute("data-root")) || "../../", script ? script.src : location.href).href;

  var baskets = new WeakMap(); // anchor element (filter panel or citation file list) -> its basket
  var current = null; // the basket of the page on screen
  var paperTexts = new Map(); // "format id" -> Promise of a paper's record
  var catalogs = {}; // format -> Promise of Map id -> record
  var downloadUrl = null; // the object URL of the last download, revoked when the next one is made

  /* Texts */

  function get(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " for " + url);
      return response.text();
    });
  }

  // A paper's own file -> its record: the CSL-JSON file is "[\n" + item + "\n]\n", the others are the record.
  function recordOf(format, text) {
    return format === "csl" ? text.replace(/^\[\n/, "").replace(/\n\]\n$/, "") : text;
  }

  function paperRecord(format, id) {
    var key = format + " " + id;
    if (!paperTexts.has(key)) {
      var promise = get(ROOT + "papers/" + encodeURIComponent(id) + "/" + FORMATS[format].paper)
        .then(function (text) { return recordOf(format, text); });
      promise.catch(function () { paperTexts.delete(key); });
      paperTexts.set(key, promise);
    }
    return paperTexts.get(key);
  }

  // papers.csl.json: "[", one item a line (all but the last ending in ","), "]".
  function cslItems(text) {
    var items = new Map();
    text.split("\n").forEach(function (line) {
      if (line.charAt(0) !== "{") return;
      if (line.charAt(line.length - 1) === ",") line = line.slice(0, -1);
      items.set(JSON.parse(line).id, line);
    });
    return items;
  }

  function catalogOf(format) {
    if (catalogs[format]) return catalogs[format];
    var csl = catalogs.csl || (catalogs.csl = get(ROOT + FORMATS.csl.catalog).then(cslItems));
    if (format !== "csl") {
      catalogs[format] = Promise.all([get(ROOT + FORMATS[format].catalog), csl]).then(function (texts) {
        var records = new Map();
        if (format === "bibtex") { // a comment line, then entries "@type{key,\n...}\n" joined by "\n"
          texts[0].split(/\n(?=@)/).forEach(function (chunk) {
            var key = /^@[^{]*\{([^,\s]+),/.exec(chunk);
            if (key) records.set(key[1], chunk);
          });
        } else { // RIS records, each ending "ER  - \r\n", in catalog order
          var ids = Array.from(texts[1].keys());
          texts[0].split(/(?<=ER {2}- \r\n)/).forEach(function (record, i) { if (record) records.set(ids[i], record); });
        }
        return records;
      });
    }
    var promise = catalogs[format];
    promise.catch(function () { delete catalogs[format]; if (format !== "csl") delete catalogs.csl; });
    return promise;
  }

  // The records of papers, in the order given; from the catalog's file when there are many.
  function records(format, ids, many) {
    if (many || ids.length > THRESHOLD) {
      return catalogOf(format).then(function (all) {
        return ids.map(function (id) { return all.get(id); }).filter(Boolean);
      });
    }
    return Promise.all(ids.map(function (id) { return paperRecord(format, id); }));
  }

  // A file of records, joined as the catalog's files join them (hooks/catalog/cite/export.py).
  function fileOf(format, recs) {
    if (format === "csl") return recs.length ? "[\n" + recs.join(",\n") + "\n]\n" : "[]\n";
    return recs.join(format === "bibtex" ? "\n" : "");
  }

  function textOf(format, ids) {
    return records(format, ids).then(function (recs) { return fileOf(format, recs); });
  }

  // A plain line for the preview, from a CSL-JSON item: authors (year). Title. Venue.
  function plain(item) {
    var names = (item.author || []).map(function (a) {
      if (a.literal) return a.literal;
      var initials = (a.given || "").split(/\s+/).filter(Boolean).map(function (w) { return w.charAt(0) + "."; }).join(" ");
      return initials ? a.family + ", " + initials : a.family;
    });
    var authors = names.length > 7 ? names.slice(0, 6).join(", ") + ", et al." :
      names.length > 1 ? names.slice(0, -1).join(", ") + ", & " + names[names.length - 1] : names.join("");
    var parts = item.issued && item.issued["date-parts"];
    var year = parts && parts[0] && parts[0][0] ? parts[0][0] : "n.d.";
    var line = (authors ? authors + " " : "") + "(" + year + "). " + item.title + ".";
    if (item["container-title"]) line += " " + item["container-title"] + ".";
    else if (item.number) line += " " + item.number + ".";
    return line;
  }

  function papers(n) {
    return n + (n === 1 ? " paper" : " papers");
  }

  /* Clipboard and downloads */

  // ClipboardItem with a promise keeps the click's user activation while the text is fetched.
  function copy(promise) {
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      var blob = promise.then(function (text) { return new Blob([text], { type: "text/plain" }); });
      return navigator.clipboard.write([new window.ClipboardItem({ "text/plain": blob })]).catch(function () {
        return promise.then(function (text) { return navigator.clipboard.writeText(text); });
      });
    }
    return promise.then(function (text) { return navigator.clipboard.writeText(text); });
  }

  // One object URL at a time: the previous download's is revoked here, not on a timer, since the browser may
  // still be reading a blob after the click returns; by the next download it has long been saved.
  function save(text, name, type) {
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([text], { type: type }));
    var link = make("a", { href: downloadUrl, download: name, hidden: "" });
    // Material's instant navigation listens for clicks on links: this one is not for it.
    link.addEventListener("click", function (event) { event.stopPropagation(); });
    document.body.append(link);
    link.click();
    link.remove();
  }

  /* URL */

  function readIds(search) {
    var value = new URLSearchParams(search).get("cite") || "";
    return value.split(",").filter(function (id, i, all) { return id && all.indexOf(id) === i; });
  }

  // The ids of the URL's selection that this page has (the others: a removed paper, a typo).
  function knownIds(b) {
    return readIds(location.search).filter(function (id) { return b.known.has(id); });
  }

  // The selection of the URL the page was opened with. Ids the page has not leave the URL, in place
  // (replaceState: no new history entry, and Material's scroll state is kept), so a link copied from it is clean.
  function readSelection(b) {
    var ids = knownIds(b);
    if (ids.join(",") !== (new URLSearchParams(location.search).get("cite") || "")) {
      history.replaceState(history.state, "", location.pathname + queryWith(ids) + location.hash);
      b.search = location.search;
      if (window.airFilter && window.airFilter.noteUrl) window.airFilter.noteUrl();
    }
    return ids;
  }

  // The query string with `cite` set to ids; the other parameters are kept as they are written.
  function queryWith(ids) {
    var parts = location.search.slice(1).split("&").filter(function (part) {
      return part && part.split("=")[0] !== "cite";
    });
    if (ids.length) parts.push("cite=" + ids.map(encodeURIComponent).join(","));
    return parts.length ? "?" + parts.join("&") : "";
  }

  function writeUrl(b) {
    var url = location.pathname + queryWith(b.ids) + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    history.pushState(null, "", url);
    b.search = location.search;
    if (window.airFilter && window.airFilter.noteUrl) window.airFilter.noteUrl();
  }

  /* Markup, made here: textContent and attributes only */

  function make(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { el.setAttribute(key, attrs[key]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function rowName(row) {
    var name = row.querySelector(".air-short") || row.querySelector(".air-title-text");
    return name ? name.textContent : row.id;
  }

  // A row's checkbox (in its date cell) and copy button (with its links), once per row element.
  function decorate(b, row) {
    var box = row.querySelector("input.air-pick");
    if (!box) {
      var name = rowName(row);
      box = make("input", { type: "checkbox", class: "air-pick", "aria-label": "Select " + name + " to cite" });
      var date = row.querySelector(".air-date") || row.cells[0];
      date.prepend(box);
      var links = row.querySelector(".air-links") || row.cells[row.cells.length - 1];
      links.append(make("button", { type: "button", class: "air-copy-bib", title: "Copy BibTeX",
        "aria-label": "Copy the BibTeX of " + name }));
    }
    var on = b.set.has(row.id);
    if (box.checked !== on) box.checked = on;
  }

  function syncRows(b, scope) {
    Array.prototype.forEach.call(scope.querySelectorAll(".air-group tbody tr[id]"), function (row) { decorate(b, row); });
  }

  function buildSection(b) {
    var section = make("section", { class: "air-basket", "aria-label": "Citation basket" });
    var bar = make("div", { class: "air-basket-bar" });
    if (b.kind === "paper") {
      var label = make("label", { class: "air-basket-this" });
      b.thisBox = make("input", { type: "checkbox", class: "air-pick" });
      label.append(b.thisBox, make("span", {}, "Add this paper to the citation basket"));
      bar.append(label);
    }
    b.toggle = make("button", { type: "button", class: "air-basket-toggle", "aria-expanded": "false",
      "aria-controls": "air-basket-panel" });
    bar.append(b.toggle);
    if (b.kind === "category") {
      b.selectShown = make("button", { type: "button", class: "air-select-shown" }, "Select all shown");
      bar.append(b.selectShown);
    }
    b.clear = make("button", { type: "button", class: "air-basket-clear" }, "Clear selection");
    b.status = make("p", { class: "air-basket-status", role: "status", "aria-live": "polite" });
    bar.append(b.clear, b.status);

    b.panel = make("div", { class: "air-basket-panel", id: "air-basket-panel", hidden: "" });
    var formats = make("fieldset", { class: "air-basket-formats" });
    formats.append(make("legend", {}, "Format"));
    Object.keys(FORMATS).forEach(function (key) {
      var option = make("label", { class: "air-basket-format" });
      var radio = make("input", { type: "radio", name: "air-cite-format", value: key });
      radio.checked = key === b.format;
      option.append(radio, make("span", {}, FORMATS[key].label));
      formats.append(option);
    });
    var actions = make("div", { class: "air-basket-actions" });
    b.copyButton = make("button", { type: "button", class: "air-basket-copy" });
    b.downloadButton = make("button", { type: "button", class: "air-basket-download" });
    actions.append(b.copyButton, b.downloadButton);
    // The preview scrolls when long: focusable, so the keyboard can scroll it.
    b.preview = make("ol", { class: "air-basket-preview", "aria-label": "Preview of the citations", tabindex: "0" });
    b.previewNote = make("p", { class: "air-basket-note" });
    b.panel.append(formats, actions, b.previewNote, b.preview);
    section.append(bar, b.panel);
    return section;
  }

  /* State -> screen */

  function drawBar(b) {
    var n = b.ids.length;
    b.toggle.textContent = "Cite " + papers(n);
    b.clear.disabled = n === 0;
    b.copyButton.disabled = b.downloadButton.disabled = n === 0;
    b.copyButton.textContent = "Copy " + FORMATS[b.format].label;
    b.downloadButton.textContent = "Download " + FORMATS[b.format].label;
    if (b.thisBox) b.thisBox.checked = b.set.has(b.paperId);
    b.section.setAttribute("data-count", String(n));
  }

  function drawPreview(b) {
    var token = ++b.token;
    var ids = b.ids.slice(0, PREVIEW_MAX);
    if (!ids.length) {
      b.preview.replaceChildren();
      b.previewNote.textContent = "No paper selected yet: tick the papers to cite.";
      return;
    }
    b.previewNote.textContent = "Loading the preview\u2026";
    records("csl", ids, b.ids.length > THRESHOLD).then(function (items) {
      if (token !== b.token) return;
      b.preview.replaceChildren.apply(b.preview, items.map(function (item) {
        return make("li", {}, plain(JSON.parse(item)));
      }));
      var rest = b.ids.length - ids.length;
      b.previewNote.textContent = rest > 0 ? "And " + papers(rest) + " more." : "";
      b.section.setAttribute("data-preview", String(items.length));
    }).catch(function (err) {
      if (token === b.token) b.previewNote.textContent = "The preview could not be loaded (" + err.message + ").";
    });
  }

  function setOpen(b, open) {
    b.open = open;
    b.panel.hidden = !open;
    b.toggle.setAttribute("aria-expanded", String(open));
    if (open) drawPreview(b);
  }

  function setSelection(b, ids, push) {
    b.ids = ids;
    b.set = new Set(ids);
    if (b.kind === "category") syncRows(b, b.scope);
    drawBar(b);
    if (b.open) drawPreview(b);
    if (push) writeUrl(b);
  }

  function say(b, text) {
    b.status.textContent = text;
  }

  /* Actions */

  function pick(b, id, on) {
    var ids = b.ids.filter(function (x) { return x !== id; });
    if (on) ids.push(id);
    setSelection(b, ids, true);
  }

  function selectShown(b) {
    var shown = window.airFilter ? window.airFilter.ids(b.anchor, true) : [];
    var ids = b.ids.slice();
    var added = 0;
    shown.forEach(function (id) { if (!b.set.has(id)) { ids.push(id); added++; } });
    setSelection(b, ids, true);
    say(b, "Added " + papers(added) + "; " + papers(ids.length) + " selected.");
  }

  function copySelection(b) {
    var label = FORMATS[b.format].label;
    copy(textOf(b.format, b.ids)).then(function () {
      say(b, "Copied the " + label + " of " + papers(b.ids.length) + ".");
    }, function (err) { say(b, "Could not copy: " + err.message); });
  }

  function downloadSelection(b) {
    var format = FORMATS[b.format];
    textOf(b.format, b.ids).then(function (text) {
      save(text, "citations" + format.ext, format.type);
      say(b, "Downloaded the " + format.label + " of " + papers(b.ids.length) + ".");
    }, function (err) { say(b, "Could not download: " + err.message); });
  }

  function copyRow(b, row) {
    var name = rowName(row);
    copy(paperRecord("bibtex", row.id)).then(function () {
      say(b, "Copied the BibTeX of " + name + ".");
    }, function (err) { say(b, "Could not copy: " + err.message); });
  }

  /* Binding */

  function bind(anchor, kind) {
    var b = {
      anchor: anchor, kind: kind, scope: kind === "category" ? anchor.parentElement : null,
      paperId: kind === "paper" ? anchor.getAttribute("data-paper") : "",
      pathname: location.pathname, search: location.search,
      ids: [], set: new Set(), known: null, open: false, format: "bibtex", token: 0
    };
    b.known = new Set(kind === "category" ? (window.airFilter ? window.airFilter.ids(anchor) : []) : [b.paperId]);
    b.section = buildSection(b);
    if (!b.scope) b.scope = b.section;
    anchor.after(b.section);
    baskets.set(anchor, b);
    setSelection(b, readSelection(b), false);
    setOpen(b, false);
    b.section.setAttribute("data-ready", "");
    return b;
  }

  function bindAll() {
    if (window.airFilter) window.airFilter.bind(); // the table filter first: the basket asks it for the rows
    var form = document.querySelector("form.air-filter");
    var anchor = form || document.querySelector(".air-cite-files[data-paper]");
    current = anchor ? (baskets.get(anchor) || bind(anchor, form ? "category" : "paper")) : null;
  }

  function live() {
    return current && document.contains(current.section) ? current : null;
  }

  /* Document- and window-level listeners, added once: they act on the page on screen */

  document.addEventListener("change", function (event) {
    var b = live();
    var target = event.target;
    if (!b || !b.scope.contains(target) && !b.section.contains(target)) return;
    if (target.name === "air-cite-format") {
      b.format = target.value;
      drawBar(b);
    } else if (target.classList.contains("air-pick")) {
      var row = target.closest("tr");
      pick(b, b.kind === "paper" ? b.paperId : row.id, target.checked);
    }
  });

  document.addEventListener("click", function (event) {
    var b = live();
    var button = event.target.closest && event.target.closest("button");
    if (!b || !button) return;
    if (button.classList.contains("air-copy-bib") && b.scope.contains(button)) copyRow(b, button.closest("tr"));
    if (!b.section.contains(button)) return;
    if (button === b.toggle) setOpen(b, !b.open);
    else if (button === b.selectShown) selectShown(b);
    else if (button === b.clear) { setSelection(b, [], true); say(b, "Selection cleared."); }
    else if (button === b.copyButton) copySelection(b);
    else if (button === b.downloadButton) downloadSelection(b);
  });

  document.addEventListener("keydown", function (event) {
    var b = live();
    if (b && b.open && event.key === "Escape" && b.panel.contains(event.target)) {
      setOpen(b, false);
      b.toggle.focus();
    }
  });

  // filter.js drew a group's rows (a filter, a sort, "show more", a row anchor): decorate and tick them.
  document.addEventListener("air:drawn", function (event) {
    var b = live();
    if (b && b.kind === "category" && b.scope.contains(event.target)) syncRows(b, event.target);
  });

  // Back/forward on this page: the selection of that entry. On a paper page the event stops here (or Material's
  // instant navigation would fetch the page again); on a category page filter.js, next, stops it.
  window.addEventListener("popstate", function (event) {
    var b = live();
    if (!b || location.pathname !== b.pathname) return;
    var ids = knownIds(b);
    if (ids.join(",") !== b.ids.join(",")) setSelection(b, ids, false);
    if (b.kind === "paper" && location.search !== b.search) event.stopImmediatePropagation();
    b.search = location.search;
  });

  window.airCite = { bind: bindAll };

  // Bound once the deferred scripts have run (filter.js, after this script, has bound its panel), then on
  // each page Material's document$ brings.
  function followMaterial() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(bindAll);
    else bindAll();
  }

  if (window.document$) followMaterial();
  else document.addEventListener("DOMContentLoaded", followMaterial);
})();
