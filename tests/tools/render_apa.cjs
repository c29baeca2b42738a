// Renders CSL-JSON in APA with citeproc-js, the CSL processor of Zotero and Mendeley.
// Usage: node render_apa.cjs FILE.json  (a CSL-JSON array). Prints one JSON object:
// {"entries": {id: text}, "errors": [...], "warnings": [...]}: bibliography_errors from the processor,
// and whatever it reported through CSL.debug. The APA style and the en-US locale are the ones
// @citation-js/plugin-csl ships (installed by npm ci), so nothing is fetched at run time.
"use strict";
const fs = require("fs");
const CSL = require("citeproc");
const styles = require("@citation-js/plugin-csl/lib/styles.json");
const locales = require("@citation-js/plugin-csl/lib/locales.json");

const warnings = [];
CSL.debug = (message) => warnings.push(String(message));

const items = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(items.map((item) => [item.id, item]));
const sys = {
  retrieveLocale: (lang) => locales[lang],
  retrieveItem: (id) => byId.get(id),
};
const engine = new CSL.Engine(sys, styles.apa, "en-US", true);
engine.setOutputFormat("text");
engine.updateItems(items.map((item) => item.id));
const [params, texts] = engine.makeBibliography();
const entries = {};
params.entry_ids.forEach((ids, index) => { entries[ids[0]] = texts[index].trim(); });
process.stdout.write(JSON.stringify({ entries, errors: params.bibliography_errors, warnings }) + "\n");
