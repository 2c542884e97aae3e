import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CategorieDocument,
  CategorieenDocument,
  CreateCategorieDocument,
  DeleteCategorieDocument,
  UpdateCategorieDocument,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

describe("Categorie", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const { createCategorie } = await app.ok(CreateCategorieDocument, { input: { naam: "Ondernemer" } });
    expect(createCategorie.naam).toBe("Ondernemer");

    const { categorie } = await app.ok(CategorieDocument, { uuid: createCategorie.uuid });
    expect(categorie).toEqual(createCategorie);

    const { updateCategorie } = await app.ok(UpdateCategorieDocument, {
      uuid: createCategorie.uuid,
      input: { naam: "Zzp'er" },
    });
    expect(updateCategorie).toEqual({ uuid: createCategorie.uuid, naam: "Zzp'er" });

    // PATCH: an empty input changes nothing
    const unchanged = await app.ok(UpdateCategorieDocument, { uuid: createCategorie.uuid, input: {} });
    expect(unchanged.updateCategorie.naam).toBe("Zzp'er");

    const { deleteCategorie } = await app.ok(DeleteCategorieDocument, { uuid: createCategorie.uuid });
    expect(deleteCategorie).toBe(createCategorie.uuid);
    expect((await app.ok(CategorieDocument, { uuid: createCategorie.uuid })).categorie).toBeNull();
  });

  it("refuses a naam longer than 80 characters and writes nothing", async () => {
    const before = await app.ok(CategorieenDocument, { first: 100 });
    const result = await app.execute(CreateCategorieDocument, { input: { naam: "x".repeat(81) } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([["naam", "max_length"]]);
    const after = await app.ok(CategorieenDocument, { first: 100 });
    expect(after.categorieen.edges).toHaveLength(before.categorieen.edges.length);
  });

  it("answers NOT_FOUND when updating or deleting an unknown uuid", async () => {
    const uuid = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";
    expect(errorCode(await app.execute(UpdateCategorieDocument, { uuid, input: { naam: "x" } }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(DeleteCategorieDocument, { uuid }))).toBe("NOT_FOUND");
    expect((await app.ok(CategorieDocument, { uuid: "geen-uuid" })).categorie).toBeNull();
  });

  it("pages newest first with keyset cursors and filters on naam", async () => {
    for (const naam of ["A", "B", "C", "D", "E"]) await app.ok(CreateCategorieDocument, { input: { naam } });
    const first = await app.ok(CategorieenDocument, { first: 2 });
    expect(first.categorieen.edges.map((e) => e.node.naam)).toEqual(["E", "D"]);
    expect(first.categorieen.pageInfo.hasNextPage).toBe(true);
    const second = await app.ok(CategorieenDocument, { first: 2, after: first.categorieen.pageInfo.endCursor });
    expect(second.categorieen.edges.map((e) => e.node.naam)).toEqual(["C", "B"]);
    expect(second.categorieen.pageInfo.hasPreviousPage).toBe(true);

    const filtered = await app.ok(CategorieenDocument, { filter: { naam: "c" } });
    expect(filtered.categorieen.edges.map((e) => e.node.naam)).toEqual(["C"]);

    expect(invalidParams(await app.execute(CategorieenDocument, { first: 101 }))).toEqual([["first", "max_value"]]);
    expect(invalidParams(await app.execute(CategorieenDocument, { after: "rommel" }))).toEqual([["after", "invalid"]]);
  });
});
