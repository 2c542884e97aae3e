import { describe, expect, it } from "vitest";
import { DEFAULT_VERWERKINGSACTIVITEITEN } from "../../src/audit/audit-config";
import { operatieOf, traceIdFrom, verwerkingsactiviteitFor } from "../../src/audit/audit-meta";
import { InvalidInputError } from "../../src/common/errors";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("traceIdFrom", () => {
  it("takes the trace id of a valid W3C traceparent, so that the record is found in the caller's traces", () => {
    expect(traceIdFrom(`00-${TRACE}-00f067aa0ba902b7-01`)).toBe(TRACE);
    // A later version may carry more fields.
    expect(traceIdFrom(`01-${TRACE}-00f067aa0ba902b7-01-more`)).toBe(TRACE);
  });

  it("makes a new random one when there is no valid traceparent", () => {
    const invalid = [
      undefined,
      "",
      "garbage",
      `00-${"0".repeat(32)}-00f067aa0ba902b7-01`,
      `00-${TRACE}-${"0".repeat(16)}-01`,
      `ff-${TRACE}-00f067aa0ba902b7-01`,
      `00-${TRACE}-00f067aa0ba902b7-01-more`,
      `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`,
    ];
    const made = invalid.map(traceIdFrom);
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(made).not.toContain(TRACE);
    expect(new Set(made).size).toBe(made.length);
  });

  it("keeps making distinct random ones, also past the bytes drawn from the system at once", () => {
    const made = Array.from({ length: 1000 }, () => traceIdFrom(undefined));
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(made).size).toBe(1000);
  });
});

describe("verwerkingsactiviteitFor", () => {
  it("is the configured activity of the operation kind, or the one the request names", () => {
    expect(verwerkingsactiviteitFor(DEFAULT_VERWERKINGSACTIVITEITEN, "query", undefined)).toBe(DEFAULT_VERWERKINGSACTIVITEITEN.query);
    expect(verwerkingsactiviteitFor(DEFAULT_VERWERKINGSACTIVITEITEN, "mutation", undefined)).toBe(DEFAULT_VERWERKINGSACTIVITEITEN.mutation);
    expect(verwerkingsactiviteitFor(DEFAULT_VERWERKINGSACTIVITEITEN, "query", " https://register.example.nl/va/12 ")).toBe(
      "https://register.example.nl/va/12",
    );
  });

  it("refuses an empty, overlong or unprintable header as bad input naming the header", () => {
    const refusal = (header: string) => {
      try {
        verwerkingsactiviteitFor(DEFAULT_VERWERKINGSACTIVITEITEN, "query", header);
        return null;
      } catch (err) {
        return err instanceof InvalidInputError ? err.invalidParams.map((p) => [p.name, p.code]) : err;
      }
    };
    for (const header of ["", "  ", "x".repeat(256), "a\u0000b", "regel\nregel"]) {
      expect(refusal(header)).toEqual([["x-verwerkingsactiviteit", "invalid"]]);
    }
  });
});

describe("operatieOf", () => {
  it("names the operation and its root fields", () => {
    expect(operatieOf("Klantbeeld", ["partijen"])).toBe("Klantbeeld partijen");
    expect(operatieOf(null, ["partij", "klantcontacten"])).toBe("partij,klantcontacten");
  });
});
