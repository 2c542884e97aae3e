import type { EventSubscriber } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MaakKlantcontactDocument } from "../generated/graphql";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { maakPartij, rows } from "../support/fixtures";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const ONBEKEND = "6a7e7f3c-4d0b-4a8e-9f0e-000000000000";
const klantcontact = { kanaal: "Webformulier", onderwerp: "Melding openbare ruimte", taal: "nld", vertrouwelijk: true };

async function counts() {
  return [await rows(app, Klantcontact), await rows(app, Betrokkene), await rows(app, Onderwerpobject)];
}

describe("maakKlantcontact", () => {
  it("creates a klantcontact with its betrokkene and onderwerpobject, linked", async () => {
    const partij = (await maakPartij(app)).uuid;
    const { maakKlantcontact } = await app.ok(MaakKlantcontactDocument, {
      input: {
        klantcontact,
        betrokkene: { rol: "KLANT", initiator: true, wasPartij: partij },
        onderwerpobject: { onderwerpobjectidentificator: { objectId: "OF-123", codeObjecttype: "formulierinzending" } },
      },
    });
    const kc = maakKlantcontact.klantcontact;
    expect(kc.onderwerp).toBe("Melding openbare ruimte");
    expect(maakKlantcontact.betrokkene).toMatchObject({
      rol: "KLANT",
      initiator: true,
      wasPartij: { uuid: partij },
      hadKlantcontact: { uuid: kc.uuid },
    });
    expect(maakKlantcontact.onderwerpobject).toMatchObject({
      klantcontact: { uuid: kc.uuid },
      onderwerpobjectidentificator: { objectId: "OF-123" },
    });
    expect(kc.hadBetrokkenen).toEqual([{ uuid: maakKlantcontact.betrokkene!.uuid }]);
    expect(kc.gingOverOnderwerpobjecten).toEqual([{ uuid: maakKlantcontact.onderwerpobject!.uuid }]);
  });

  it("creates a klantcontact alone when nothing else is given", async () => {
    const { maakKlantcontact } = await app.ok(MaakKlantcontactDocument, { input: { klantcontact } });
    expect(maakKlantcontact.betrokkene).toBeNull();
    expect(maakKlantcontact.onderwerpobject).toBeNull();
    expect(maakKlantcontact.klantcontact.hadBetrokkenen).toEqual([]);
  });

  it("reports the problems of every part with prefixed names and writes nothing", async () => {
    const before = await counts();
    const result = await app.execute(MaakKlantcontactDocument, {
      input: {
        klantcontact: { ...klantcontact, taal: "nederlands", indicatieContactGelukt: true, verdereActieOndernomen: true },
        betrokkene: { rol: "KLANT", initiator: true, wasPartij: ONBEKEND, bezoekadres: { postcode: "1234ab" } },
        onderwerpobject: { wasKlantcontact: ONBEKEND, onderwerpobjectidentificator: { objectId: "x".repeat(201) } },
      },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(invalidParams(result)).toEqual([
      ["klantcontact.taal", "max_length"],
      ["klantcontact.nonFieldErrors", "no-further-action-when-contact-succesful"],
      ["betrokkene.bezoekadres.postcode", "invalid"],
      ["betrokkene.wasPartij", "does_not_exist"],
      ["onderwerpobject.onderwerpobjectidentificator.objectId", "max_length"],
      ["onderwerpobject.wasKlantcontact", "does_not_exist"],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("writes nothing when only one part fails", async () => {
    const before = await counts();
    const result = await app.execute(MaakKlantcontactDocument, {
      input: { klantcontact, betrokkene: { rol: "KLANT", initiator: true, wasPartij: ONBEKEND } },
    });
    expect(invalidParams(result)).toEqual([["betrokkene.wasPartij", "does_not_exist"]]);
    expect(await counts()).toEqual(before);
  });

  it("checks referentienummer uniqueness under the klantcontact prefix, creating no betrokkene", async () => {
    const before = await counts();
    await app.ok(MaakKlantcontactDocument, { input: { klantcontact: { ...klantcontact, referentienummer: "777" } } });
    const dubbel = await app.execute(MaakKlantcontactDocument, {
      input: { klantcontact: { ...klantcontact, referentienummer: "777" }, betrokkene: { rol: "KLANT", initiator: true } },
    });
    expect(invalidParams(dubbel)).toEqual([["klantcontact.referentienummer", "unique"]]);
    const after = await counts();
    expect(after).toEqual([before[0] + 1, before[1], before[2]]);
  });

  it("rolls back the klantcontact already inserted when the database write of the betrokkene fails", async () => {
    // A fresh app, because MikroORM subscribers cannot be removed again.
    const fresh = await TestApp.start();
    try {
      const failing: EventSubscriber<Betrokkene> = {
        getSubscribedEntities: () => [Betrokkene],
        beforeCreate: () => {
          throw new Error("simulated failure while inserting the betrokkene");
        },
      };
      fresh.orm.em.getEventManager().registerSubscriber(failing);
      const start = fresh.statements.length;
      const result = await fresh.execute(MaakKlantcontactDocument, {
        input: { klantcontact, betrokkene: { rol: "KLANT", initiator: true } },
      });
      expect(errorCode(result)).toBe("INTERNAL_SERVER_ERROR");
      const sent = fresh.statements.slice(start).join("\n").toLowerCase();
      expect(sent).toMatch(/insert into .klantcontact./);
      expect(sent).toContain("rollback");
      expect(await rows(fresh, Klantcontact)).toBe(0);
      expect(await rows(fresh, Betrokkene)).toBe(0);
    } finally {
      await fresh.stop();
    }
  });
});
