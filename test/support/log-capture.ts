import { Writable } from "node:stream";
import pino from "pino";
import { checkBsn } from "../../src/common/validators";
import { createLogger, type Logger } from "../../src/logger";

/**
 * Every log line that this test file's apps, servers and spawned processes write, kept to be
 * searched for personal data once the file is done (test/setup.ts): no log line of a test run may
 * hold a BSN or an e-mail address of the test data, whatever the test was about.
 */
const lines: string[] = [];

export function captureLogLines(text: string): void {
  for (const line of text.split("\n")) if (line) lines.push(line);
}

export function capturedLogLines(): readonly string[] {
  return lines;
}

/** A stream for pino that adds what it is given to the capture. */
export function captureStream(): Writable {
  return new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      captureLogLines(chunk.toString("utf8"));
      done();
    },
  });
}

/**
 * The logger of an in-process test app: the subgraph's own (src/logger.ts), at debug level into the
 * capture, so that every line any level could write is searched; also on stdout at TEST_LOG_LEVEL
 * when that is set.
 */
export function testLogger(): Logger {
  const echo = process.env.TEST_LOG_LEVEL;
  const streams: pino.StreamEntry[] = [{ level: "debug", stream: captureStream() }];
  if (echo && echo !== "silent") streams.push({ level: echo as pino.Level, stream: process.stdout });
  return createLogger("debug", pino.multistream(streams));
}

/**
 * A number of nine digits that passes the elfproef: a BSN (or an RSIN). Standalone: not part of a
 * longer word or number (a hex trace id, a uuid, a token, the decimals of a duration).
 */
const NINE_DIGITS = /(?<![0-9A-Za-z_.-])[0-9]{9}(?![0-9A-Za-z_.-])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** The BSNs and e-mail addresses in a log line. */
export function personalDataIn(line: string): string[] {
  const bsns = [...line.matchAll(NINE_DIGITS)].map((match) => match[0]).filter((number) => checkBsn(number) === null);
  const emails = [...line.matchAll(EMAIL)].map((match) => match[0]);
  return [...bsns, ...emails];
}

/** The captured lines that hold personal data, with what they hold. */
export function leakingLines(): Array<{ line: string; found: string[] }> {
  return lines.map((line) => ({ line, found: personalDataIn(line) })).filter((leak) => leak.found.length > 0);
}
