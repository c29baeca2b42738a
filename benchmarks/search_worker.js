/* The site's search worker alone, in node, on a built site's index:
 *
 *   node benchmarks/search_worker.js SITE_DIR QUERY...
 *
 * Runs overrides/assets/air/search-worker.js (SITE_DIR's copy) with Material's worker inside it, as
 * the browser does, sets it up with SITE_DIR/search/search_index.json, then asks each query 7 times.
 * Prints the set-up's wall time, and per query the median CPU time of an answer (min–max; CPU time,
 * which other work on a shared machine hardly moves) and its first results. */
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");

const [site, ...queries] = process.argv.slice(2);
const workers = path.join(site, "assets/javascripts/workers");
const material = path.join(workers, fs.readdirSync(workers).find(name => /^search\.\w+\.min\.js$/.test(name)));

// The worker's global scope: `self`, its URL (which names Material's worker), importScripts, messages.
let listener = null, answered = null;
Object.assign(globalThis, {
  self: globalThis,
  location: { href: `file:///search-worker.js?material=${encodeURIComponent(material)}` },
  importScripts: file => vm.runInThisContext(fs.readFileSync(file, "utf8")),
  addEventListener: (type, fn) => { listener = fn; },
  postMessage: message => answered(message),
});
vm.runInThisContext(fs.readFileSync(path.join(site, "assets/air/search-worker.js"), "utf8"));
const send = data => new Promise(done => { answered = done; listener({ data }); });

(async () => {
  const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  const start = performance.now();
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } });
  console.log(`set-up: ${(performance.now() - start).toFixed(0)} ms wall, ${index.docs.length} documents`);
  for (const query of queries) {
    const times = [];
    let answer;
    for (let run = 0; run < 7; run++) {
      const cpu = process.cpuUsage();
      answer = await send({ type: 2, data: query });
      const used = process.cpuUsage(cpu);
      times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    const first = answer.data.items.slice(0, 5).map(group => group[0].location || "(home)").join("  ");
    console.log(`${JSON.stringify(query)}: ${times[3].toFixed(1)} ms CPU (${times[0].toFixed(1)}–${times[6].toFixed(1)}), `
      + `${answer.data.items.length} results: ${first}`);
  }
})();
