import Module from "node:module";
import path from "node:path";

/**
 * Imported by postgraphile-server.ts before PostGraphile: every `graphql` in that process is
 * PostGraphile's own graphql 15 (node_modules/postgraphile/node_modules/graphql). npm hoisted some of
 * PostGraphile's dependencies (graphql-parse-resolve-info) next to the project's graphql 16 and
 * gave graphile-build-pg a copy of its own; two graphql copies in one schema fail with
 * "Unexpected input type". The project's graphql 16 is not used in this process.
 */
const graphql15 = path.dirname(require.resolve("postgraphile/node_modules/graphql/package.json"));

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const internal = Module as unknown as { _resolveFilename: Resolve };
const resolve = internal._resolveFilename;
internal._resolveFilename = function (request, parent, ...rest) {
  if (request === "graphql" || request.startsWith("graphql/")) {
    return resolve.call(this, path.join(graphql15, request.slice("graphql".length)), parent, ...rest);
  }
  return resolve.call(this, request, parent, ...rest);
};
