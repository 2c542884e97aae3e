import type { AuthConfig, ClientConfig } from "../auth/auth-config";
import { DEV_CLIENT_ID, isDevelopmentSecret } from "../auth/dev-client";
import { signToken } from "../auth/token-cli";

/** The development client of a configuration (see src/auth/dev-client.ts), when it is the one in use. */
export function developmentClientOf(auth: AuthConfig): ClientConfig | undefined {
  return auth.clients.find(
    (client) => client.clientId === DEV_CLIENT_ID && client.secret !== undefined && isDevelopmentSecret(client.secret),
  );
}

/**
 * `Bearer <token>` of the development client, signed anew on every call (every scope, valid for
 * AUTH_TOKEN_MAX_AGE from now): for the explorer page to fill in, and for the demo router's calls
 * without a token of their own. `user` is who the audit log names for what is done through it.
 */
export function developmentAuthorization(
  client: ClientConfig,
  user: { userId: string; userRepresentation: string } = { userId: "explorer", userRepresentation: "API explorer" },
): () => Promise<string> {
  const secret = client.secret as string;
  return async () => `Bearer ${await signToken(client.clientId, secret, { scopes: [], burger: undefined, ...user })}`;
}
