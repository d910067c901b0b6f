import type { Metadata } from "next";

export const metadata: Metadata = { title: "运行状态" };
export const dynamic = "force-static";

/**
 * A fully static page (built once, no database): a health check for operators, and the
 * benchmark's ceiling — the fastest page this server can serve (npm run bench).
 */
export default function StatusPage() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">推进 · 运行正常</h1>
      <p className="mt-2 text-slate-600">此页为静态页面，用于运行状态检查。</p>
    </main>
  );
}
