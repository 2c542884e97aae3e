import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GelijktijdigAdressenDocument,
  GelijktijdigStandaardCreateDocument,
  GelijktijdigStandaardUpdateDocument,
  type DigitaalAdresFilter,
} from "../generated/graphql";
import { dialect } from "../support/database";
import { TestApp, type Result } from "../support/app";
import { SoortDigitaalAdres } from "../../src/partijen/enums";
import { maakDigitaalAdres, maakPartij } from "../support/fixtures";

/**
 * Many requests at once that each make an address the standaard adres of one partij and soort
 * (a new one silently takes over): on PostgreSQL they really overlap (the pool has several
 * connections), on SQLite they queue for its one connection. Either way every request succeeds
 * and exactly one standaard adres per partij and soort remains: no false "Deze gegevens bestaan al".
 */

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const CREATES = 200;
const UPDATES = 50;

/** Every address that matches, all pages. */
async function adressen(filter: DigitaalAdresFilter) {
  const found: Array<{ uuid: string; soortDigitaalAdres: string; isStandaardAdres: boolean }> = [];
  let after: string | null | undefined;
  for (;;) {
    const { digitaleAdressen } = await app.ok(GelijktijdigAdressenDocument, { filter, first: 100, after });
    found.push(...digitaleAdressen.edges.map((e) => e.node));
    if (!digitaleAdressen.pageInfo.hasNextPage) return found;
    after = digitaleAdressen.pageInfo.endCursor;
  }
}

const failures = (results: Array<Result<unknown>>) => results.filter((r) => r.errors?.length).map((r) => r.errors);

describe(`concurrent standaard-adres writes (${dialect})`, () => {
  it(`${CREATES} creates and ${UPDATES} updates for one partij and soort all succeed, leaving one standaard`, async () => {
    const partij = await maakPartij(app);
    const ander = await maakPartij(app);
    // the partij's telefoonnummer standaard and another partij's e-mail standaard must stay as they are
    const telefoon = await maakDigitaalAdres(app, {
      adres: "0201234567",
      soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER,
      isStandaardAdres: true,
      verstrektDoorPartij: partij.uuid,
    });
    const andersStandaard = await maakDigitaalAdres(app, {
      adres: "ander@example.nl",
      isStandaardAdres: true,
      verstrektDoorPartij: ander.uuid,
    });
    // Each existing address is made standaard twice, so that some updates find their address
    // standaard when they read it and switched off again by the time they write.
    const bestaand = await Promise.all(
      Array.from({ length: UPDATES / 2 }, (_, i) =>
        maakDigitaalAdres(app, { adres: `bestaand${i}@example.nl`, verstrektDoorPartij: partij.uuid }),
      ),
    );

    const create = (i: number) =>
      app.execute(GelijktijdigStandaardCreateDocument, {
        input: { verstrektDoorPartij: partij.uuid, adres: `nieuw${i}@example.nl`, soortDigitaalAdres: "EMAIL", isStandaardAdres: true },
      });
    const update = (uuid: string) => app.execute(GelijktijdigStandaardUpdateDocument, { uuid, input: { isStandaardAdres: true } });
    const updated = [...bestaand, ...bestaand];
    // all sent before any answer, creates and updates interleaved so that they race each other too
    const results = await Promise.all(
      Array.from({ length: CREATES }, (_, i) => (i < UPDATES ? [create(i), update(updated[i])] : [create(i)])).flat(),
    );

    expect(failures(results)).toEqual([]);
    expect(results).toHaveLength(CREATES + UPDATES);
    for (const r of results as Array<Result<Record<string, { isStandaardAdres: boolean }>>>) {
      expect(Object.values(r.data!)[0].isStandaardAdres).toBe(true);
    }

    const all = await adressen({ verstrektDoorPartij: partij.uuid });
    expect(all).toHaveLength(CREATES + UPDATES / 2 + 1);
    const standaard = all.filter((a) => a.isStandaardAdres);
    expect(standaard.map((a) => a.soortDigitaalAdres).sort()).toEqual(["EMAIL", "TELEFOONNUMMER"]);
    expect(standaard.find((a) => a.soortDigitaalAdres === "TELEFOONNUMMER")?.uuid).toBe(telefoon);
    expect((await adressen({ verstrektDoorPartij: ander.uuid, isStandaardAdres: true })).map((a) => a.uuid)).toEqual([andersStandaard]);
  });
});
