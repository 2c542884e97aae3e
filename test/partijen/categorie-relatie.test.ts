import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CategorieRelatieCreateDocument,
  CategorieRelatieDeleteDocument,
  CategorieRelatieDeletePartijDocument,
  CategorieRelatieGetDocument,
  CategorieRelatieListDocument,
  CategorieRelatieMaakCategorieDocument,
  CategorieRelatieMaakPartijDocument,
  CategorieRelatieUpdateDocument,
  CategorieRelatieVanPartijDocument,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const maakPartij = async () => (await app.ok(CategorieRelatieMaakPartijDocument)).createPartij.uuid;
const maakCategorie = async (naam: string) => (await app.ok(CategorieRelatieMaakCategorieDocument, { naam })).createCategorie.uuid;
const aantal = async () => (await app.ok(CategorieRelatieListDocument, {})).categorieRelaties.edges.length;

describe("CategorieRelatie", () => {
  it("is created, read, updated (PATCH) and deleted, and shows on the partij", async () => {
    const partij = await maakPartij();
    const categorie = await maakCategorie("Ondernemer");
    const { createCategorieRelatie: relatie } = await app.ok(CategorieRelatieCreateDocument, {
      input: { partij, categorie, beginDatum: "2026-01-01" },
    });
    expect(relatie).toMatchObject({
      beginDatum: "2026-01-01",
      eindDatum: null,
      partij: { uuid: partij },
      categorie: { naam: "Ondernemer" },
    });
    expect((await app.ok(CategorieRelatieGetDocument, { uuid: relatie.uuid })).categorieRelatie).toEqual(relatie);
    expect((await app.ok(CategorieRelatieVanPartijDocument, { uuid: partij })).partij?.categorieRelaties).toEqual([
      { categorie: { naam: "Ondernemer" } },
    ]);

    const { updateCategorieRelatie } = await app.ok(CategorieRelatieUpdateDocument, {
      uuid: relatie.uuid,
      input: { eindDatum: "2026-06-30" },
    });
    expect(updateCategorieRelatie).toMatchObject({ beginDatum: "2026-01-01", eindDatum: "2026-06-30", categorie: { naam: "Ondernemer" } });

    expect((await app.ok(CategorieRelatieDeleteDocument, { uuid: relatie.uuid })).deleteCategorieRelatie).toBe(relatie.uuid);
    expect((await app.ok(CategorieRelatieGetDocument, { uuid: relatie.uuid })).categorieRelatie).toBeNull();
    expect(errorCode(await app.execute(CategorieRelatieDeleteDocument, { uuid: relatie.uuid }))).toBe("NOT_FOUND");
  });

  it("refuses an eindDatum before the beginDatum and unknown references, and writes nothing", async () => {
    const partij = await maakPartij();
    const before = await aantal();
    expect(
      invalidParams(
        await app.execute(CategorieRelatieCreateDocument, {
          input: { partij, categorie: "6a7e7f3c-4d0b-4a8e-9f0e-000000000000", beginDatum: "2026-02-01", eindDatum: "2026-01-01" },
        }),
      ),
    ).toEqual([
      ["categorie", "does_not_exist"],
      ["eindDatum", "invalid"],
    ]);
    expect(await aantal()).toBe(before);

    const { createCategorieRelatie } = await app.ok(CategorieRelatieCreateDocument, { input: { partij, beginDatum: "2026-02-01" } });
    // PATCH is checked against the stored beginDatum
    expect(
      invalidParams(
        await app.execute(CategorieRelatieUpdateDocument, { uuid: createCategorieRelatie.uuid, input: { eindDatum: "2026-01-31" } }),
      ),
    ).toEqual([["eindDatum", "invalid"]]);
  });

  it("filters on partij, categorie and categorie naam; a malformed uuid matches nothing", async () => {
    const [p1, p2] = [await maakPartij(), await maakPartij()];
    const [c1, c2] = [await maakCategorie("Zzp"), await maakCategorie("Horeca")];
    await app.ok(CategorieRelatieCreateDocument, { input: { partij: p1, categorie: c1 } });
    await app.ok(CategorieRelatieCreateDocument, { input: { partij: p2, categorie: c2 } });
    await app.ok(CategorieRelatieCreateDocument, { input: { categorie: c2 } });
    const list = async (filter: Record<string, string>) =>
      (await app.ok(CategorieRelatieListDocument, { filter })).categorieRelaties.edges.map((e) => [
        e.node.partij?.uuid ?? null,
        e.node.categorie?.naam,
      ]);
    expect(await list({ partij: p1 })).toEqual([[p1, "Zzp"]]);
    expect(await list({ categorie: c2 })).toEqual([
      [null, "Horeca"],
      [p2, "Horeca"],
    ]);
    expect(await list({ categorieNaam: "horeca", partij: p2 })).toEqual([[p2, "Horeca"]]);
    expect(await list({ partij: "geen-uuid" })).toEqual([]);
  });

  it("goes with its partij when the partij is deleted", async () => {
    const partij = await maakPartij();
    const { createCategorieRelatie } = await app.ok(CategorieRelatieCreateDocument, {
      input: { partij, categorie: await maakCategorie("Weg") },
    });
    await app.ok(CategorieRelatieDeletePartijDocument, { uuid: partij });
    expect((await app.ok(CategorieRelatieGetDocument, { uuid: createCategorieRelatie.uuid })).categorieRelatie).toBeNull();
  });
});
