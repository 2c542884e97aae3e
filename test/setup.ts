import "reflect-metadata";
import { afterAll } from "vitest";
import { capturedLogLines, leakingLines } from "./support/log-capture";

// @apollo/gateway otherwise runs cloud resource detectors (requests to cloud metadata addresses)
// and reports usage to Apollo when a gateway starts; tests send traffic to this machine only.
process.env.APOLLO_TELEMETRY_DISABLED = "true";

// Every test file: no line that its apps, servers and processes logged (test/support/log-capture.ts)
// holds a BSN or an e-mail address. A leak fails the file, naming the lines.
afterAll(() => {
  const leaks = leakingLines();
  if (leaks.length === 0) return;
  const shown = leaks.slice(0, 5).map(({ line, found }) => `  ${found.join(", ")} in: ${line.slice(0, 500)}`);
  throw new Error(`${leaks.length} of ${capturedLogLines().length} log lines hold personal data:\n${shown.join("\n")}`);
});
