/** Types for forwarding.mjs (plain JavaScript so the front server can run it without a build). */
export declare const CLIENT_ADDRESS_HEADER: string;
export declare const FORWARDED_HEADERS: string[];

export interface ForwardingSettings {
  hops: number;
  publicOrigin: string | null;
}

export declare function parseTrustedProxies(value: string | undefined): { hops: number } | { error: string };
export declare function parsePublicOrigin(value: string | undefined): { origin: string | null } | { error: string };
export declare function forwardingSettings(env?: Record<string, string | undefined>): ForwardingSettings;
export declare function normaliseAddress(raw: string | null | undefined): string | null;
export declare function resolveClientAddress(socketAddress: string | null | undefined, forwardedFor: string | null | undefined, hops: number): string;

export interface MutationRequest {
  method: string | null | undefined;
  origin: string | null | undefined;
  host: string | null | undefined;
  forwardedHost?: string | null | undefined;
}
export declare function checkMutationOrigin(req: MutationRequest, settings: ForwardingSettings): { status: 400 | 403; reason: string } | null;
