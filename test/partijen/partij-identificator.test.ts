import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreatePartijDocument,
  CreatePartijIdentificatorDocument,
  DeletePartijIdentificatorDocument,
  PartijIdentificatorDocument,
  PartijIdentificatorenDocument,
  UpdatePartijIdentificatorDocument,
  type PartijIdentificatorInput,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { elfproefNummer, identificator, kvkNummer, vestigingsnummer } from "../support/fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const { bsn, rsin, kvk, vestiging } = identificator;

async function partij(soortPartij: "PERSOON" | "ORGANISATIE" = "PERSOON") {
  return (await app.ok(CreatePartijDocument, { input: { soortPartij, indicatieActief: true } })).createPartij.uuid;
}

async function create(input: PartijIdentificatorInput) {
  return (await app.ok(CreatePartijIdentificatorDocument, { input })).createPartijIdentificator;
}

async function total() {
  return (await app.ok(PartijIdentificatorenDocument, { first: 100 })).partijIdentificatoren.edges.length;
}

/** The [name, code] pairs of a create that must fail, after checking that it wrote nothing. */
async function refused(input: PartijIdentificatorInput) {
  const before = await total();
  const result = await app.execute(CreatePartijIdentificatorDocument, { input });
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect(await total()).toBe(before);
  return invalidParams(result);
}

