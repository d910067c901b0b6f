import path from "node:path";
import type { NextConfig } from "next";
import { contentSecurityPolicy, DYNAMIC_PATHS, HSTS, SECURITY_HEADERS } from "./app/_lib/csp.mjs";

/**
 * Next.js's own header rules, for `next dev` only. The production server (scripts/server.mjs) sets
 * the same headers itself on every response (`frontHeaders`, app/_lib/csp.mjs): Next.js matched
 * these rules against every request and compiled the policy's text per request (issue #17).
 */
const PUBLIC_PAGES = `/:path((?!(?:${DYNAMIC_PATHS}|_next)(?:/|$)).*)`;
const overHttps = [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }];
const devHeaders = [
  { source: "/:path*", headers: [...SECURITY_HEADERS] },
  { source: PUBLIC_PAGES, missing: overHttps, headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy(null, false) }] },
  {
    source: PUBLIC_PAGES,
    has: overHttps,
    headers: [
      { key: "Content-Security-Policy", value: contentSecurityPolicy(null, true) },
      { key: "Strict-Transport-Security", value: HSTS },
    ],
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The front server gives shared pages (page cache, static files) their ETag and answers
  // If-None-Match with 304, from the content hash it takes anyway (scripts/precompress.mjs).
  // Next.js's own ETag hashed every cached page again on every request: 12 % of a public page's
  // CPU (issue #17 profile). The API's route handlers set their own.
  generateEtags: false,
  // A separate build folder lets a second checkout or a test run build without clobbering another.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // Next's own page cache, plus sharing revalidated tags between app instances through the
  // database (scripts/shared-cache.mjs); with one instance on a file it is the default handler.
  cacheHandler: path.resolve("scripts/shared-cache-handler.mjs"),
  // `npm test` runs tsc over the whole project as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Excel uploads go through a server action; templates are small, 4 MB leaves room. Each upload
  // form's own limit stays under it (domain/upload-limits.ts, ACTION_BODY_LIMIT_BYTES; a test
  // compares the two), so a file over a form's limit gets the form's message, not a bare 413.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "4mb" } },
  // exceljs is loaded by Node at run time, not bundled: its zip reader (unzipper ≥ 0.12, pinned in
  // package.json overrides) has an optional S3 source whose require the bundler cannot resolve.
  // exifr too: bundled, its Node build's `require("fs")`/`require("zlib")` went through the bundler's
  // require, failed, and it logged "Couldn't load fs/zlib" on every start; loaded by Node it finds them.
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2", "exceljs", "exifr"],
  // Chinese public pages live at unprefixed URLs (/projects), English ones under /en: each
  // language is its own static route tree (app/(public)/(zh), app/(public)/en), with no rewrite
  // and no dynamic [locale] segment for Next.js to match on every request (issue #17). The /zh/…
  // addresses of the former layout lead to the same page at its one address.
  async redirects() {
    return [
      { source: "/zh", destination: "/", permanent: true },
      { source: "/zh/:path*", destination: "/:path*", permanent: true },
    ];
  },
  async headers() {
    return process.env.NODE_ENV === "development" ? devHeaders : [];
  },
};

export default nextConfig;
