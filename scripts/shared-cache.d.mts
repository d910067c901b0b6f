/** Types for shared-cache.mjs (plain JavaScript so the front server runs it without a build). */
export declare const POLL_MS: number;
export declare function sharedCacheEnabled(env?: Record<string, string | undefined>): boolean;
export declare function startSharedCache(opts?: { url?: string; authToken?: string; expire?: (tags: string[]) => Promise<void> }): unknown;
export declare function stopSharedCache(): void;
export declare function publishRevalidation(tags: string[]): Promise<void>;
export declare function databaseDown(): boolean;
