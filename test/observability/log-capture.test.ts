import { describe, expect, it } from "vitest";
import { personalDataIn } from "../support/log-capture";

/**
 * The search that test/setup.ts runs over every log line of every test file: it must find a BSN
 * or e-mail address wherever a line puts it, and not take the numbers every line has for one.
 */
describe("the search for personal data in log lines", () => {
  it("finds BSNs and e-mail addresses, also inside SQL, parameters and messages", () => {
    expect(personalDataIn('{"sql":"select * from partij_identificator where object_id = \'999993653\'"}')).toEqual(["999993653"]);
    expect(personalDataIn('{"params":["111222333",null]}')).toEqual(["111222333"]);
    expect(personalDataIn('{"msg":"no partij with BSN 999993653 for jan.de.vries+kiss@gemeente-a.example.nl"}')).toEqual([
      "999993653",
      "jan.de.vries+kiss@gemeente-a.example.nl",
    ]);
    expect(personalDataIn('{"adres":"A@B.NL"}')).toEqual(["A@B.NL"]);
  });

  it("leaves the numbers of an ordinary line alone: trace ids, uuids, times, durations, numbers that fail the elfproef", () => {
    const line = JSON.stringify({
      level: "info",
      time: 1764612345678,
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      uuid: "123e4567-e89b-12d3-a456-426614174000",
      durationMs: 12.123456789,
      count: 123456789,
      kvk: "69599084",
      msg: "graphql request",
      component: "node_modules/@mikro-orm/core",
    });
    expect(personalDataIn(line)).toEqual([]);
    // Nine digits inside a hex id or after a decimal point are no BSN either.
    expect(personalDataIn('{"traceId":"999993653aaaaaaaaaaaaaaaaaaaaaaa","d":0.999993653}')).toEqual([]);
  });
});
