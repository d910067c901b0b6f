/** Types for csp.mjs (plain JavaScript so the front server can run it without a build). */
export declare function contentSecurityPolicy(nonce: string | null, https: boolean): string;
export declare const SECURITY_HEADERS: readonly { key: string; value: string }[];
export declare const HSTS: string;
export declare const DYNAMIC_PATHS: string;
export declare function isPublicPagePath(url: string): boolean;
export declare function frontHeaders(url: string, https: boolean): readonly (readonly [string, string])[];
