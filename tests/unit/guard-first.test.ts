/**
 * "Every page, server action and route handler calls a guard first" (the house rule), checked on
 * the source: this parses app/ with the TypeScript compiler and, for every page (its body and its
 * generateMetadata), every route handler and every exported server action, finds the first
 * statement and fails unless it calls a guard of app/_lib/guards.ts — directly, or through a
 * function whose own first statement does (pageLocale, loadCodePage, a file's local helper),
 * followed through imports and through the public route files' `inLocale("zh", Page)`.
 * Only reading the route's own segments (`const { id } = await params`, or searchParams) may come
 * before it: that is the address, not data. An action that takes a form checks the form right
 * after its guard, before it reads it (app/_lib/action-state.ts, isForm).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const GUARDS_FILE = join(root, "app/_lib/guards.ts");

/** Entry points that have no guard, each with the reason. Anything else without one fails. */
const UNGUARDED: Record<string, string> = {
  "app/(auth)/login/page.tsx LoginPage": "the sign-in page itself: anyone may ask to sign in",
  "app/(auth)/login/actions.ts signInWithPassword": "the sign-in itself; guarded by the per-account and per-address lock-outs",
  "app/(auth)/login/actions.ts signInSecondFactor": "the sign-in's second step; guarded by its ticket and the lock-outs",
  "app/(auth)/login/actions.ts signInAction": "dispatches to the two sign-in steps above",
  "app/(staff)/account/actions.ts signOutAction": "signing out needs no permission; it ends the caller's own session if there is one",
  "app/status/page.tsx StatusPage": "a static page with no data: the health check and the benchmark's reference",
  "app/api/test/notifications/route.ts POST": "a test hook: 404 outside tests before anything, then its guard",
};

function files(dir: string, pick: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pick);
    return pick(name) ? [path] : [];
  });
}

const parsed = new Map<string, ts.SourceFile>();
function source(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, sf);
  }
  return sf;
}

function resolveModule(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(root, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

type Fn = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;
const hasExport = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefault = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** A function declared at the top of `file` under `name` (a declaration or `const name = async () => …`). */
function localFunction(file: string, name: string): Fn | null {
  for (const st of source(file).statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name && st.body) return st;
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
  }
  return null;
}

/** Where an imported name comes from: the module file and the name it has there ("default" for a default import). */
function importOf(file: string, name: string): { module: string; exported: string } | null {
  for (const st of source(file).statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause || st.importClause.isTypeOnly) continue;
    const from = resolveModule(file, (st.moduleSpecifier as ts.StringLiteral).text);
    if (!from) continue;
    if (st.importClause.name?.text === name) return { module: from, exported: "default" };
    const bindings = st.importClause.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const el of bindings.elements) if (el.name.text === name) return { module: from, exported: (el.propertyName ?? el.name).text };
  }
  return null;
}

/** The exported function `exported` of `module` ("default": its default export), followed through inLocale(…, X). */
function exportedFunction(module: string, exported: string): { file: string; fn: Fn; name: string } | null {
  for (const st of source(module).statements) {
    if (ts.isFunctionDeclaration(st) && hasExport(st) && st.body && (exported === "default" ? hasDefault(st) : st.name?.text === exported))
      return { file: module, fn: st, name: st.name?.text ?? "default" };
    const wrapped = (expr: ts.Expression | undefined) => {
      // inLocale("zh", Page): the page body is Page, imported from _pages/.
      if (expr && ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === "inLocale") {
        const inner = expr.arguments[1];
        if (inner && ts.isIdentifier(inner)) return referenced(module, inner.text);
      }
      if (expr && (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr))) return { file: module, fn: expr, name: exported };
      if (expr && ts.isIdentifier(expr)) return referenced(module, expr.text);
      return null;
    };
    if (exported === "default" && ts.isExportAssignment(st) && !st.isExportEquals) return wrapped(st.expression);
    if (ts.isVariableStatement(st) && hasExport(st))
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === exported) return wrapped(d.initializer);
  }
  return null;
}

/** The function a name in `file` stands for: declared there, or imported. */
function referenced(file: string, name: string): { file: string; fn: Fn; name: string } | null {
  const local = localFunction(file, name);
  if (local) return { file, fn: local, name };
  const imp = importOf(file, name);
  return imp ? exportedFunction(imp.module, imp.exported) : null;
}

const guardNames = new Set(
  source(GUARDS_FILE)
    .statements.filter((st): st is ts.FunctionDeclaration => ts.isFunctionDeclaration(st) && hasExport(st) && !!st.name && /^require[A-Z]/.test(st.name.text))
    .map((st) => st.name!.text),
);

