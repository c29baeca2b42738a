/* The site's search worker in node, sent a burst of queries (tests/e2e/test_search_worker.py):
 *
 *   node tests/tools/search_worker_burst.cjs SITE_DIR INDEX_JSON QUERY...
 *
 * Runs SITE_DIR's assets/air/search-worker.js with Material's worker inside it, as the browser does, sets it
 * up with the index in the file INDEX_JSON ({config, docs, options}), then delivers every query before the
 * worker takes up any of them, as keystrokes typed in a row arrive; prints the answers, in order, as JSON.
 * In a browser the page and the worker run side by side, so how many queries arrive before the worker looks
 * again depends on the machine; here it does not. */
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");

const [site, indexFile, ...queries] = process.argv.slice(2);
const workers = path.join(site, "assets/javascripts/workers");
const material = path.join(workers, fs.readdirSync(workers).find(name => /^search\.\w+\.min\.js$/.test(name)));

// The worker's global scope: `self`, its URL (which names Material's worker), importScripts, messages.
let listener = null;
const answers = [];
Object.assign(globalThis, {
  self: globalThis,
  location: { href: `file:///search-worker.js?material=${encodeURIComponent(material)}` },
  importScripts: file => vm.runInThisContext(fs.readFileSync(file, "utf8")),
  addEventListener: (type, fn) => { listener = fn; },
  postMessage: message => answers.push(message),
});
vm.runInThisContext(fs.readFileSync(path.join(site, "assets/air/search-worker.js"), "utf8"));

(async () => {
  await listener({ data: { type: 0, data: JSON.parse(fs.readFileSync(indexFile, "utf8")) } });
  answers.length = 0; // the ready message
  await Promise.all(queries.map(query => listener({ data: { type: 2, data: query } })));
  console.log(JSON.stringify(answers));
})();
