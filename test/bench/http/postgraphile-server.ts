import "./postgraphile-graphql";
import { createServer } from "node:http";
import ConnectionFilterPlugin from "postgraphile-plugin-connection-filter";
import { postgraphile } from "postgraphile";

/**
 * The PostGraphile 4.14 peer of the benchmark: PostGraphile with connection-filter on the
 * subgraph's own PostgreSQL tables (schema public), read-only, with the options a production
 * deployment would use. No authentication: PostGraphile would leave that to PostgreSQL roles.
 * Run as its own process by the runner (PORT, DATABASE_URL); it brings its own graphql 15.
 */
const port = Number(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL;
if (!port || !databaseUrl) throw new Error("postgraphile-server needs PORT and DATABASE_URL");

const handler = postgraphile(databaseUrl, "public", {
  appendPlugins: [ConnectionFilterPlugin],
  // Plain lists beside the connections: `klantcontactsByX` lists give the nested klantbeeld.
  simpleCollections: "both",
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: "omit",
  disableDefaultMutations: true,
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  enableQueryBatching: false,
  retryOnInitFail: false,
  extendedErrors: [],
  showErrorStack: false,
  graphileBuildOptions: {
    // The filters the workloads need (uuid lists, equality), as a deployment would enable them.
    connectionFilterRelations: true,
    connectionFilterComputedColumns: false,
    connectionFilterSetofFunctions: false,
    connectionFilterAllowNullInput: false,
  },
});

createServer(handler).listen(port, "127.0.0.1", () => {
  process.send?.({ ready: true });
});
