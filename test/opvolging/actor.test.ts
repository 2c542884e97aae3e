import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActorCreateDocument,
  ActorDeleteDocument,
  ActorLijstDocument,
  ActorOpUuidDocument,
  ActorUpdateDocument,
  InterneTaakCreateDocument,
  InterneTaakOpUuidDocument,
  type ActorFilter,
  type ActorInput,
} from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { koppelActorAanKlantcontact, maakKlantcontact, rows } from "../support/fixtures";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Actor } from "../../src/opvolging/actor.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const medewerker: ActorInput = {
  naam: "Jan Jansen",
  soortActor: "MEDEWERKER",
  actoridentificator: { objectId: "jan@gemeente.nl", codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "email" },
  actorIdentificatie: { functie: "KCM", emailadres: "jan@gemeente.nl", telefoonnummer: "0201234567" },
};

async function maakActor(input: ActorInput) {
  return (await app.ok(ActorCreateDocument, { input })).createActor;
}

const aantalActoren = () => rows(app, Actor);

/** Runs a create that must fail, checks it wrote nothing, returns its [name, code] pairs. */
async function weigertCreate(input: ActorInput) {
  const before = await aantalActoren();
  const result = await app.execute(ActorCreateDocument, { input });
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect(await aantalActoren()).toBe(before);
  return invalidParams(result);
}

