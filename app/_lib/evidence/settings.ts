import "server-only";
import { evidenceSettings, type EvidenceSettings } from "@/domain/evidence/settings";

/** The evidence limits of this process (read once: the environment does not change while it runs). */
let cached: EvidenceSettings | null = null;
export function currentEvidenceSettings(): EvidenceSettings {
  cached ??= evidenceSettings(process.env);
  return cached;
}
