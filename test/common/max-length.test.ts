import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { rows } from "../support/fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

// One character for people, two UTF-16 units for JavaScript's String.length.
const EMOJI = "😀";
const emoji = (count: number) => EMOJI.repeat(count);

const CREATE_PARTIJ = `mutation ($straatnaam: String) {
  createPartij(input: { soortPartij: PERSOON, indicatieActief: true, bezoekadres: { straatnaam: $straatnaam } }) { uuid bezoekadres { straatnaam } }
}`;
const CREATE_ACTOR = `mutation ($naam: String!) { createActor(input: { naam: $naam, soortActor: MEDEWERKER }) { uuid naam } }`;
const CREATE_KLANTCONTACT = `mutation ($metadata: JSONObject) {
  createKlantcontact(input: { kanaal: "telefoon", onderwerp: "Vraag", taal: "nld", vertrouwelijk: false, metadata: $metadata }) { uuid metadata }
}`;

describe("maximum lengths count characters as people do (code points)", () => {
  it("stores a straatnaam of exactly 255 emoji and refuses 256 with max_length", async () => {
    const { createPartij } = await app.ok<{ createPartij: { uuid: string; bezoekadres: { straatnaam: string } } }, { straatnaam: string }>(
      CREATE_PARTIJ,
      { straatnaam: emoji(255) },
    );
    expect(createPartij.bezoekadres.straatnaam).toBe(emoji(255));
    const stored = await app.orm.em.fork().findOneOrFail(Partij, { uuid: createPartij.uuid });
    expect(stored.bezoekadres?.straatnaam).toBe(emoji(255));

    const before = await rows(app, Partij);
    const result = await app.execute(CREATE_PARTIJ, { straatnaam: emoji(256) });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([["bezoekadres.straatnaam", "max_length"]]);
    expect(await rows(app, Partij)).toBe(before);
  });

  it("stores an actor naam of 200 characters mixing emoji, accents and plain letters, and refuses 201", async () => {
    const naam = `${emoji(100)}${"é".repeat(50)}${"a".repeat(50)}`;
    const { createActor } = await app.ok<{ createActor: { uuid: string; naam: string } }, { naam: string }>(CREATE_ACTOR, { naam });
    expect((await app.orm.em.fork().findOneOrFail(Actor, { uuid: createActor.uuid })).naam).toBe(naam);

    const result = await app.execute(CREATE_ACTOR, { naam: `${naam}${EMOJI}` });
    expect(invalidParams(result)).toEqual([["naam", "max_length"]]);
  });

  it("counts metadata values the same way: 255 emoji are stored, 256 refused", async () => {
    const { createKlantcontact } = await app.ok<
      { createKlantcontact: { uuid: string; metadata: Record<string, string> } },
      { metadata: object }
    >(CREATE_KLANTCONTACT, { metadata: { bron: emoji(255) } });
    expect(createKlantcontact.metadata).toEqual({ bron: emoji(255) });
    const stored = await app.orm.em.fork().findOneOrFail(Klantcontact, { uuid: createKlantcontact.uuid });
    expect(stored.metadata).toEqual({ bron: emoji(255) });

    const result = await app.execute(CREATE_KLANTCONTACT, { metadata: { bron: emoji(256) } });
    expect(invalidParams(result)).toEqual([["metadata.bron", "max_length"]]);
  });
});
