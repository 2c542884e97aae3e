import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BijlageCreateDocument,
  BijlageDeleteDocument,
  BijlageGetDocument,
  BijlageListDocument,
  BijlageUpdateDocument,
  KlantcontactCreateDocument,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { rows } from "../support/fixtures";
import { Bijlage } from "../../src/klantcontacten/bijlage.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const ONBEKEND = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";

async function klantcontact() {
  const { createKlantcontact } = await app.ok(KlantcontactCreateDocument, {
    input: { kanaal: "balie", onderwerp: "Document", taal: "nld", vertrouwelijk: true },
  });
  return createKlantcontact.uuid;
}

async function lijst(filter: object) {
  const { bijlagen } = await app.ok(BijlageListDocument, { filter, first: 100 });
  return bijlagen.edges.map((e) => e.node.uuid);
}

describe("Bijlage", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const kc = await klantcontact();
    const document = { objectId: "9193b03f", codeObjecttype: "DOCUMENT", codeRegister: "open-zaak", codeSoortObjectId: "uuid" };
    const { createBijlage } = await app.ok(BijlageCreateDocument, {
      input: { wasBijlageVanKlantcontact: kc, bijlageidentificator: document },
    });
    expect(createBijlage).toEqual({ uuid: createBijlage.uuid, wasBijlageVanKlantcontact: { uuid: kc }, bijlageidentificator: document });
    const uuid = createBijlage.uuid;
    expect((await app.ok(BijlageGetDocument, { uuid })).bijlage).toEqual(createBijlage);

    const { updateBijlage } = await app.ok(BijlageUpdateDocument, { uuid, input: { wasBijlageVanKlantcontact: null } });
    expect(updateBijlage).toEqual({ uuid, wasBijlageVanKlantcontact: null, bijlageidentificator: document });
    expect((await app.ok(BijlageUpdateDocument, { uuid, input: {} })).updateBijlage).toEqual(updateBijlage);

    expect((await app.ok(BijlageDeleteDocument, { uuid })).deleteBijlage).toBe(uuid);
    expect((await app.ok(BijlageGetDocument, { uuid })).bijlage).toBeNull();
  });

  it("refuses an unknown klantcontact and too long identificator fields, writing nothing", async () => {
    const count = await rows(app, Bijlage);
    const result = await app.execute(BijlageCreateDocument, {
      input: {
        wasBijlageVanKlantcontact: ONBEKEND,
        bijlageidentificator: { codeRegister: "r".repeat(201), codeSoortObjectId: "s".repeat(201) },
      },
    });
    expect(invalidParams(result).sort()).toEqual(
      [
        ["bijlageidentificator.codeRegister", "max_length"],
        ["bijlageidentificator.codeSoortObjectId", "max_length"],
        ["wasBijlageVanKlantcontact", "does_not_exist"],
      ].sort(),
    );
    expect(await rows(app, Bijlage)).toBe(count);
    expect(errorCode(await app.execute(BijlageUpdateDocument, { uuid: ONBEKEND, input: {} }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(BijlageDeleteDocument, { uuid: ONBEKEND }))).toBe("NOT_FOUND");
  });

  it("filters on klantcontact and identificator, newest first", async () => {
    const a = await klantcontact();
    const b = await klantcontact();
    const create = async (kc: string, objectId: string) =>
      (await app.ok(BijlageCreateDocument, { input: { wasBijlageVanKlantcontact: kc, bijlageidentificator: { objectId } } })).createBijlage
        .uuid;
    const b1 = await create(a, "doc-1");
    const b2 = await create(a, "doc-2");
    const b3 = await create(b, "doc-3");
    expect(await lijst({ klantcontact: a })).toEqual([b2, b1]);
    expect(await lijst({ bijlageidentificator: { objectId: "doc-3" } })).toEqual([b3]);
    expect(await lijst({ klantcontact: a, bijlageidentificator: { objectId: "doc-3" } })).toEqual([]);
  });
});