describe("Actor", () => {
  it("is created, read, updated (PATCH) and deleted", async () => {
    const actor = await maakActor(medewerker);
    expect(actor).toMatchObject({
      naam: "Jan Jansen",
      soortActor: "MEDEWERKER",
      indicatieActief: true,
      actoridentificator: { objectId: "jan@gemeente.nl", codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "email" },
      actorIdentificatie: { __typename: "Medewerker", functie: "KCM", emailadres: "jan@gemeente.nl", telefoonnummer: "0201234567" },
    });
    expect((await app.ok(ActorOpUuidDocument, { uuid: actor.uuid })).actor).toEqual(actor);

    const { updateActor } = await app.ok(ActorUpdateDocument, {
      uuid: actor.uuid,
      input: { naam: "Jan de Vries", indicatieActief: false },
    });
    expect(updateActor).toEqual({ ...actor, naam: "Jan de Vries", indicatieActief: false });

    // PATCH: nothing given, nothing changed; null clears an optional group
    expect((await app.ok(ActorUpdateDocument, { uuid: actor.uuid, input: {} })).updateActor).toEqual(updateActor);
    const cleared = await app.ok(ActorUpdateDocument, { uuid: actor.uuid, input: { actoridentificator: null } });
    expect(cleared.updateActor.actoridentificator).toBeNull();

    expect((await app.ok(ActorDeleteDocument, { uuid: actor.uuid })).deleteActor).toBe(actor.uuid);
    expect((await app.ok(ActorOpUuidDocument, { uuid: actor.uuid })).actor).toBeNull();
  });

  it("answers NOT_FOUND for an unknown uuid on update and delete, null on read", async () => {
    const uuid = "6a7e7f3c-4d0b-4a8e-9f0e-000000000001";
    expect(errorCode(await app.execute(ActorUpdateDocument, { uuid, input: { naam: "x" } }))).toBe("NOT_FOUND");
    expect(errorCode(await app.execute(ActorDeleteDocument, { uuid }))).toBe("NOT_FOUND");
    expect((await app.ok(ActorOpUuidDocument, { uuid })).actor).toBeNull();
    expect((await app.ok(ActorOpUuidDocument, { uuid: "geen-uuid" })).actor).toBeNull();
  });

  it("exposes actorIdentificatie as the type of its soortActor, null when none was recorded", async () => {
    const bot = await maakActor({
      naam: "Chatbot",
      soortActor: "GEAUTOMATISEERDE_ACTOR",
      actorIdentificatie: { functie: "chat", omschrijving: "Webchat" },
    });
    expect(bot.actorIdentificatie).toEqual({ __typename: "GeautomatiseerdeActor", functie: "chat", omschrijving: "Webchat" });

    const afdeling = await maakActor({
      naam: "Burgerzaken",
      soortActor: "ORGANISATORISCHE_EENHEID",
      actorIdentificatie: {
        omschrijving: "Afdeling",
        emailadres: "bz@gemeente.nl",
        faxnummer: "0201234568",
        telefoonnummer: "+31201234567",
      },
    });
    expect(afdeling.actorIdentificatie).toEqual({
      __typename: "OrganisatorischeEenheid",
      omschrijving: "Afdeling",
      emailadres: "bz@gemeente.nl",
      faxnummer: "0201234568",
      telefoonnummer: "+31201234567",
    });

    // actorIdentificatie is optional (KISS creates medewerkers with only an actoridentificator)
    const kaal = await maakActor({ naam: "Piet", soortActor: "MEDEWERKER", indicatieActief: false });
    expect(kaal).toMatchObject({ actorIdentificatie: null, actoridentificator: null, indicatieActief: false });
    const leeg = await maakActor({ naam: "Team", soortActor: "ORGANISATORISCHE_EENHEID", actorIdentificatie: {} });
    expect(leeg.actorIdentificatie).toBeNull();
  });

  it("checks naam, indicatieActief and actoridentificator", async () => {
    expect(await weigertCreate({ ...medewerker, naam: "x".repeat(201) })).toEqual([["naam", "max_length"]]);
    expect(await weigertCreate({ ...medewerker, naam: " " })).toEqual([["naam", "blank"]]);
    expect(await weigertCreate({ ...medewerker, indicatieActief: null })).toEqual([["indicatieActief", "required"]]);
    expect(
      await weigertCreate({ ...medewerker, actoridentificator: { objectId: "x".repeat(201), codeRegister: "y".repeat(201) } }),
    ).toEqual([
      ["actoridentificator.codeRegister", "max_length"],
      ["actoridentificator.objectId", "max_length"],
    ]);
    // naam and soortActor are non-null on create: GraphQL itself refuses their absence
    const zonderNaam = await app.execute(ActorCreateDocument, { input: { soortActor: "MEDEWERKER" } as ActorInput });
    expect(zonderNaam.errors?.[0]?.message).toBeDefined();
    expect(zonderNaam.data ?? null).toBeNull();
  });

  it("checks the medewerker identificatie", async () => {
    expect(await weigertCreate({ ...medewerker, actorIdentificatie: {} })).toEqual([
      ["actorIdentificatie.functie", "required"],
      ["actorIdentificatie.telefoonnummer", "required"],
    ]);
    expect(
      await weigertCreate({
        ...medewerker,
        actorIdentificatie: { functie: "x".repeat(41), emailadres: "geen-adres", telefoonnummer: "0900123456" },
      }),
    ).toEqual([
      ["actorIdentificatie.functie", "max_length"],
      ["actorIdentificatie.emailadres", "invalid"],
      ["actorIdentificatie.telefoonnummer", "invalid"],
    ]);
    expect(await weigertCreate({ ...medewerker, actorIdentificatie: { functie: "KCM", telefoonnummer: "+31 900 123 456" } })).toEqual([
      ["actorIdentificatie.telefoonnummer", "invalid"],
    ]);
    expect(
      await weigertCreate({
        ...medewerker,
        actorIdentificatie: { functie: "KCM", telefoonnummer: "0201234567", emailadres: `${"a".repeat(250)}@x.nl` },
      }),
    ).toEqual([["actorIdentificatie.emailadres", "max_length"]]);
    // fields of another soort are refused
    expect(
      await weigertCreate({
        ...medewerker,
        actorIdentificatie: { functie: "KCM", telefoonnummer: "0201234567", omschrijving: "x", faxnummer: "1" },
      }),
    ).toEqual([
      ["actorIdentificatie.omschrijving", "invalid"],
      ["actorIdentificatie.faxnummer", "invalid"],
    ]);
  });

  it("checks the identificatie of a geautomatiseerde actor and an organisatorische eenheid", async () => {
    const bot: ActorInput = { naam: "Bot", soortActor: "GEAUTOMATISEERDE_ACTOR" };
    expect(await weigertCreate({ ...bot, actorIdentificatie: { omschrijving: "x".repeat(201) } })).toEqual([
      ["actorIdentificatie.omschrijving", "max_length"],
      ["actorIdentificatie.functie", "required"],
    ]);
    expect(
      await weigertCreate({ ...bot, actorIdentificatie: { functie: "chat", telefoonnummer: "0201234567", emailadres: "a@b.nl" } }),
    ).toEqual([
      ["actorIdentificatie.emailadres", "invalid"],
      ["actorIdentificatie.telefoonnummer", "invalid"],
    ]);

    const oe: ActorInput = { naam: "Afdeling", soortActor: "ORGANISATORISCHE_EENHEID" };
    expect(
      await weigertCreate({
        ...oe,
        actorIdentificatie: { functie: "x", faxnummer: "1".repeat(21), telefoonnummer: "0909-123456", emailadres: "@" },
      }),
    ).toEqual([
      ["actorIdentificatie.emailadres", "invalid"],
      ["actorIdentificatie.telefoonnummer", "invalid"],
      ["actorIdentificatie.faxnummer", "max_length"],
      ["actorIdentificatie.functie", "invalid"],
    ]);
  });

  it("updates actorIdentificatie as a whole and follows a change of soortActor", async () => {
    const actor = await maakActor(medewerker);
    // Replaced as a whole: emailadres, not given, is cleared.
    const vervangen = await app.ok(ActorUpdateDocument, {
      uuid: actor.uuid,
      input: { actorIdentificatie: { functie: "Teamleider", telefoonnummer: "+31612345678" } },
    });
    expect(vervangen.updateActor.actorIdentificatie).toEqual({
      __typename: "Medewerker",
      functie: "Teamleider",
      emailadres: null,
      telefoonnummer: "+31612345678",
    });

    // The checks apply to the soort the actor will have
    const fout = await app.execute(ActorUpdateDocument, {
      uuid: actor.uuid,
      input: { soortActor: "GEAUTOMATISEERDE_ACTOR", actorIdentificatie: { telefoonnummer: "0201234567" } },
    });
    expect(invalidParams(fout)).toEqual([
      ["actorIdentificatie.telefoonnummer", "invalid"],
      ["actorIdentificatie.functie", "required"],
    ]);
    expect(invalidParams(await app.execute(ActorUpdateDocument, { uuid: actor.uuid, input: { naam: null, soortActor: null } }))).toEqual([
      ["naam", "required"],
      ["soortActor", "required"],
    ]);
    // nothing was written
    expect((await app.ok(ActorOpUuidDocument, { uuid: actor.uuid })).actor).toEqual(vervangen.updateActor);

    const ander = await app.ok(ActorUpdateDocument, {
      uuid: actor.uuid,
      input: { soortActor: "GEAUTOMATISEERDE_ACTOR", actorIdentificatie: { functie: "robot" } },
    });
    expect(ander.updateActor).toMatchObject({
      soortActor: "GEAUTOMATISEERDE_ACTOR",
      actorIdentificatie: { __typename: "GeautomatiseerdeActor", functie: "robot", omschrijving: null },
    });

    // A new soort without a new identificatie drops the old one.
    const zonder = await app.ok(ActorUpdateDocument, { uuid: actor.uuid, input: { soortActor: "ORGANISATORISCHE_EENHEID" } });
    expect(zonder.updateActor).toMatchObject({ soortActor: "ORGANISATORISCHE_EENHEID", actorIdentificatie: null });

    // null clears it; for a medewerker that is allowed too (the identificatie is optional)
    await app.ok(ActorUpdateDocument, {
      uuid: actor.uuid,
      input: { soortActor: "MEDEWERKER", actorIdentificatie: { functie: "KCM", telefoonnummer: "0201234567" } },
    });
    const leeg = await app.ok(ActorUpdateDocument, { uuid: actor.uuid, input: { actorIdentificatie: null } });
    expect(leeg.updateActor.actorIdentificatie).toBeNull();
  });

  it("deletes its ActorKlantcontacten and toewijzingen, while the interne taken survive", async () => {
    const actor = await maakActor(medewerker);
    const collega = await maakActor({ ...medewerker, naam: "Collega" });
    const klantcontact = await maakKlantcontact(app);
    await koppelActorAanKlantcontact(app, actor.uuid, klantcontact.uuid);
    const { createInterneTaak: taak } = await app.ok(InterneTaakCreateDocument, {
      input: {
        gevraagdeHandeling: "Terugbellen",
        aanleidinggevendKlantcontact: klantcontact.uuid,
        toegewezenAanActoren: [actor.uuid, collega.uuid],
        status: "TE_VERWERKEN",
      },
    });
    const { createInterneTaak: alleenActor } = await app.ok(InterneTaakCreateDocument, {
      input: {
        gevraagdeHandeling: "Mailen",
        aanleidinggevendKlantcontact: klantcontact.uuid,
        toegewezenAanActoren: [actor.uuid],
        status: "TE_VERWERKEN",
      },
    });
    expect(await rows(app, ActorKlantcontact, { actor: { uuid: actor.uuid } })).toBe(1);

    await app.ok(ActorDeleteDocument, { uuid: actor.uuid });

    expect(await rows(app, ActorKlantcontact, { actor: { uuid: actor.uuid } })).toBe(0);
    const na = (await app.ok(InterneTaakOpUuidDocument, { uuid: taak.uuid })).interneTaak;
    expect(na?.toegewezenAanActoren.map((a) => a.uuid)).toEqual([collega.uuid]);
    expect(na?.toegewezenAanActor?.uuid).toBe(collega.uuid);
    const zonderActoren = (await app.ok(InterneTaakOpUuidDocument, { uuid: alleenActor.uuid })).interneTaak;
    expect(zonderActoren).toMatchObject({ toegewezenAanActoren: [], toegewezenAanActor: null });
    expect((await app.ok(ActorOpUuidDocument, { uuid: collega.uuid })).actor).not.toBeNull();
  });
});

