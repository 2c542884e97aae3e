import { createRequire } from "node:module";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // swc emits decorator metadata; every decorator also names its type explicitly (STACK.md trap 1).
  plugins: [swc.vite()],
  resolve: {
    // One graphql for everything: Vite would give our sources graphql's ESM build while the
    // dependencies (type-graphql, Apollo) require its CommonJS build, and a GraphQLScalarType of
    // one is no GraphQLScalarType to the other.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
