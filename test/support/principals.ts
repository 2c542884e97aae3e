import type { Principal } from "../../src/auth/principal";
import { SCOPES, type Scope } from "../../src/auth/scopes";

/** A principal of a test client, with every scope unless told fewer. */
export function testPrincipal(scopes: readonly Scope[] = SCOPES, extra: Partial<Principal> = {}): Principal {
  return { clientId: "test", userId: "tester", userRepresentation: "Test Medewerker", scopes: new Set(scopes), ...extra };
}