describe("actoren", () => {
  const namen: string[] = [];
  beforeAll(async () => {
    const fixtures: ActorInput[] = [
      {
        naam: "Anna Bakker (lijst)",
        soortActor: "MEDEWERKER",
        actoridentificator: { objectId: "1", codeObjecttype: "mdw", codeRegister: "obj", codeSoortObjectId: "idf" },
      },
      {
        naam: "Bert Bakker (lijst)",
        soortActor: "MEDEWERKER",
        indicatieActief: false,
        actoridentificator: { objectId: "2", codeObjecttype: "mdw", codeRegister: "obj", codeSoortObjectId: "idf" },
      },
      {
        naam: "Afdeling Belastingen (lijst)",
        soortActor: "ORGANISATORISCHE_EENHEID",
        actoridentificator: { objectId: "1", codeObjecttype: "afd", codeRegister: "obj", codeSoortObjectId: "idf" },
      },
      {
        naam: "Formulierenbot (lijst)",
        soortActor: "GEAUTOMATISEERDE_ACTOR",
        actoridentificator: { objectId: "2", codeObjecttype: "afd", codeRegister: "obj", codeSoortObjectId: "idf" },
      },
      { naam: "Zoë Zeeman (lijst)", soortActor: "MEDEWERKER" },
    ];
    for (const input of fixtures) namen.push((await maakActor(input)).naam);
  });

  async function zoek(filter: ActorFilter) {
    const { actoren } = await app.ok(ActorLijstDocument, { filter, first: 100 });
    return actoren.edges.map((e) => e.node.naam);
  }

  it("filters on naam (contains, case-insensitive), soortActor and indicatieActief", async () => {
    expect(await zoek({ naam: "bakker" })).toEqual(["Bert Bakker (lijst)", "Anna Bakker (lijst)"]);
    expect(await zoek({ naam: "BELAST" })).toEqual(["Afdeling Belastingen (lijst)"]);
    expect(await zoek({ naam: "(LIJST)", soortActor: "GEAUTOMATISEERDE_ACTOR" })).toEqual(["Formulierenbot (lijst)"]);
    expect(await zoek({ naam: "bakker", indicatieActief: true })).toEqual(["Anna Bakker (lijst)"]);
    expect(await zoek({ naam: "bakker", indicatieActief: false })).toEqual(["Bert Bakker (lijst)"]);
  });

  it("filters on actoridentificator, every given part on the same actor", async () => {
    expect(
      await zoek({ actoridentificator: { objectId: "1", codeObjecttype: "mdw", codeRegister: "obj", codeSoortObjectId: "idf" } }),
    ).toEqual(["Anna Bakker (lijst)"]);
    expect(await zoek({ actoridentificator: { objectId: "2" } })).toEqual(["Formulierenbot (lijst)", "Bert Bakker (lijst)"]);
    // objectId 1 and codeObjecttype afd exist, on different actors than objectId 2 / mdw
    expect(await zoek({ actoridentificator: { objectId: "2", codeObjecttype: "afd" } })).toEqual(["Formulierenbot (lijst)"]);
    expect(await zoek({ actoridentificator: { objectId: "3", codeObjecttype: "mdw" } })).toEqual([]);
    expect(await zoek({ actoridentificator: { objectId: "1" }, soortActor: "MEDEWERKER", naam: "lijst" })).toEqual(["Anna Bakker (lijst)"]);
  });

  it("pages newest first with keyset cursors", async () => {
    const filter = { naam: "lijst" };
    const alle = await zoek(filter);
    const eerste = await app.ok(ActorLijstDocument, { filter, first: 2 });
    expect(eerste.actoren.edges.map((e) => e.node.naam)).toEqual(alle.slice(0, 2));
    expect(eerste.actoren.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const tweede = await app.ok(ActorLijstDocument, { filter, first: 2, after: eerste.actoren.pageInfo.endCursor });
    expect(tweede.actoren.edges.map((e) => e.node.naam)).toEqual(alle.slice(2, 4));
    expect(tweede.actoren.pageInfo.hasPreviousPage).toBe(true);
    expect(alle.slice(0, 1)).toEqual(["Zoë Zeeman (lijst)"].filter((n) => n.toLowerCase().includes("a")));
  });
});

describe("Actor as a federation entity", () => {
  const query = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Actor { uuid naam actorIdentificatie { __typename } } }
  }`;

  it("resolves references in one batch: 2 and 10 actors cost the same statements", async () => {
    const uuids: string[] = [];
    for (let i = 0; i < 10; i++) uuids.push((await maakActor({ ...medewerker, naam: `Ref ${i}` })).uuid);
    const representations = (list: string[]) => list.map((uuid) => ({ __typename: "Actor", uuid }));
    const twee = await app.countStatements(query, { representations: representations(uuids.slice(0, 2)) });
    const tien = await app.countStatements(query, { representations: representations(uuids) });
    expect(twee.count).toBe(tien.count);
    expect(twee.count).toBe(1);
    const entities = (tien.data as { _entities: Array<{ uuid: string; naam: string }> })._entities;
    expect(entities.map((e) => e.uuid)).toEqual(uuids);
    expect(entities[3].naam).toBe("Ref 3");
  });
});
