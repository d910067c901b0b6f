/** Types for public-path.mjs (plain JavaScript, run by scripts/server.mjs). */
export declare function publicPageUrl(url: string): string;
