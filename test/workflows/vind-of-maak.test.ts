import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VindOfMaakActorDocument, VindOfMaakPartijDocument, type ActorInput, type VindOfMaakPartijInput } from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { dialect } from "../support/database";
import { rows } from "../support/fixtures";
import { testPrincipal } from "../support/principals";
import { SCOPES } from "../../src/auth/scopes";
import { Actor } from "../../src/opvolging/actor.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const medewerker = (objectId: string): ActorInput => ({
  naam: "Sanne Jansen",
  soortActor: "MEDEWERKER",
  actoridentificator: { objectId, codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "email" },
});

const bsn = (objectId: string): VindOfMaakPartijInput => ({
  identificator: { codeRegister: "BRP", codeObjecttype: "NATUURLIJK_PERSOON", codeSoortObjectId: "BSN", objectId },
});

const vestiging = (vestigingsnummer: string, kvkNummer: string): VindOfMaakPartijInput => ({
  identificator: { codeRegister: "HR", codeObjecttype: "VESTIGING", codeSoortObjectId: "VESTIGINGSNUMMER", objectId: vestigingsnummer },
  kvkNummer,
});

const zonder = (...weg: string[]) => testPrincipal(SCOPES.filter((s) => !weg.includes(s)));
const burger = (eigenBsn: string) => testPrincipal(SCOPES, { burger: { bsn: eigenBsn } });

describe("vindOfMaakActor", () => {
  it("creates the actor the first time and finds the same one afterwards", async () => {
    const first = (await app.ok(VindOfMaakActorDocument, { input: medewerker("sanne@gemeente.nl") })).vindOfMaakActor;
    expect(first).toMatchObject({ aangemaakt: true, actor: { naam: "Sanne Jansen", soortActor: "MEDEWERKER" } });
    const before = await rows(app, Actor);
    // another name: a found actor is not changed
    const again = (await app.ok(VindOfMaakActorDocument, { input: { ...medewerker("sanne@gemeente.nl"), naam: "S. Jansen" } }))
      .vindOfMaakActor;
    expect(again).toEqual({ ...first, aangemaakt: false });
    expect(await rows(app, Actor)).toBe(before);
  });

  it("requires the whole actoridentificator and writes nothing without it", async () => {
    const before = await rows(app, Actor);
    const result = await app.execute(VindOfMaakActorDocument, {
      input: {
        naam: "Afdeling Burgerzaken",
        soortActor: "ORGANISATORISCHE_EENHEID",
        actoridentificator: { objectId: "burgerzaken", codeRegister: " " },
      },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([
      ["actoridentificator.codeObjecttype", "required"],
      ["actoridentificator.codeRegister", "required"],
      ["actoridentificator.codeSoortObjectId", "required"],
    ]);
    expect(await rows(app, Actor)).toBe(before);
  });

  it("is refused without opvolging.schrijven and for a citizen's token", async () => {
    const input = medewerker("geweigerd@gemeente.nl");
    expect(errorCode(await app.execute(VindOfMaakActorDocument, { input }, { principal: zonder("opvolging.schrijven") }))).toBe(
      "FORBIDDEN",
    );
    expect(errorCode(await app.execute(VindOfMaakActorDocument, { input }, { principal: burger("999993653") }))).toBe("FORBIDDEN");
    expect(await rows(app, Actor, { actoridentificator: { objectId: "geweigerd@gemeente.nl" } })).toBe(0);
  });

  it(`gives 12 concurrent calls for one identificator the same actor, created once (${dialect})`, async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => app.ok(VindOfMaakActorDocument, { input: medewerker("race@gemeente.nl") })),
    );
    expect(new Set(results.map((r) => r.vindOfMaakActor.actor.uuid)).size).toBe(1);
    expect(results.filter((r) => r.vindOfMaakActor.aangemaakt)).toHaveLength(1);
    expect(await rows(app, Actor, { actoridentificator: { objectId: "race@gemeente.nl" } })).toBe(1);
  });
});

