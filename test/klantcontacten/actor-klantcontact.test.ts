import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActorKlantcontactCreateDocument,
  ActorKlantcontactDeleteDocument,
  ActorKlantcontactGetDocument,
  ActorKlantcontactListDocument,
  ActorKlantcontactUpdateDocument,
  KlantcontactCreateDocument,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { maakActor, rows } from "../support/fixtures";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const ONBEKEND = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";

async function klantcontact() {
  const { createKlantcontact } = await app.ok(KlantcontactCreateDocument, {
    input: { kanaal: "telefoon", onderwerp: "Vraag", taal: "nld", vertrouwelijk: false },
  });
  return createKlantcontact.uuid;
}

async function lijst(filter: object) {
  const { actorKlantcontacten } = await app.ok(ActorKlantcontactListDocument, { filter, first: 100 });
  return actorKlantcontacten.edges.map((e) => e.node.uuid);
}

describe("ActorKlantcontact", () => {
  it("is created, read, updated (PATCH), filtered and deleted", async () => {
    const actor = await maakActor(app, "Medewerker A");
    const ander = await maakActor(app, "Medewerker B");
    const kc = await klantcontact();
    const { createActorKlantcontact } = await app.ok(ActorKlantcontactCreateDocument, { input: { actor, klantcontact: kc } });
    expect(createActorKlantcontact).toEqual({
      uuid: createActorKlantcontact.uuid,
      actor: { uuid: actor, naam: "Medewerker A" },
      klantcontact: { uuid: kc },
    });
    const uuid = createActorKlantcontact.uuid;
    expect((await app.ok(ActorKlantcontactGetDocument, { uuid })).actorKlantcontact).toEqual(createActorKlantcontact);

    const { updateActorKlantcontact } = await app.ok(ActorKlantcontactUpdateDocument, { uuid, input: { actor: ander } });
    expect(updateActorKlantcontact.actor).toEqual({ uuid: ander, naam: "Medewerker B" });
    expect(updateActorKlantcontact.klantcontact).toEqual({ uuid: kc });

    expect(await lijst({ actor: ander })).toEqual([uuid]);
    expect(await lijst({ actor })).toEqual([]);
    expect(await lijst({ klantcontact: kc, actor: ander })).toEqual([uuid]);

    expect((await app.ok(ActorKlantcontactDeleteDocument, { uuid })).deleteActorKlantcontact).toBe(uuid);
    expect((await app.ok(ActorKlantcontactGetDocument, { uuid })).actorKlantcontact).toBeNull();
  });

  it("keeps the pair actor/klantcontact unique, on create and on update", async () => {
    const actor = await maakActor(app, "Uniek");
    const ander = await maakActor(app, "Ander");
    const kc = await klantcontact();
    await app.ok(ActorKlantcontactCreateDocument, { input: { actor, klantcontact: kc } });
    const count = await rows(app, ActorKlantcontact);
    const dubbel = await app.execute(ActorKlantcontactCreateDocument, { input: { actor, klantcontact: kc } });
    expect(invalidParams(dubbel)).toEqual([["nonFieldErrors", "unique"]]);
    expect(await rows(app, ActorKlantcontact)).toBe(count);

    const { createActorKlantcontact } = await app.ok(ActorKlantcontactCreateDocument, { input: { actor: ander, klantcontact: kc } });
    const update = await app.execute(ActorKlantcontactUpdateDocument, { uuid: createActorKlantcontact.uuid, input: { actor } });
    expect(invalidParams(update)).toEqual([["nonFieldErrors", "unique"]]);
    // Changing nothing is no conflict with itself.
    await app.ok(ActorKlantcontactUpdateDocument, { uuid: createActorKlantcontact.uuid, input: { actor: ander } });
  });

  it("refuses unknown references and clearing required fields", async () => {
    const result = await app.execute(ActorKlantcontactCreateDocument, { input: { actor: ONBEKEND, klantcontact: ONBEKEND } });
    expect(invalidParams(result)).toEqual([
      ["actor", "does_not_exist"],
      ["klantcontact", "does_not_exist"],
    ]);
    const actor = await maakActor(app, "C");
    const { createActorKlantcontact } = await app.ok(ActorKlantcontactCreateDocument, {
      input: { actor, klantcontact: await klantcontact() },
    });
    const update = await app.execute(ActorKlantcontactUpdateDocument, {
      uuid: createActorKlantcontact.uuid,
      input: { actor: null, klantcontact: null },
    });
    expect(invalidParams(update)).toEqual([
      ["actor", "required"],
      ["klantcontact", "required"],
    ]);
    expect(errorCode(await app.execute(ActorKlantcontactDeleteDocument, { uuid: ONBEKEND }))).toBe("NOT_FOUND");
  });
});
