/** Types for db-unavailable.mjs (plain JavaScript, run by scripts/server.mjs). */
import type { ServerResponse } from "node:http";
export declare function needsDatabase(method: string | undefined, url: string | undefined): boolean;
export declare const RETRY_AFTER_SECONDS: number;
export declare const UNAVAILABLE_HTML: string;
export declare function sendUnavailable(res: ServerResponse, head: boolean): void;