describe("vindOfMaakPartij", () => {
  it("creates a persoon with the BSN (and the given fields and addresses), then finds it", async () => {
    const input: VindOfMaakPartijInput = {
      ...bsn("999993653"),
      partij: {
        soortPartij: "PERSOON",
        indicatieActief: true,
        partijIdentificatie: { contactnaam: { voornaam: "Jan", achternaam: "Vries", voorvoegselAchternaam: "de" } },
        nieuweDigitaleAdressen: [{ adres: "jan@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true }],
      },
    };
    const made = (await app.ok(VindOfMaakPartijDocument, { input })).vindOfMaakPartij;
    expect(made).toMatchObject({
      aangemaakt: true,
      partij: {
        soortPartij: "PERSOON",
        bsn: "999993653",
        partijIdentificatie: { volledigeNaam: "Jan de Vries" },
        digitaleAdressen: [{ adres: "jan@example.nl", soortDigitaalAdres: "EMAIL", isStandaardAdres: true }],
      },
    });
    const found = (await app.ok(VindOfMaakPartijDocument, { input: bsn("999993653") })).vindOfMaakPartij;
    expect(found).toEqual({ ...made, aangemaakt: false });
  });

  it("makes an active persoon with only the identificator when no partij is given", async () => {
    const { vindOfMaakPartij } = await app.ok(VindOfMaakPartijDocument, { input: bsn("111222333") });
    expect(vindOfMaakPartij).toMatchObject({
      aangemaakt: true,
      partij: { soortPartij: "PERSOON", bsn: "111222333", digitaleAdressen: [] },
    });
  });

  it("finds a vestiging under its KvK-nummer, registering the KvK-nummer without partij when it is new", async () => {
    const first = (await app.ok(VindOfMaakPartijDocument, { input: vestiging("000038509504", "69599084") })).vindOfMaakPartij;
    expect(first).toMatchObject({
      aangemaakt: true,
      partij: { soortPartij: "ORGANISATIE", kvkNummer: "69599084", vestigingsnummer: "000038509504" },
    });
    expect(first.partij.partijIdentificatoren).toHaveLength(1);
    const kvk = first.partij.partijIdentificatoren[0].subIdentificatorVan!;
    expect(kvk.identificeerdePartij).toBeNull();

    // a second vestiging falls under the same KvK identificator
    const second = (await app.ok(VindOfMaakPartijDocument, { input: vestiging("000038509512", "69599084") })).vindOfMaakPartij;
    expect(second.aangemaakt).toBe(true);
    expect(second.partij.partijIdentificatoren[0].subIdentificatorVan!.uuid).toBe(kvk.uuid);
    expect((await app.ok(VindOfMaakPartijDocument, { input: vestiging("000038509504", "69599084") })).vindOfMaakPartij.partij.uuid).toBe(
      first.partij.uuid,
    );

    // the organisation itself, found by its KvK-nummer, takes over that identificator
    const kvkInput: VindOfMaakPartijInput = {
      identificator: {
        codeRegister: "HR",
        codeObjecttype: "NIET_NATUURLIJK_PERSOON",
        codeSoortObjectId: "KVK_NUMMER",
        objectId: "69599084",
      },
      partij: { soortPartij: "ORGANISATIE", indicatieActief: true, partijIdentificatie: { naam: "Bakkerij De Korenaar B.V." } },
    };
    const organisatie = (await app.ok(VindOfMaakPartijDocument, { input: kvkInput })).vindOfMaakPartij;
    expect(organisatie).toMatchObject({
      aangemaakt: true,
      partij: { kvkNummer: "69599084", partijIdentificatie: { naam: "Bakkerij De Korenaar B.V." } },
    });
    expect(await rows(app, PartijIdentificator, { codeSoortObjectId: "kvk_nummer" as never, objectId: "69599084" })).toBe(1);
    const again = (await app.ok(VindOfMaakPartijDocument, { input: vestiging("000038509504", "69599084") })).vindOfMaakPartij;
    expect(again.partij.partijIdentificatoren[0].subIdentificatorVan!.identificeerdePartij).toEqual({ uuid: organisatie.partij.uuid });
  });

  it("reports bad input at the fields the client sent, and writes nothing", async () => {
    const before = [await rows(app, Partij), await rows(app, PartijIdentificator)];
    const result = await app.execute(VindOfMaakPartijDocument, {
      input: {
        ...bsn("123456789"),
        partij: {
          soortPartij: "PERSOON",
          indicatieActief: true,
          voorkeurstaal: "nederlands",
          nieuweDigitaleAdressen: [{ adres: "geen-e-mail", soortDigitaalAdres: "EMAIL" }],
          voorkeursDigitaalAdresIndex: 3,
        },
      },
    });
    expect(invalidParams(result)).toEqual([
      ["partij.voorkeurstaal", "max_length"],
      ["identificator.objectId", "invalid"],
      ["partij.nieuweDigitaleAdressen.0.adres", "invalid"],
      ["partij.voorkeursDigitaalAdresIndex", "invalid"],
    ]);
    const zonderKvk = await app.execute(VindOfMaakPartijDocument, { input: { ...vestiging("000038509504", "x"), kvkNummer: null } });
    expect(invalidParams(zonderKvk)).toEqual([["kvkNummer", "required"]]);
    expect([await rows(app, Partij), await rows(app, PartijIdentificator)]).toEqual(before);
  });

  it("needs identificatoren.lezen; a citizen's token finds or creates only itself", async () => {
    expect(
      errorCode(await app.execute(VindOfMaakPartijDocument, { input: bsn("999990019") }, { principal: zonder("identificatoren.lezen") })),
    ).toBe("FORBIDDEN");
    expect(
      errorCode(await app.execute(VindOfMaakPartijDocument, { input: bsn("999990019") }, { principal: zonder("partijen.schrijven") })),
    ).toBe("FORBIDDEN");
    expect(errorCode(await app.execute(VindOfMaakPartijDocument, { input: bsn("999990019") }, { principal: burger("999990032") }))).toBe(
      "FORBIDDEN",
    );
    expect(await rows(app, PartijIdentificator, { objectId: "999990019" })).toBe(0);
    const eigen = burger("999990032");
    const made = (await app.ok(VindOfMaakPartijDocument, { input: bsn("999990032") }, { principal: eigen })).vindOfMaakPartij;
    expect(made).toMatchObject({ aangemaakt: true, partij: { bsn: "999990032" } });
    const found = (await app.ok(VindOfMaakPartijDocument, { input: bsn("999990032") }, { principal: eigen })).vindOfMaakPartij;
    expect(found).toMatchObject({ aangemaakt: false, partij: { uuid: made.partij.uuid } });
  });

  it(`gives 12 concurrent calls for one BSN the same partij, created once (${dialect})`, async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => app.ok(VindOfMaakPartijDocument, { input: bsn("999990044") })));
    expect(new Set(results.map((r) => r.vindOfMaakPartij.partij.uuid)).size).toBe(1);
    expect(results.filter((r) => r.vindOfMaakPartij.aangemaakt)).toHaveLength(1);
    expect(await rows(app, PartijIdentificator, { objectId: "999990044" })).toBe(1);
  });
});
