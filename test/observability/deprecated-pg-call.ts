// Preloaded into a subgraph process by request-log.test.ts: on SIGUSR2 it touches pg's deprecated
// Client.activeQuery, which makes Node emit a DeprecationWarning (Node's own printer writes text on stderr).
import { Client } from "pg";

process.on("SIGUSR2", () => {
  // Not in @types/pg, since it is deprecated; still in pg 8.
  void (new Client() as unknown as { activeQuery: unknown }).activeQuery;
});
