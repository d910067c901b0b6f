// Prints one closing line for the whole test run, counted from the runners' own JSON reports.
import { readFileSync } from "node:fs";

const [vitestFile, playwrightFile] = process.argv.slice(2);
const v = JSON.parse(readFileSync(vitestFile, "utf8"));
const p = JSON.parse(readFileSync(playwrightFile, "utf8"));
const passed = v.numPassedTests + (p.stats?.expected ?? 0);
const failed = v.numFailedTests + (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
const skipped = (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0) + (p.stats?.skipped ?? 0);
console.log(`unit ${v.numPassedTests}/${v.numTotalTests}, browser ${p.stats?.expected ?? 0}/${(p.stats?.expected ?? 0) + (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0) + (p.stats?.skipped ?? 0)}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (failed > 0) process.exit(1);
