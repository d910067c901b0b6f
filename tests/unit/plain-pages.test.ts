/**
 * A page marked <PlainHtml /> goes out without the framework's runtime (scripts/precompress.mjs),
 * so nothing on it may need hydrating: no module it reaches may be a client component. This walks
 * each marked page's imports (relative and "@/") the way the bundler does and fails on the first
 * "use client" module, naming the chain that reaches it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
/** Package modules that are client components and render nothing that works without the runtime. */
const CLIENT_PACKAGES = /^(next\/(form|script|dynamic)|react-dom\/client)$/;
const EXTENSIONS = ["", ".tsx", ".ts", "/index.tsx", "/index.ts"];

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pageFiles(path);
    return name === "page.tsx" ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(root, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of EXTENSIONS) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

/** The import chain from `page` to the first client module it reaches, or null. */
export function clientChain(page: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const here = [...chain, relative(root, file)];
    if (/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(source)) return here;
    // Value imports and re-exports; `import type` brings no code.
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[\s\S]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      const spec = m[1]!;
      if (CLIENT_PACKAGES.test(spec)) return [...here, spec];
      const next = resolveImport(file, spec);
      if (next) {
        const found = walk(next, here);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(page, []);
}

/** Marked directly, or through KeptCityPage (a kept body's page, which renders the mark). */
const marked = pageFiles(join(root, "app")).filter((f) => /<PlainHtml\s*\/>|<KeptCityPage\b/.test(readFileSync(f, "utf8")));

describe("pages that go out as plain HTML", () => {
  it("are the leader's read-only pages", () => {
    expect(marked.map((f) => relative(join(root, "app"), f)).sort()).toEqual(
      [
        "(staff)/city/bulletin/page.tsx",
        "(staff)/city/districts/[districtCode]/page.tsx",
        "(staff)/city/indicators/[code]/page.tsx",
        "(staff)/city/lagging/page.tsx",
        "(staff)/city/page.tsx",
        "(staff)/city/projects/page.tsx",
        "(staff)/city/rankings/page.tsx",
      ].sort(),
    );
  });

  /** The layouts a page renders inside, from the root down: they go out plain with it. */
  const layoutsOf = (page: string) => {
    const found: string[] = [];
    for (let dir = dirname(page); dir.startsWith(join(root, "app")); dir = dirname(dir)) {
      if (existsSync(join(dir, "layout.tsx"))) found.unshift(join(dir, "layout.tsx"));
    }
    return found;
  };

  it.each(marked.map((f) => [relative(root, f), f]))("%s, and the layouts around it, reach no client component", (_name, file) => {
    expect(layoutsOf(file).length).toBeGreaterThan(0);
    for (const entry of [...layoutsOf(file), file]) expect(clientChain(entry)).toBeNull();
  });

  it("a kept body goes only into a plain page: KeptBody is rendered by KeptCityPage alone, which renders the mark", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : /\.tsx$/.test(name) ? [path] : [];
      });
    const users = sources(join(root, "app")).filter((f) => /<KeptBody\b/.test(readFileSync(f, "utf8")));
    expect(users.map((f) => relative(root, f))).toEqual(["app/(staff)/city/_components/kept-page.tsx"]);
    expect(readFileSync(users[0]!, "utf8")).toMatch(/<PlainHtml \/>[^]*<KeptBody\b/);
  });

  it("the walk finds a client component where there is one (a page with forms, and its layout)", () => {
    expect(clientChain(join(root, "app/(staff)/city/review/[reportId]/page.tsx"))?.at(-1)).toMatch(/forms?\.tsx$/);
    expect(clientChain(join(root, "app/(auth)/login/page.tsx"))?.at(-1)).toBe("app/(auth)/login/login-form.tsx");
  });
});

describe("public pages (every one goes out plain: scripts/server.mjs, plainPages)", () => {
  const zhTree = join(root, "app", "(public)", "(zh)");
  const enTree = join(root, "app", "(public)", "en");
  const inTree = (tree: string) => pageFiles(tree).map((f) => relative(tree, f)).sort();

  it("exist in both languages, the same pages in each tree", () => {
    expect(inTree(zhTree).length).toBeGreaterThan(10);
    expect(inTree(enTree)).toEqual(inTree(zhTree));
  });

  it.each([...pageFiles(zhTree), ...pageFiles(enTree)].map((f) => [relative(root, f), f]))("%s, and the layouts around it, reach no client component", (_name, file) => {
    const layouts: string[] = [];
    for (let dir = dirname(file); dir.startsWith(join(root, "app")); dir = dirname(dir)) {
      if (existsSync(join(dir, "layout.tsx"))) layouts.unshift(join(dir, "layout.tsx"));
    }
    expect(layouts.length).toBeGreaterThan(1);
    for (const entry of [...layouts, file]) expect(clientChain(entry)).toBeNull();
  });
});
