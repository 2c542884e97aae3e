import { createHash, timingSafeEqual } from "node:crypto";
import type { RouterSecretConfig } from "./auth-config";

/**
 * The router's shared secret: with ROUTER_SECRET set, only requests that carry it in the router
 * header (default x-router-secret) come from our router; the others are refused.
 */

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** True when no router secret is configured, or when the request's header holds exactly it. */
export function carriesRouterSecret(config: RouterSecretConfig | undefined, headers: Headers): boolean {
  if (!config) return true;
  const presented = headers[config.header];
  // A header sent twice is not a secret sent once.
  if (typeof presented !== "string") return false;
  // Comparing digests keeps the time independent of where the strings differ and of their lengths.
  return timingSafeEqual(digest(presented), digest(config.secret));
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
