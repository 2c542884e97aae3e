import { describe, expect, it } from "vitest";
import { parseAuthConfig, type RouterSecretConfig } from "../../src/auth/auth-config";
import { carriesRouterSecret } from "../../src/auth/router-secret";

const SECRET = "the-router-secret-of-32-characters-or-more";

function routerSecret(env: Record<string, string>): RouterSecretConfig | undefined {
  const result = parseAuthConfig(env);
  if (!result.ok) throw new Error(result.problems.join("; "));
  return result.config.routerSecret;
}

describe("router secret", () => {
  const config = routerSecret({ ROUTER_SECRET: SECRET });

  it("without ROUTER_SECRET every request passes", () => {
    expect(carriesRouterSecret(routerSecret({}), {})).toBe(true);
  });

  it("with it, only a request carrying exactly the secret in x-router-secret", () => {
    expect(carriesRouterSecret(config, { "x-router-secret": SECRET })).toBe(true);
    expect(carriesRouterSecret(config, {})).toBe(false);
    expect(carriesRouterSecret(config, { "x-router-secret": "" })).toBe(false);
    expect(carriesRouterSecret(config, { "x-router-secret": SECRET.slice(0, -1) })).toBe(false);
    expect(carriesRouterSecret(config, { "x-router-secret": `${SECRET}x` })).toBe(false);
    expect(carriesRouterSecret(config, { "x-router-secret": SECRET.toUpperCase() })).toBe(false);
    expect(carriesRouterSecret(config, { authorization: SECRET })).toBe(false);
  });

  it("a header sent twice is refused", () => {
    expect(carriesRouterSecret(config, { "x-router-secret": [SECRET, SECRET] })).toBe(false);
  });

  it("the header is the one ROUTER_SECRET_HEADER names", () => {
    const custom = routerSecret({ ROUTER_SECRET: SECRET, ROUTER_SECRET_HEADER: "X-Gateway-Secret" });
    expect(carriesRouterSecret(custom, { "x-gateway-secret": SECRET })).toBe(true);
    expect(carriesRouterSecret(custom, { "x-router-secret": SECRET })).toBe(false);
  });
});
