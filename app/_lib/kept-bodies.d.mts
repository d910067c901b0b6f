/** Types for kept-bodies.mjs (plain JavaScript so the front server can run it without a build). */
export declare const TICKET_HEADER: string;
export declare const KEPT_AT: string;
export declare const KEPT_FROM: string;
export declare const KEPT_TO: string;
export declare function newTicket(): string;
export declare function dropTicket(ticket: string): void;
export declare function keptBody(name: string): Buffer | undefined;
export declare function fillTicket(ticket: string, bytes: Buffer): boolean;
export declare function captureTicket(ticket: string, name: string): boolean;
export declare const BODY_HEADER: string;
export declare function settleTicket(ticket: string, page: Buffer, ok: boolean): { page: Buffer; how: "kept" | "rendered" | null };
export declare function keptBodyCount(): number;
export declare function forgetKeptBodies(): void;
export interface KeptBodyReader {
  id: number;
  role: string;
  districtId: number | null;
  departmentId: number | null;
}
export declare function keptBodyName(page: string, reader: KeptBodyReader, params: Record<string, string | string[] | undefined>, dataVersion: string, day: string): string;