/** Whether `name`, called in `file`, is a guard: one of guards.ts's require*, or a function that calls one first. */
function isGuard(file: string, name: string, seen: Set<string>): boolean {
  const imp = importOf(file, name);
  if (imp?.module === GUARDS_FILE) return guardNames.has(imp.exported);
  if (file === GUARDS_FILE) return guardNames.has(name);
  const target = referenced(file, name);
  if (!target) return false;
  const key = `${target.file}#${target.name}#${target.fn.pos}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return startsWithGuard(target.file, target.fn, seen) === null;
}

/** The route's own segments: `const { id } = await params` (or searchParams, or props.params). */
function readsOnlyTheAddress(st: ts.Node): boolean {
  if (!ts.isVariableStatement(st)) return false;
  return st.declarationList.declarations.every((d) => {
    const init = d.initializer;
    if (!init || !ts.isAwaitExpression(init)) return false;
    const e = init.expression;
    const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : "";
    return name === "params" || name === "searchParams";
  });
}

/** Calls in a statement, not looking into functions declared inside it. */
function calls(node: ts.Node, out: ts.CallExpression[] = []): ts.CallExpression[] {
  if (ts.isCallExpression(node)) out.push(node);
  node.forEachChild((child) => {
    if (!ts.isArrowFunction(child) && !ts.isFunctionExpression(child) && !ts.isFunctionDeclaration(child)) calls(child, out);
  });
  return out;
}

/** null when the function's first statement (after reading the address) calls a guard, else that statement. */
function startsWithGuard(file: string, fn: Fn, seen = new Set<string>()): string | null {
  const body = fn.body;
  if (!body) return "(no body)";
  const statements: ts.Node[] = ts.isBlock(body) ? [...body.statements] : [body];
  let i = 0;
  while (i < statements.length && readsOnlyTheAddress(statements[i]!)) i++;
  const first = statements[i];
  if (!first) return "(empty)";
  const ok = calls(first).some((c) => ts.isIdentifier(c.expression) && isGuard(file, c.expression.text, seen));
  return ok ? null : first.getText(source(file)).split("\n")[0]!.slice(0, 120);
}

interface Entry {
  key: string;
  file: string;
  fn: Fn;
  kind: "page" | "metadata" | "route" | "action";
}

const appFiles = files(join(root, "app"), (n) => /\.tsx?$/.test(n));
const rel = (f: string) => relative(root, f);

/** Pages whose default export could not be followed to a function (checked to be none). */
const unresolved: string[] = [];

function entries(): Entry[] {
  const out: Entry[] = [];
  for (const file of appFiles) {
    const name = file.split("/").pop()!;
    if (name === "page.tsx") {
      const page = exportedFunction(file, "default");
      if (page) out.push({ key: `${rel(file)} ${page.name}`, file: page.file, fn: page.fn, kind: "page" });
      else unresolved.push(rel(file));
      const meta = exportedFunction(file, "generateMetadata");
      if (meta) out.push({ key: `${rel(file)} generateMetadata`, file: meta.file, fn: meta.fn, kind: "metadata" });
    } else if (name === "route.ts") {
      for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
        const handler = exportedFunction(file, method);
        if (handler) out.push({ key: `${rel(file)} ${method}`, file, fn: handler.fn, kind: "route" });
      }
    } else if (/^\s*["']use server["']/.test(readFileSync(file, "utf8"))) {
      for (const st of source(file).statements)
        if (ts.isFunctionDeclaration(st) && hasExport(st) && st.name && st.body) out.push({ key: `${rel(file)} ${st.name.text}`, file, fn: st, kind: "action" });
    }
  }
  return out;
}

describe("every page, route handler and server action calls a guard first", () => {
  const all = entries();

  it("finds what it checks", () => {
    // When this was written: 93 pages and bodies, 33 route handlers, 73 actions. A scan that finds
    // none would pass everything below.
    expect(guardNames).toEqual(new Set(["requirePublicRead", "requireUser", "requirePermission", "requireAllowed", "requireCityAdmin", "requireSameOrigin"]));
    expect(unresolved).toEqual([]);
    expect(all.filter((e) => e.kind === "page").length).toBeGreaterThan(80);
    expect(all.filter((e) => e.kind === "metadata").length).toBeGreaterThan(20);
    expect(all.filter((e) => e.kind === "route").length).toBeGreaterThan(30);
    expect(all.filter((e) => e.kind === "action").length).toBeGreaterThan(70);
    // The public route files are followed into their bodies in _pages/.
    expect(all.some((e) => e.key.startsWith("app/(public)/en/indicators/[code]/page.tsx") && e.file.includes("_pages/indicator.tsx"))).toBe(true);
  });

  it("each one's first statement calls a guard (or it is listed, with its reason, as public by design)", () => {
    const unguarded = all.filter((e) => !(e.key in UNGUARDED)).flatMap((e) => {
      const first = startsWithGuard(e.file, e.fn);
      return first === null ? [] : [`${e.key} (${rel(e.file)}) starts with: ${first}`];
    });
    expect(unguarded).toEqual([]);
  });

  it("lists no exception that no longer exists or now has a guard", () => {
    const byKey = new Map(all.map((e) => [e.key, e]));
    for (const key of Object.keys(UNGUARDED)) {
      const e = byKey.get(key);
      expect(e, key).toBeDefined();
      expect(startsWithGuard(e!.file, e!.fn), key).not.toBeNull();
    }
  });

  it("an action that takes a form checks it right after its guard, before reading it", () => {
    const late = all
      .filter((e) => e.kind === "action" && !(e.key in UNGUARDED) && e.fn.parameters.some((p) => p.type?.getText(source(e.file)) === "FormData"))
      .flatMap((e) => {
        const statements = (e.fn.body as ts.Block).statements;
        const second = statements[1]?.getText(source(e.file)) ?? "";
        return /^if \(!isForm\(formData\)\) return\b/.test(second) ? [] : [`${e.key}: ${second.split("\n")[0]}`];
      });
    expect(late).toEqual([]);
  });

  it("catches a page whose guard comes second", () => {
    const file = join(root, "app/(staff)/city/page.tsx");
    const sf = ts.createSourceFile(file, `import { requireUser } from "@/app/_lib/guards";\nexport default async function P() {\n  const rows = await listThings();\n  await requireUser();\n}\n`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const fn = sf.statements[1] as ts.FunctionDeclaration;
    parsed.set(file, sf);
    try {
      expect(startsWithGuard(file, fn)).toBe("const rows = await listThings();");
    } finally {
      parsed.delete(file);
    }
  });
});
