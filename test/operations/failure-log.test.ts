import { describe, expect, it } from "vitest";
import { FailureLog } from "../../src/failure-log";
import { createLogger } from "../../src/logger";
import { CapturedLogs } from "../support/http-server";

/** Identical failures are logged once, then counted, and the count is logged when the interval ends. */

function failureLog() {
  const logs = new CapturedLogs();
  const timers: Array<() => void> = [];
  const failures = new FailureLog(createLogger("info", logs.stream), {
    intervalMs: 30_000,
    schedule: (run) => {
      timers.push(run);
      return {};
    },
  });
  /** Ends the intervals started so far, as the timers would. */
  const endIntervals = () => {
    for (const run of timers.splice(0)) run();
  };
  return { logs, failures, endIntervals };
}

function driverError(code: string): Error {
  return Object.assign(new Error("insert into partij values ('999993653') - database or disk is full"), { code });
}

describe("FailureLog", () => {
  it("logs the first failure, counts the repeats, and logs the count when the interval ends", () => {
    const { logs, failures, endIntervals } = failureLog();
    const error = driverError("SQLITE_FULL");
    for (let i = 0; i < 100; i++) failures.error(error, "database fault", { fault: "disk_full" });
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({
      level: "error",
      msg: "database fault",
      fault: "disk_full",
      err: { code: "SQLITE_FULL", fault: "disk_full" },
    });

    endIntervals();
    expect(logs.lines).toHaveLength(2);
    expect(logs.lines[1]).toMatchObject({ msg: "database fault (repeated)", repeated: 99, intervalSeconds: 30 });

    // After the interval the next occurrence is a first one again.
    failures.error(error, "database fault", { fault: "disk_full" });
    expect(logs.lines).toHaveLength(3);
    endIntervals();
    expect(logs.lines).toHaveLength(3);
    expect(logs.text).not.toContain("999993653");
  });

  it("keeps different failures apart", () => {
    const { logs, failures } = failureLog();
    failures.error(driverError("SQLITE_FULL"), "database fault");
    failures.error(driverError("SQLITE_READONLY"), "database fault");
    failures.warn(driverError("SQLITE_FULL"), "database not ready");
    failures.error(driverError("SQLITE_FULL"), "database fault");
    expect(logs.lines.map((line) => [line.level, line.msg, (line.err as { code: string }).code])).toEqual([
      ["error", "database fault", "SQLITE_FULL"],
      ["error", "database fault", "SQLITE_READONLY"],
      ["warn", "database not ready", "SQLITE_FULL"],
    ]);
  });
});
