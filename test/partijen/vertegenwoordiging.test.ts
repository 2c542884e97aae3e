import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreatePartijDocument,
  CreateVertegenwoordigingDocument,
  DeletePartijDocument,
  DeleteVertegenwoordigingDocument,
  PartijDocument,
  UpdateVertegenwoordigingDocument,
  VertegenwoordigingDocument,
  VertegenwoordigingenDocument,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

async function partij() {
  return (await app.ok(CreatePartijDocument, { input: { soortPartij: "PERSOON", indicatieActief: true } })).createPartij.uuid;
}

async function total() {
  return (await app.ok(VertegenwoordigingenDocument, { first: 100 })).vertegenwoordigingen.edges.length;
}

describe("Vertegenwoordiging", () => {
  it("is created, read, updated (PATCH) and deleted, and shows on Partij.vertegenwoordigden", async () => {
    const [curator, klant, ander] = [await partij(), await partij(), await partij()];
    const { createVertegenwoordiging: created } = await app.ok(CreateVertegenwoordigingDocument, {
      input: { vertegenwoordigendePartij: curator, vertegenwoordigdePartij: klant },
    });
    expect(created).toMatchObject({ vertegenwoordigendePartij: { uuid: curator }, vertegenwoordigdePartij: { uuid: klant } });
    expect((await app.ok(VertegenwoordigingDocument, { uuid: created.uuid })).vertegenwoordiging).toEqual(created);
    expect((await app.ok(PartijDocument, { uuid: curator })).partij?.vertegenwoordigden).toEqual([{ uuid: klant }]);
    expect((await app.ok(PartijDocument, { uuid: klant })).partij?.vertegenwoordigden).toEqual([]);

    const { updateVertegenwoordiging } = await app.ok(UpdateVertegenwoordigingDocument, {
      uuid: created.uuid,
      input: { vertegenwoordigdePartij: ander },
    });
    expect(updateVertegenwoordiging).toEqual({ ...created, vertegenwoordigdePartij: { uuid: ander } });
    expect((await app.ok(UpdateVertegenwoordigingDocument, { uuid: created.uuid, input: {} })).updateVertegenwoordiging).toEqual(
      updateVertegenwoordiging,
    );

    expect((await app.ok(DeleteVertegenwoordigingDocument, { uuid: created.uuid })).deleteVertegenwoordiging).toBe(created.uuid);
    expect((await app.ok(VertegenwoordigingDocument, { uuid: created.uuid })).vertegenwoordiging).toBeNull();
    expect((await app.ok(PartijDocument, { uuid: curator })).partij?.vertegenwoordigden).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown uuid, does_not_exist for unknown partijen, required for null", async () => {
    const uuid = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";
    expect(errorCode(await app.execute(UpdateVertegenwoordigingDocument, { uuid, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(DeleteVertegenwoordigingDocument, { uuid }))).toBe("NOT_FOUND");
    const before = await total();
    const result = await app.execute(CreateVertegenwoordigingDocument, {
      input: { vertegenwoordigendePartij: uuid, vertegenwoordigdePartij: "geen-uuid" },
    });
    expect(invalidParams(result)).toEqual([
      ["vertegenwoordigendePartij", "does_not_exist"],
      ["vertegenwoordigdePartij", "invalid"],
    ]);
    expect(await total()).toBe(before);
    const { createVertegenwoordiging } = await app.ok(CreateVertegenwoordigingDocument, {
      input: { vertegenwoordigendePartij: await partij(), vertegenwoordigdePartij: await partij() },
    });
    const cleared = await app.execute(UpdateVertegenwoordigingDocument, {
      uuid: createVertegenwoordiging.uuid,
      input: { vertegenwoordigendePartij: null },
    });
    expect(invalidParams(cleared)).toEqual([["vertegenwoordigendePartij", "required"]]);
  });

  it("refuses a partij that represents itself", async () => {
    const p = await partij();
    const before = await total();
    const result = await app.execute(CreateVertegenwoordigingDocument, {
      input: { vertegenwoordigendePartij: p, vertegenwoordigdePartij: p },
    });
    expect(invalidParams(result)).toEqual([["vertegenwoordigdePartij", "invalid"]]);
    expect((result.errors![0].extensions!.invalidParams as Array<{ reason: string }>)[0].reason).toBe(
      "De partij kan niet zichzelf vertegenwoordigen.",
    );
    expect(await total()).toBe(before);
    const other = await partij();
    const { createVertegenwoordiging } = await app.ok(CreateVertegenwoordigingDocument, {
      input: { vertegenwoordigendePartij: p, vertegenwoordigdePartij: other },
    });
    const update = await app.execute(UpdateVertegenwoordigingDocument, {
      uuid: createVertegenwoordiging.uuid,
      input: { vertegenwoordigdePartij: p },
    });
    expect(invalidParams(update)).toEqual([["vertegenwoordigdePartij", "invalid"]]);
  });

  it("allows each pair once", async () => {
    const [a, b, c] = [await partij(), await partij(), await partij()];
    await app.ok(CreateVertegenwoordigingDocument, { input: { vertegenwoordigendePartij: a, vertegenwoordigdePartij: b } });
    const before = await total();
    const twice = await app.execute(CreateVertegenwoordigingDocument, {
      input: { vertegenwoordigendePartij: a, vertegenwoordigdePartij: b },
    });
    expect(invalidParams(twice)).toEqual([["nonFieldErrors", "unique"]]);
    expect(await total()).toBe(before);
    // the other way round is another pair
    await app.ok(CreateVertegenwoordigingDocument, { input: { vertegenwoordigendePartij: b, vertegenwoordigdePartij: a } });
    const { createVertegenwoordiging } = await app.ok(CreateVertegenwoordigingDocument, {
      input: { vertegenwoordigendePartij: a, vertegenwoordigdePartij: c },
    });
    const update = await app.execute(UpdateVertegenwoordigingDocument, {
      uuid: createVertegenwoordiging.uuid,
      input: { vertegenwoordigdePartij: b },
    });
    expect(invalidParams(update)).toEqual([["nonFieldErrors", "unique"]]);
  });

  it("filters on both partijen, newest first, and goes with a deleted partij", async () => {
    const [a, b, c] = [await partij(), await partij(), await partij()];
    const ab = (await app.ok(CreateVertegenwoordigingDocument, { input: { vertegenwoordigendePartij: a, vertegenwoordigdePartij: b } }))
      .createVertegenwoordiging.uuid;
    const ac = (await app.ok(CreateVertegenwoordigingDocument, { input: { vertegenwoordigendePartij: a, vertegenwoordigdePartij: c } }))
      .createVertegenwoordiging.uuid;
    const cb = (await app.ok(CreateVertegenwoordigingDocument, { input: { vertegenwoordigendePartij: c, vertegenwoordigdePartij: b } }))
      .createVertegenwoordiging.uuid;
    const found = async (filter: object) =>
      (await app.ok(VertegenwoordigingenDocument, { filter })).vertegenwoordigingen.edges.map((e) => e.node.uuid);
    expect(await found({ vertegenwoordigendePartij: a })).toEqual([ac, ab]);
    expect(await found({ vertegenwoordigdePartij: b })).toEqual([cb, ab]);
    expect(await found({ vertegenwoordigendePartij: a, vertegenwoordigdePartij: b })).toEqual([ab]);
    expect(await found({ vertegenwoordigdePartij: "geen-uuid" })).toEqual([]);

    await app.ok(DeletePartijDocument, { uuid: c });
    expect(await found({ vertegenwoordigendePartij: a })).toEqual([ab]);
    expect(await found({ vertegenwoordigdePartij: b })).toEqual([ab]);
  });

  it("costs the same number of SQL statements for 2 and for 10 vertegenwoordigingen with their partijen", async () => {
    const maak = async () =>
      app.ok(CreateVertegenwoordigingDocument, {
        input: { vertegenwoordigendePartij: await partij(), vertegenwoordigdePartij: await partij() },
      });
    for (let i = 0; i < 2; i++) await maak();
    const two = await app.countStatements(VertegenwoordigingenDocument, { first: 2 });
    for (let i = 0; i < 8; i++) await maak();
    const ten = await app.countStatements(VertegenwoordigingenDocument, { first: 10 });
    expect(ten.data.vertegenwoordigingen.edges.every((e) => e.node.vertegenwoordigdePartij.uuid)).toBe(true);
    expect(ten.count).toBe(two.count);
  });
});
