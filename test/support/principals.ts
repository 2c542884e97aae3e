import type { Principal } from "../../src/auth/principal";
import { SCOPES, type Scope } from "../../src/auth/scopes";

/** A principal of a test client, with every scope unless told fewer. */
export function testPrincipal(scopes: readonly Scope[] = SCOPES, extra: Partial<Principal> = {}): Principal {
  return { clientId: "test", userId: "tester", userRepresentation: "Test Medewerker", scopes: new Set(scopes), ...extra };
}

/** The client that test servers (test/support/http-server.ts, spawned processes) are configured with. */
export const TEST_CLIENT = {
  clientId: "test",
  // Not a development secret: tests must also run with NODE_ENV=production.
  secret: "test client secret, thirty-two characters or more",
  scopes: [...SCOPES],
};

/** AUTH_CLIENTS for a server that knows TEST_CLIENT (and `more` clients). */
export function testClientsEnv(...more: object[]): { AUTH_CLIENTS: string } {
  return { AUTH_CLIENTS: JSON.stringify([TEST_CLIENT, ...more]) };
}
