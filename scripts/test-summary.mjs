// Prints one closing line for the whole test run, counted from the runners' own JSON reports:
// the vitest report first, then any number of Playwright reports (browser, cluster).
import { readFileSync } from "node:fs";

const [vitestFile, ...playwrightFiles] = process.argv.slice(2);
const v = JSON.parse(readFileSync(vitestFile, "utf8"));
const runs = playwrightFiles.map((f) => ({ name: f, stats: JSON.parse(readFileSync(f, "utf8")).stats ?? {} }));
const n = (x) => x ?? 0;
let passed = v.numPassedTests;
let failed = v.numFailedTests;
let skipped = n(v.numPendingTests) + n(v.numTodoTests);
const parts = [`unit ${v.numPassedTests}/${v.numTotalTests}`];
for (const { name, stats } of runs) {
  passed += n(stats.expected);
  failed += n(stats.unexpected) + n(stats.flaky);
  skipped += n(stats.skipped);
  const label = /cluster/.test(name) ? "cluster" : "browser";
  parts.push(`${label} ${n(stats.expected)}/${n(stats.expected) + n(stats.unexpected) + n(stats.flaky) + n(stats.skipped)}`);
}
console.log(parts.join(", "));
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (failed > 0) process.exit(1);
