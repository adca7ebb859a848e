import { hkdfSync } from "node:crypto";

/**
 * Keys the platform derives from AUTH_SECRET, one per purpose, so a deployment has one secret
 * to keep and no key serves two purposes. Rotating AUTH_SECRET makes stored connector secrets
 * unreadable: they must be entered again.
 */
export function platformKeys(authSecret: string): { connectorSecrets: Uint8Array; attackMaterial: Uint8Array } {
  const derive = (purpose: string) => new Uint8Array(hkdfSync("sha256", authSecret, "bulwark", purpose, 32));
  return { connectorSecrets: derive("connector-secrets/v1"), attackMaterial: derive("attack-material/v1") };
}
