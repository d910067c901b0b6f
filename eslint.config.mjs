import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/**
 * Layer boundaries (issue #16): the direction imports may point. Warnings while the code moves,
 * now errors: the tree is clean. A route group is a folder named "(name)" under app/.
 */
const GROUPS = ["public", "staff", "auth"];
const group = (names) => `(^|/)\\((${names.join("|")})\\)/`;
const boundary = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "tmp/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // An UPDATE or DELETE without WHERE touches every row: drizzle's own rules forbid it on our handles.
    files: ["db/**", "scripts/**", "app/**", "tests/**", "e2e/**"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    files: ["domain/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { regex: "^@/(app|db|components)/|^(\\.\\./)+(app|db|components)/|^next(/|$)|^react(/|$)", message: "domain/ is pure: it imports nothing from app/, db/, components/, next or react." },
      ] }],
    },
  },
  boundary(["db/**"], [
    { regex: "^@/(app|components)/|^(\\.\\./)+(app|components)/", message: "db/ imports nothing from app/ or components/: move the shared code down (domain) or pass it in." },
  ]),
  boundary(["components/**"], [
    { regex: group(GROUPS), message: "components/ imports nothing from a route group: move the code to app/_lib or the component beside its route." },
  ]),
  boundary(["app/_lib/**", "app/api/**", "app/*.ts", "app/*.tsx"], [
    { regex: group(GROUPS), message: "Shared app code imports nothing from a route group." },
  ]),
  {
    // Reads and writes go through db/'s query and mutation functions (named columns, scoped, in a
    // transaction, audited): app/ and components/ build no query of their own. Types may still be
    // imported; the code lists and their types live in domain/codes.
    files: ["app/**", "components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        paths: [
          { name: "drizzle-orm", message: "Queries live in db/ (db/queries, db/mutations): call a function there.", allowTypeImports: true },
          { name: "@libsql/client", message: "Queries live in db/ (db/queries, db/mutations): call a function there.", allowTypeImports: true },
          { name: "@/db/schema", message: "Tables are db/'s: call a function in db/queries or db/mutations; code lists and their types come from @/domain/codes.", allowTypeImports: true },
        ],
        patterns: [{ group: ["drizzle-orm/*"], message: "Queries live in db/ (db/queries, db/mutations): call a function there.", allowTypeImports: true }],
      }],
    },
  },
  {
    // A read names its columns: `select()` without them reads every column, today's and tomorrow's.
    files: ["db/**"],
    rules: {
      "no-restricted-syntax": ["error", {
        selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='select'][arguments.length=0]",
        message: "Name the columns a read needs: select({ id: table.id, … }).",
      }],
    },
  },
  ...GROUPS.map((g) =>
    boundary([`app/(${g})/**`], [
      { regex: group(GROUPS.filter((o) => o !== g)), message: `No route group imports another: (${g}) may not reach into a sibling group.` },
    ]),
  ),
];

export default config;
