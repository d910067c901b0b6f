/**
 * React decodes a server action's arguments from the request body, so a crafted body can hand an
 * action anything: `[1]`, the form where the state goes, `null`. Each of them made the action fail
 * on its first `formData.get` with a 500. Every exported action of a "use server" module that
 * takes a form checks it right after its guard (app/_lib/action-state.ts, isForm; the sign-in
 * steps, which have no guard, first) and refuses without it; this
 * walks app/ so that a new action cannot leave the check out. The e2e fuzz posts such bodies
 * (e2e/support/fuzz.ts, "reply root").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { INVALID_REQUEST, invalidRequest, isForm } from "@/app/_lib/action-state";

const root = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const serverModules = sourceFiles(join(root, "app")).filter((f) => /^\s*"use server";?\s*$/m.test(readFileSync(f, "utf8").split("\n").slice(0, 3).join("\n")));

/** Each exported action: its name, parameters and the first two statements of its body (the guard's may span lines). */
function actionsOf(file: string) {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: { name: string; params: string; first: string; second: string }[] = [];
  lines.forEach((line, i) => {
    const m = /^export async function (\w+)\(([^)]*)\)/.exec(line);
    if (!m) return;
    const body = lines.slice(i + 1).map((l) => l.trim());
    const end = body.findIndex((l) => l.endsWith(";"));
    out.push({ name: m[1]!, params: m[2]!, first: body[0] ?? "", second: body[end + 1] ?? "" });
  });
  return out;
}

describe("server actions and the arguments a crafted body gives them", () => {
  it("finds the app's actions", () => {
    const all = serverModules.flatMap(actionsOf);
    // 73 when this was written: a scan that finds none would pass everything below.
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((a) => /formData: FormData/.test(a.params)).length).toBeGreaterThan(60);
  });

  it("every action that takes a form refuses, right after its guard, when it did not get one", () => {
    const missing = serverModules.flatMap((file) =>
      actionsOf(file)
        .filter((a) => /formData: FormData/.test(a.params) && !a.name.startsWith("signIn") && !/^if \(!isForm\(formData\)/.test(a.second))
        .map((a) => `${relative(root, file)}: ${a.name}'s second statement is ${a.second}`),
    );
    expect(missing).toEqual([]);
  });

  it("the sign-in steps, which have no guard before them, check their form first", () => {
    const signIn = serverModules.flatMap(actionsOf).filter((a) => a.name.startsWith("signIn") && /formData: FormData/.test(a.params));
    expect(signIn.length).toBe(3);
    for (const a of signIn) expect(a.first, a.name).toMatch(/^if \(!isForm\(formData\)/);
  });

  it("tells a form from what else a body can decode to", () => {
    const form = new FormData();
    form.set("month", "2023-10");
    expect(isForm(form)).toBe(true);
    for (const other of [undefined, null, 1, "x", {}, [], { get: () => "2023-10" }, Promise.resolve(form)]) expect(isForm(other)).toBe(false);
    expect(invalidRequest()).toEqual({ ok: false, message: INVALID_REQUEST, fieldErrors: {}, values: {} });
  });
});
