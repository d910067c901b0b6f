/** `npm run docs:policy`: writes the roles × actions table computed from domain/policy.ts into README.md. */
import { readFileSync, writeFileSync } from "node:fs";
import { withPolicyTable } from "../domain/policy-table";

const readme = readFileSync("README.md", "utf8");
const next = withPolicyTable(readme);
writeFileSync("README.md", next);
console.log(next === readme ? "README.md: policy table already up to date" : "README.md: policy table updated");
