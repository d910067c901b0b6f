import type { NextConfig } from "next";

// Headers every response carries. The Content-Security-Policy (with a per-request script
// nonce) is set in proxy.ts, which sees every page request.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build folder lets a second checkout or a test run build without clobbering another.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm test` runs tsc over the whole project as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Excel uploads go through a server action; templates are small, 4 MB leaves room.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "4mb" } },
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2"],
  // Chinese public pages live at unprefixed URLs: anything no route claims is served from /zh/….
  async rewrites() {
    return { beforeFiles: [], afterFiles: [], fallback: [{ source: "/:path*", destination: "/zh/:path*" }] };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
