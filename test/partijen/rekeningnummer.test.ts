import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RekeningnummerCreateDocument,
  RekeningnummerDeleteDocument,
  RekeningnummerDocument,
  RekeningnummerLijstDocument,
  RekeningnummerLijstMetPartijDocument,
  RekeningnummerUpdateDocument,
  VoorkeurUpdatePartijDocument,
  VoorkeurVanPartijDocument,
  type RekeningnummerFilter,
  type RekeningnummerInput,
} from "../generated/graphql";
import { SoortPartij } from "../../src/partijen/enums";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { maakPartij } from "../support/fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const ONBEKEND = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";

async function maak(input: RekeningnummerInput) {
  return (await app.ok(RekeningnummerCreateDocument, { input })).createRekeningnummer;
}

async function lijst(filter?: RekeningnummerFilter) {
  return (await app.ok(RekeningnummerLijstDocument, { filter, first: 100 })).rekeningnummers.edges.map((e) => e.node);
}

describe("Rekeningnummer", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const partij = await maakPartij(app);
    const created = await maak({ partij: partij.uuid, iban: "NL91ABNA0417164300", bic: "ABNANL2A" });
    expect(created).toMatchObject({ iban: "NL91ABNA0417164300", bic: "ABNANL2A", partij: { uuid: partij.uuid } });
    expect((await app.ok(RekeningnummerDocument, { uuid: created.uuid })).rekeningnummer).toEqual(created);

    const { updateRekeningnummer } = await app.ok(RekeningnummerUpdateDocument, {
      uuid: created.uuid,
      input: { iban: "DE89370400440532013000" },
    });
    expect(updateRekeningnummer).toEqual({ ...created, iban: "DE89370400440532013000" });
    expect((await app.ok(RekeningnummerUpdateDocument, { uuid: created.uuid, input: {} })).updateRekeningnummer).toEqual(
      updateRekeningnummer,
    );
    const cleared = await app.ok(RekeningnummerUpdateDocument, { uuid: created.uuid, input: { bic: null, partij: null } });
    expect(cleared.updateRekeningnummer).toMatchObject({ bic: "", partij: null });

    expect((await app.ok(RekeningnummerDeleteDocument, { uuid: created.uuid })).deleteRekeningnummer).toBe(created.uuid);
    expect((await app.ok(RekeningnummerDocument, { uuid: created.uuid })).rekeningnummer).toBeNull();
  });

  it("stores the IBAN in upper case", async () => {
    const created = await maak({ iban: "gb29nwbk60161331926819" });
    expect(created).toMatchObject({ iban: "GB29NWBK60161331926819", bic: "", partij: null });
    const updated = await app.ok(RekeningnummerUpdateDocument, { uuid: created.uuid, input: { iban: "be68539007547034" } });
    expect(updated.updateRekeningnummer.iban).toBe("BE68539007547034");
  });

  it("answers NOT_FOUND when updating or deleting an unknown uuid", async () => {
    expect(errorCode(await app.execute(RekeningnummerUpdateDocument, { uuid: ONBEKEND, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(RekeningnummerDeleteDocument, { uuid: ONBEKEND }))).toBe("NOT_FOUND");
    expect((await app.ok(RekeningnummerDocument, { uuid: "geen-uuid" })).rekeningnummer).toBeNull();
  });

  describe("rules", () => {
    it.each([
      ["NL91ABNA0417164301", "invalid", "controlegetal"], // pattern holds, checksum does not
      ["DE89370400440532013001", "invalid", "controlegetal"],
      ["NL91 ABNA 0417 1643 00", "invalid", "zonder spaties"],
      ["NL91-ABNA-0417164300", "invalid", "zonder spaties"],
      ["1234ABNA0417164300", "invalid", "zonder spaties"],
      ["NL91", "invalid", "zonder spaties"],
      ["", "blank", "leeg"],
      [`NL91${"1".repeat(31)}`, "max_length", "34"],
    ])("refuses the iban %j (%s) and writes nothing", async (iban, code, reason) => {
      const before = (await lijst()).length;
      const result = await app.execute(RekeningnummerCreateDocument, { input: { iban } });
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(invalidParams(result)).toEqual([["iban", code]]);
      const params = result.errors?.[0]?.extensions?.invalidParams as Array<{ reason: string }>;
      expect(params[0].reason).toContain(reason);
      expect((await lijst()).length).toBe(before);
    });

    it.each(["ABNANL2A", "ABNANL2AXXX", "RABONL2U", "DEUTDEFF500"])("accepts the bic %s", async (bic) => {
      expect((await maak({ iban: "NL91ABNA0417164300", bic })).bic).toBe(bic);
    });

    it("stores a bic in lower case in upper case, and finds it in any case", async () => {
      const created = await maak({ iban: "NL91ABNA0417164300", bic: "bunqnl2a" });
      expect(created.bic).toBe("BUNQNL2A");
      expect((await app.ok(RekeningnummerDocument, { uuid: created.uuid })).rekeningnummer?.bic).toBe("BUNQNL2A");
      const found = await app.ok(RekeningnummerLijstMetPartijDocument, { filter: { bic: "BunqNL2a" } });
      expect(found.rekeningnummers.edges.map((e) => e.node.uuid)).toContain(created.uuid);
    });

    it.each([
      ["12345678", "Ongeldige BIC"],
      ["ABNAXX2A", "Ongeldige BIC"],
      ["ABN1NL2A", "Ongeldige BIC"],
      ["ABNANL2", "8 of 11 tekens"],
      ["ABNANL2AXX", "8 of 11 tekens"],
      ["ABNANL2AXXXX", "8 of 11 tekens"],
      ["ABNA NL2A", "8 of 11 tekens"],
      ["ABNA NL2", "Ongeldige BIC"],
      [" ABNANL2A", "8 of 11 tekens"],
    ])("refuses the bic %j", async (bic, reason) => {
      const before = (await lijst()).length;
      const result = await app.execute(RekeningnummerCreateDocument, { input: { iban: "NL91ABNA0417164300", bic } });
      expect(invalidParams(result)).toEqual([["bic", "invalid"]]);
      const params = result.errors?.[0]?.extensions?.invalidParams as Array<{ reason: string }>;
      expect(params[0].reason).toContain(reason);
      expect((await lijst()).length).toBe(before);
    });

    it("reports every problem at once, also an unknown partij", async () => {
      const result = await app.execute(RekeningnummerCreateDocument, {
        input: { iban: "NL00ABNA0417164300", bic: "kort", partij: ONBEKEND },
      });
      expect(invalidParams(result)).toEqual([
        ["iban", "invalid"],
        ["bic", "invalid"],
        ["partij", "does_not_exist"],
      ]);
      expect(
        invalidParams(await app.execute(RekeningnummerCreateDocument, { input: { iban: "NL91ABNA0417164300", partij: "rommel" } })),
      ).toEqual([["partij", "invalid"]]);
    });

    it("refuses clearing the iban on update, and a bad iban changes nothing", async () => {
      const { uuid } = await maak({ iban: "NL91ABNA0417164300", bic: "ABNANL2A" });
      expect(invalidParams(await app.execute(RekeningnummerUpdateDocument, { uuid, input: { iban: null } }))).toEqual([
        ["iban", "required"],
      ]);
      expect(
        invalidParams(await app.execute(RekeningnummerUpdateDocument, { uuid, input: { iban: "NL91ABNA0417164301", bic: "RABONL2U" } })),
      ).toEqual([["iban", "invalid"]]);
      expect((await app.ok(RekeningnummerDocument, { uuid })).rekeningnummer).toMatchObject({
        iban: "NL91ABNA0417164300",
        bic: "ABNANL2A",
      });
    });
  });

  it("deleting never deletes the partij; its voorkeursRekeningnummer becomes null", async () => {
    const partij = await maakPartij(app);
    const rekening = await maak({ partij: partij.uuid, iban: "NL91ABNA0417164300" });
    const { updatePartij } = await app.ok(VoorkeurUpdatePartijDocument, {
      uuid: partij.uuid,
      input: { voorkeursRekeningnummer: rekening.uuid },
    });
    expect(updatePartij.voorkeursRekeningnummer).toEqual({ uuid: rekening.uuid });

    await app.ok(RekeningnummerDeleteDocument, { uuid: rekening.uuid });
    const after = (await app.ok(VoorkeurVanPartijDocument, { uuid: partij.uuid })).partij;
    expect(after).toMatchObject({ uuid: partij.uuid, rekeningnummers: [], voorkeursRekeningnummer: null });
  });

  describe("list", () => {
    it("filters on iban (any case), bic and partij, newest first, and pages", async () => {
      const partij = await maakPartij(app, { soortPartij: SoortPartij.ORGANISATIE });
      const a = await maak({ partij: partij.uuid, iban: "NL02ABNA0123456789", bic: "ABNANL2A" });
      const b = await maak({ partij: partij.uuid, iban: "NL18RABO0123459876", bic: "RABONL2U" });
      const c = await maak({ iban: "NL02ABNA0123456789", bic: "FILTERNL" });
      const uuids = async (filter: RekeningnummerFilter) => (await lijst(filter)).map((r) => r.uuid);

      expect(await uuids({ partij: partij.uuid })).toEqual([b.uuid, a.uuid]);
      expect(await uuids({ partij: partij.uuid.toUpperCase() })).toEqual([b.uuid, a.uuid]);
      expect(await uuids({ partij: "geen-uuid" })).toEqual([]);
      expect(await uuids({ iban: "nl02abna0123456789" })).toEqual([c.uuid, a.uuid]);
      expect(await uuids({ iban: "NL02ABNA0123456789", partij: partij.uuid })).toEqual([a.uuid]);
      expect(await uuids({ bic: "RABONL2U", partij: partij.uuid })).toEqual([b.uuid]);
      expect(await uuids({ bic: "FILTERNL" })).toEqual([c.uuid]);

      const first = await app.ok(RekeningnummerLijstDocument, { filter: { partij: partij.uuid }, first: 1 });
      expect(first.rekeningnummers.edges.map((e) => e.node.uuid)).toEqual([b.uuid]);
      expect(first.rekeningnummers.pageInfo.hasNextPage).toBe(true);
      const next = await app.ok(RekeningnummerLijstDocument, {
        filter: { partij: partij.uuid },
        first: 1,
        after: first.rekeningnummers.pageInfo.endCursor,
      });
      expect(next.rekeningnummers.edges.map((e) => e.node.uuid)).toEqual([a.uuid]);
      expect(next.rekeningnummers.pageInfo.hasNextPage).toBe(false);
    });

    it("resolves partij with the same number of SQL statements for 2 and for 10 rekeningnummers", async () => {
      async function tel(n: number) {
        const bic = `TELNNL${String(n).padStart(2, "0")}`;
        for (let i = 0; i < n; i++) {
          const partij = await maakPartij(app);
          await maak({ partij: partij.uuid, iban: "NL91ABNA0417164300", bic });
        }
        const { count, data } = await app.countStatements(RekeningnummerLijstMetPartijDocument, { filter: { bic } });
        expect(data.rekeningnummers.edges).toHaveLength(n);
        expect(data.rekeningnummers.edges.every((e) => e.node.partij?.soortPartij === "PERSOON")).toBe(true);
        return count;
      }
      const two = await tel(2);
      expect(await tel(10)).toBe(two);
      expect(two).toBe(4); // rekeningnummers, partijen; the audit log's lookup of BSNs and its INSERT
    });
  });
});