describe("PartijIdentificator", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const p = await partij();
    const nummer = elfproefNummer();
    const created = await create({ identificeerdePartij: p, partijIdentificator: bsn(nummer) });
    expect(created).toMatchObject({
      identificeerdePartij: { uuid: p },
      partijIdentificator: { codeRegister: "BRP", codeObjecttype: "NATUURLIJK_PERSOON", codeSoortObjectId: "BSN", objectId: nummer },
      subIdentificatorVan: null,
      anderePartijIdentificator: "",
    });
    expect((await app.ok(PartijIdentificatorDocument, { uuid: created.uuid })).partijIdentificator).toEqual(created);

    const { updatePartijIdentificator } = await app.ok(UpdatePartijIdentificatorDocument, {
      uuid: created.uuid,
      input: { anderePartijIdentificator: "oud nummer" },
    });
    expect(updatePartijIdentificator).toEqual({ ...created, anderePartijIdentificator: "oud nummer" });

    // identificeerdePartij may be cleared: an identificator without partij is allowed
    const los = await app.ok(UpdatePartijIdentificatorDocument, { uuid: created.uuid, input: { identificeerdePartij: null } });
    expect(los.updatePartijIdentificator.identificeerdePartij).toBeNull();

    expect((await app.ok(DeletePartijIdentificatorDocument, { uuid: created.uuid })).deletePartijIdentificator).toBe(created.uuid);
    expect((await app.ok(PartijIdentificatorDocument, { uuid: created.uuid })).partijIdentificator).toBeNull();
  });

  it("answers NOT_FOUND for an unknown uuid and does_not_exist for unknown references", async () => {
    const uuid = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";
    expect(errorCode(await app.execute(UpdatePartijIdentificatorDocument, { uuid, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(DeletePartijIdentificatorDocument, { uuid }))).toBe("NOT_FOUND");
    expect(await refused({ identificeerdePartij: uuid, partijIdentificator: bsn(), subIdentificatorVan: uuid })).toEqual([
      ["identificeerdePartij", "does_not_exist"],
      ["subIdentificatorVan", "does_not_exist"],
    ]);
  });

  it("checks the field rules of the input", async () => {
    expect(
      await refused({ partijIdentificator: { ...bsn(), objectId: "1".repeat(201) }, anderePartijIdentificator: "x".repeat(201) }),
    ).toEqual([
      ["anderePartijIdentificator", "max_length"],
      ["partijIdentificator.objectId", "max_length"],
    ]);
    expect(await refused({ partijIdentificator: { ...bsn(), objectId: " " } })).toEqual([["partijIdentificator.objectId", "blank"]]);
    const created = await create({ partijIdentificator: bsn() });
    const result = await app.execute(UpdatePartijIdentificatorDocument, { uuid: created.uuid, input: { partijIdentificator: null } });
    expect(invalidParams(result)).toEqual([["partijIdentificator", "required"]]);
  });

  it("allows only the register → objecttype → soort combinations of the standard", async () => {
    expect(await refused({ partijIdentificator: { ...bsn(), codeRegister: "HR" } })).toEqual([
      ["partijIdentificator.codeObjecttype", "invalid"],
    ]);
    expect(await refused({ partijIdentificator: { ...kvk(), codeRegister: "BRP" } })).toEqual([
      ["partijIdentificator.codeObjecttype", "invalid"],
    ]);
    expect(await refused({ partijIdentificator: { ...kvk(), codeObjecttype: "VESTIGING" } })).toEqual([
      ["partijIdentificator.codeSoortObjectId", "invalid"],
    ]);
    expect(await refused({ partijIdentificator: { ...vestiging(), codeObjecttype: "NIET_NATUURLIJK_PERSOON" } })).toEqual([
      ["partijIdentificator.codeSoortObjectId", "invalid"],
      ["subIdentificatorVan", "required"],
    ]);
    const result = await app.execute(CreatePartijIdentificatorDocument, {
      input: { partijIdentificator: { ...bsn(), codeRegister: "HR" } },
    });
    expect((result.errors![0].extensions!.invalidParams as Array<{ reason: string }>)[0].reason).toBe(
      "voor `codeRegister` hr zijn alleen deze waarden toegestaan: ['niet_natuurlijk_persoon', 'vestiging']",
    );
  });

  it("checks the objectId: BSN and RSIN with the elfproef, KvK 8 and vestigingsnummer 12 digits", async () => {
    const objectId = [["partijIdentificator.objectId", "invalid"]];
    expect(await refused({ partijIdentificator: bsn("123456789") })).toEqual(objectId); // elfproef fails
    expect(await refused({ partijIdentificator: bsn("12345678") })).toEqual(objectId);
    expect(await refused({ partijIdentificator: bsn("12345678a") })).toEqual(objectId);
    expect(await refused({ partijIdentificator: rsin("123456789") })).toEqual(objectId);
    expect(await refused({ partijIdentificator: kvk("1234567") })).toEqual(objectId);
    expect(await refused({ partijIdentificator: kvk("1234567x") })).toEqual(objectId);
    const parent = await create({ partijIdentificator: kvk() });
    expect(await refused({ partijIdentificator: vestiging("12345678901"), subIdentificatorVan: parent.uuid })).toEqual(objectId);
    const result = await app.execute(CreatePartijIdentificatorDocument, { input: { partijIdentificator: bsn("123456789") } });
    expect((result.errors![0].extensions!.invalidParams as Array<{ reason: string }>)[0].reason).toMatch(
      /^Deze waarde is ongeldig, reden: Onjuist BSN nummer/,
    );
    await create({ partijIdentificator: bsn("111222333") });
    await create({ partijIdentificator: rsin("123456782") });
  });

  it("requires a kvk_nummer above a vestigingsnummer, and nothing is its own sub", async () => {
    expect(await refused({ partijIdentificator: vestiging() })).toEqual([["subIdentificatorVan", "required"]]);
    const eenBsn = await create({ partijIdentificator: bsn() });
    expect(await refused({ partijIdentificator: vestiging(), subIdentificatorVan: eenBsn.uuid })).toEqual([
      ["subIdentificatorVan", "invalid"],
    ]);
    const parent = await create({ partijIdentificator: kvk() });
    const child = await create({ partijIdentificator: vestiging(), subIdentificatorVan: parent.uuid });
    expect(child.subIdentificatorVan).toEqual({ uuid: parent.uuid });
    // the kvk parent may belong to another partij or to none: here it has none
    const own = await app.execute(UpdatePartijIdentificatorDocument, { uuid: parent.uuid, input: { subIdentificatorVan: parent.uuid } });
    expect(invalidParams(own)).toEqual([["subIdentificatorVan", "invalid"]]);
    const cleared = await app.execute(UpdatePartijIdentificatorDocument, { uuid: child.uuid, input: { subIdentificatorVan: null } });
    expect(invalidParams(cleared)).toEqual([["subIdentificatorVan", "required"]]);
  });

  it("is unique: globally without a parent, under its parent with one", async () => {
    const nummer = elfproefNummer();
    await create({ partijIdentificator: bsn(nummer) });
    expect(await refused({ partijIdentificator: bsn(nummer) })).toEqual([["nonFieldErrors", "unique"]]);

    const kvk1 = await create({ partijIdentificator: kvk() });
    const kvk2 = await create({ partijIdentificator: kvk() });
    const nr = vestigingsnummer();
    await create({ partijIdentificator: vestiging(nr), subIdentificatorVan: kvk1.uuid });
    expect(await refused({ partijIdentificator: vestiging(nr), subIdentificatorVan: kvk1.uuid })).toEqual([["nonFieldErrors", "unique"]]);
    // the same number under another kvk_nummer is another vestiging
    await create({ partijIdentificator: vestiging(nr), subIdentificatorVan: kvk2.uuid });

    // updating a row to the values it has is no conflict with itself
    const eigen = await create({ partijIdentificator: bsn() });
    await app.ok(UpdatePartijIdentificatorDocument, {
      uuid: eigen.uuid,
      input: { partijIdentificator: { ...eigen.partijIdentificator, objectId: eigen.partijIdentificator.objectId! } },
    });
  });

  it("allows one identificator of each codeSoortObjectId per partij", async () => {
    const p = await partij();
    await create({ identificeerdePartij: p, partijIdentificator: bsn() });
    expect(await refused({ identificeerdePartij: p, partijIdentificator: bsn() })).toEqual([["nonFieldErrors", "unique"]]);
    const los = await create({ partijIdentificator: bsn() });
    const result = await app.execute(UpdatePartijIdentificatorDocument, { uuid: los.uuid, input: { identificeerdePartij: p } });
    expect(invalidParams(result)).toEqual([["nonFieldErrors", "unique"]]);
    // another soort for the same partij is fine
    const o = await partij("ORGANISATIE");
    await create({ identificeerdePartij: o, partijIdentificator: kvk() });
    await create({ identificeerdePartij: o, partijIdentificator: rsin() });
  });

  it("protects an identificator with sub-identificatoren from deletion and from a new codeSoortObjectId", async () => {
    const parent = await create({ partijIdentificator: kvk() });
    const child = await create({ partijIdentificator: vestiging(), subIdentificatorVan: parent.uuid });

    const removal = await app.execute(DeletePartijIdentificatorDocument, { uuid: parent.uuid });
    expect(invalidParams(removal)).toEqual([["nonFieldErrors", "protected"]]);
    const change = await app.execute(UpdatePartijIdentificatorDocument, {
      uuid: parent.uuid,
      input: { partijIdentificator: rsin() },
    });
    expect(invalidParams(change)).toEqual([["partijIdentificator.codeSoortObjectId", "protected"]]);
    expect(
      (await app.ok(PartijIdentificatorDocument, { uuid: parent.uuid })).partijIdentificator?.partijIdentificator.codeSoortObjectId,
    ).toBe("KVK_NUMMER");
    // another kvk number is no change of soort
    await app.ok(UpdatePartijIdentificatorDocument, { uuid: parent.uuid, input: { partijIdentificator: kvk() } });

    await app.ok(DeletePartijIdentificatorDocument, { uuid: child.uuid });
    await app.ok(DeletePartijIdentificatorDocument, { uuid: parent.uuid });
  });

  it("filters on the four codes and on the partij, newest first, with paging", async () => {
    const p = await partij("ORGANISATIE");
    const eigenKvk = kvkNummer();
    const a = await create({ identificeerdePartij: p, partijIdentificator: kvk(eigenKvk) });
    const b = await create({ identificeerdePartij: p, partijIdentificator: rsin() });
    const vanPartij = await app.ok(PartijIdentificatorenDocument, { filter: { identificeerdePartij: p } });
    expect(vanPartij.partijIdentificatoren.edges.map((e) => e.node.uuid)).toEqual([b.uuid, a.uuid]);

    const opNummer = await app.ok(PartijIdentificatorenDocument, {
      filter: { objectId: eigenKvk, codeSoortObjectId: "KVK_NUMMER", codeRegister: "HR", codeObjecttype: "NIET_NATUURLIJK_PERSOON" },
    });
    expect(opNummer.partijIdentificatoren.edges.map((e) => e.node.uuid)).toEqual([a.uuid]);
    const mis = await app.ok(PartijIdentificatorenDocument, { filter: { objectId: eigenKvk, codeSoortObjectId: "RSIN" } });
    expect(mis.partijIdentificatoren.edges).toEqual([]);

    const first = await app.ok(PartijIdentificatorenDocument, { first: 1, filter: { identificeerdePartij: p } });
    expect(first.partijIdentificatoren.pageInfo.hasNextPage).toBe(true);
    const second = await app.ok(PartijIdentificatorenDocument, {
      first: 1,
      filter: { identificeerdePartij: p },
      after: first.partijIdentificatoren.pageInfo.endCursor,
    });
    expect(second.partijIdentificatoren.edges.map((e) => e.node.uuid)).toEqual([a.uuid]);
    expect(second.partijIdentificatoren.pageInfo.hasNextPage).toBe(false);
  });
});
