import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // swc emits decorator metadata; every decorator also names its type explicitly (STACK.md trap 1).
  plugins: [swc.vite()],
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
