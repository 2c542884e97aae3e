import { describe, expect, it } from "vitest";
import { betrokkeneHash } from "../../src/audit/audit-hash";

const KEY = "test key of at least thirty-two characters";
const BSN = "999993653";
const PARTIJ = "6a7e7f3c-4d0b-4a8e-9f0e-1234567890ab";

describe("betrokkeneHash", () => {
  it("is stable: the same subject under the same key gives the same hash", () => {
    expect(betrokkeneHash({ bsn: BSN }, KEY)).toBe(betrokkeneHash({ bsn: BSN }, KEY));
    expect(betrokkeneHash({ bsn: BSN }, KEY)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is keyed: another key gives another hash, so nobody without the key can hash all BSNs to find one", () => {
    expect(betrokkeneHash({ bsn: BSN }, KEY)).not.toBe(betrokkeneHash({ bsn: BSN }, `${KEY}!`));
  });

  it("never contains the BSN, not even for a key that is the BSN", () => {
    for (const key of [KEY, BSN, BSN.repeat(4)]) expect(betrokkeneHash({ bsn: BSN }, key)).not.toContain(BSN);
  });

  it("tells a BSN and a partij uuid apart, and other BSNs from this one", () => {
    const hashes = new Set([
      betrokkeneHash({ bsn: BSN }, KEY),
      betrokkeneHash({ bsn: "999990019" }, KEY),
      betrokkeneHash({ partij: PARTIJ }, KEY),
      // The same text as a partij: the prefix keeps the kinds apart.
      betrokkeneHash({ partij: BSN }, KEY),
    ]);
    expect(hashes.size).toBe(4);
  });

  it("does not depend on how a uuid is spelled", () => {
    expect(betrokkeneHash({ partij: PARTIJ.toUpperCase() }, KEY)).toBe(betrokkeneHash({ partij: PARTIJ }, KEY));
  });
});
