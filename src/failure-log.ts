import type { Logger } from "pino";
import { safeError } from "./logger";

export interface FailureLogOptions {
  /** How long identical failures after the first are only counted. */
  intervalMs?: number;
  /** Stand-in for setTimeout in tests. */
  schedule?: (run: () => void, ms: number) => { unref?: () => unknown };
}

/** More distinct failures than this within one interval are logged without counting. */
const MAX_TRACKED = 1000;

/**
 * Logs a failure the first time it occurs; identical ones (same kind, code, statement and place in
 * the code) within the next interval are only counted, and one summary line with the count ends
 * the interval. A database outage that fails every request thus writes two lines a minute, not a
 * stack trace per request.
 */
export class FailureLog {
  private readonly repeats = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly schedule: NonNullable<FailureLogOptions["schedule"]>;

  constructor(
    private readonly logger: Logger,
    options: FailureLogOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.schedule = options.schedule ?? setTimeout;
  }

  error(err: unknown, message: string, fields: Record<string, unknown> = {}): void {
    this.report("error", err, message, fields);
  }

  warn(err: unknown, message: string, fields: Record<string, unknown> = {}): void {
    this.report("warn", err, message, fields);
  }

  private report(level: "error" | "warn", err: unknown, message: string, fields: Record<string, unknown>): void {
    const safe = safeError(err);
    const firstFrame = safe.stack?.split("\n")[0] ?? "";
    const key = [level, message, safe.fault, safe.type, safe.code, safe.statement, firstFrame].join("|");
    const seen = this.repeats.get(key);
    if (seen !== undefined) {
      this.repeats.set(key, seen + 1);
      return;
    }
    this.logger[level]({ ...fields, err }, message);
    if (this.repeats.size >= MAX_TRACKED) return;
    this.repeats.set(key, 0);
    const timer = this.schedule(() => {
      const count = this.repeats.get(key) ?? 0;
      this.repeats.delete(key);
      if (count > 0)
        this.logger[level]({ ...fields, err, repeated: count, intervalSeconds: this.intervalMs / 1000 }, `${message} (repeated)`);
    }, this.intervalMs);
    // A pending summary must not keep a stopping process alive.
    timer.unref?.();
  }
}
