import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DigitaalAdresCreateDocument,
  DigitaalAdresDeleteDocument,
  RekeningnummerCreateDocument,
  VoorkeurCreatePartijDocument,
  VoorkeurUpdateDigitaalAdresDocument,
  VoorkeurUpdatePartijDocument,
  VoorkeurUpdateRekeningnummerDocument,
  VoorkeurVanPartijDocument,
  VoorkeurVanPartijenDocument,
  type VoorkeurVeldenFragment,
} from "../generated/graphql";
import { dialect } from "../support/database";
import { errorCode, invalidParams, TestApp, type Result } from "../support/app";
import { iban } from "../support/fixtures";

/**
 * A partij's voorkeursDigitaalAdres and voorkeursRekeningnummer are always one of its own: an
 * answer must never go to somebody else's address. Moving an address or account to another
 * partij, or unlinking it, is a legitimate correction; it clears the voorkeur of the partij it
 * leaves (and the partij it joins does not get it as voorkeur unless asked).
 */

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

let volgnummer = 0;

/** A persoon with `adressen` e-mail addresses and `rekeningen` accounts, the first of each its voorkeur. */
async function partijMet(adressen = 2, rekeningen = 2) {
  const { createPartij } = await app.ok(VoorkeurCreatePartijDocument, { input: { soortPartij: "PERSOON", indicatieActief: true } });
  const uuid = createPartij.uuid;
  const adresUuids: string[] = [];
  for (let i = 0; i < adressen; i++) {
    const input = { verstrektDoorPartij: uuid, adres: `voorkeur${volgnummer++}@example.nl`, soortDigitaalAdres: "EMAIL" as const };
    adresUuids.push((await app.ok(DigitaalAdresCreateDocument, { input })).createDigitaalAdres.uuid);
  }
  const rekeningUuids: string[] = [];
  for (let i = 0; i < rekeningen; i++) {
    rekeningUuids.push((await app.ok(RekeningnummerCreateDocument, { input: { partij: uuid, iban: iban() } })).createRekeningnummer.uuid);
  }
  await app.ok(VoorkeurUpdatePartijDocument, {
    uuid,
    input: { voorkeursDigitaalAdres: adresUuids[0] ?? null, voorkeursRekeningnummer: rekeningUuids[0] ?? null },
  });
  return { uuid, adressen: adresUuids, rekeningen: rekeningUuids };
}

async function lees(uuid: string): Promise<VoorkeurVeldenFragment> {
  return (await app.ok(VoorkeurVanPartijDocument, { uuid })).partij!;
}

const uuids = (list: Array<{ uuid: string }>) => list.map((x) => x.uuid).sort();
const voorkeuren = (p: VoorkeurVeldenFragment) => ({
  digitaalAdres: p.voorkeursDigitaalAdres?.uuid ?? null,
  rekeningnummer: p.voorkeursRekeningnummer?.uuid ?? null,
});

/** Every partij in the database: its voorkeur (if any) is one of its own addresses and accounts. */
async function elkeVoorkeurIsEigen(): Promise<number> {
  let after: string | null | undefined;
  let checked = 0;
  for (;;) {
    const { partijen } = await app.ok(VoorkeurVanPartijenDocument, { first: 100, after });
    for (const { node } of partijen.edges) {
      if (node.voorkeursDigitaalAdres) expect(uuids(node.digitaleAdressen)).toContain(node.voorkeursDigitaalAdres.uuid);
      if (node.voorkeursRekeningnummer) expect(uuids(node.rekeningnummers)).toContain(node.voorkeursRekeningnummer.uuid);
      checked++;
    }
    if (!partijen.pageInfo.hasNextPage) return checked;
    after = partijen.pageInfo.endCursor;
  }
}

describe("voorkeursDigitaalAdres and voorkeursRekeningnummer follow their address and account", () => {
  it("createPartij that takes them over clears the voorkeur of the partij they leave", async () => {
    const p = await partijMet();
    const { createPartij } = await app.ok(VoorkeurCreatePartijDocument, {
      input: { soortPartij: "PERSOON", indicatieActief: true, digitaleAdressen: [p.adressen[0]], rekeningnummers: [p.rekeningen[0]] },
    });
    expect(uuids(createPartij.digitaleAdressen)).toEqual([p.adressen[0]]);
    // the partij that receives them does not prefer them unless it says so
    expect(voorkeuren(createPartij)).toEqual({ digitaalAdres: null, rekeningnummer: null });

    const left = await lees(p.uuid);
    expect(uuids(left.digitaleAdressen)).toEqual([p.adressen[1]]);
    expect(uuids(left.rekeningnummers)).toEqual([p.rekeningen[1]]);
    expect(voorkeuren(left)).toEqual({ digitaalAdres: null, rekeningnummer: null });
  });

  it("createPartij may make what it takes over its own voorkeur", async () => {
    const p = await partijMet();
    const { createPartij } = await app.ok(VoorkeurCreatePartijDocument, {
      input: {
        soortPartij: "PERSOON",
        indicatieActief: true,
        digitaleAdressen: p.adressen,
        voorkeursDigitaalAdres: p.adressen[0],
        rekeningnummers: p.rekeningen,
        voorkeursRekeningnummer: p.rekeningen[1],
      },
    });
    expect(voorkeuren(createPartij)).toEqual({ digitaalAdres: p.adressen[0], rekeningnummer: p.rekeningen[1] });
    const left = await lees(p.uuid);
    expect(left).toMatchObject({ digitaleAdressen: [], rekeningnummers: [], voorkeursDigitaalAdres: null, voorkeursRekeningnummer: null });
  });

  it("updatePartij that takes them over clears the other partij's voorkeur, and keeps its own", async () => {
    const p = await partijMet();
    const q = await partijMet(1, 1);
    const { updatePartij } = await app.ok(VoorkeurUpdatePartijDocument, {
      uuid: q.uuid,
      input: { digitaleAdressen: [...q.adressen, p.adressen[0]], rekeningnummers: [...q.rekeningen, p.rekeningen[0]] },
    });
    expect(voorkeuren(updatePartij)).toEqual({ digitaalAdres: q.adressen[0], rekeningnummer: q.rekeningen[0] });
    expect(voorkeuren(await lees(p.uuid))).toEqual({ digitaalAdres: null, rekeningnummer: null });

    // and may prefer what it took over, in the same request
    const again = await app.ok(VoorkeurUpdatePartijDocument, {
      uuid: q.uuid,
      input: { digitaleAdressen: [p.adressen[1]], voorkeursDigitaalAdres: p.adressen[1] },
    });
    expect(voorkeuren(again.updatePartij).digitaalAdres).toBe(p.adressen[1]);
    expect(uuids((await lees(p.uuid)).digitaleAdressen)).toEqual([]);
    expect(await elkeVoorkeurIsEigen()).toBeGreaterThan(0);
  });

  it("updatePartij that leaves its voorkeur out of the list clears it", async () => {
    const p = await partijMet();
    const { updatePartij } = await app.ok(VoorkeurUpdatePartijDocument, {
      uuid: p.uuid,
      input: { digitaleAdressen: [p.adressen[1]], rekeningnummers: [] },
    });
    expect(voorkeuren(updatePartij)).toEqual({ digitaalAdres: null, rekeningnummer: null });
  });

  it("updatePartij that lists its voorkeur again keeps it", async () => {
    const p = await partijMet();
    const { updatePartij } = await app.ok(VoorkeurUpdatePartijDocument, {
      uuid: p.uuid,
      input: { digitaleAdressen: [...p.adressen].reverse(), rekeningnummers: p.rekeningen },
    });
    expect(voorkeuren(updatePartij)).toEqual({ digitaalAdres: p.adressen[0], rekeningnummer: p.rekeningen[0] });
  });

  it("updateDigitaalAdres moving the address to another partij clears the voorkeur it leaves; moving back does not restore it", async () => {
    const p = await partijMet();
    const q = await partijMet(1, 0);
    const moved = await app.ok(VoorkeurUpdateDigitaalAdresDocument, { uuid: p.adressen[0], input: { verstrektDoorPartij: q.uuid } });
    // q keeps its own voorkeur; the address came as an address, not as q's voorkeur
    expect(moved.updateDigitaalAdres.verstrektDoorPartij).toMatchObject({ uuid: q.uuid, voorkeursDigitaalAdres: { uuid: q.adressen[0] } });
    expect(uuids(moved.updateDigitaalAdres.verstrektDoorPartij!.digitaleAdressen)).toEqual([...q.adressen, p.adressen[0]].sort());
    expect(voorkeuren(await lees(p.uuid)).digitaalAdres).toBeNull();

    await app.ok(VoorkeurUpdateDigitaalAdresDocument, { uuid: p.adressen[0], input: { verstrektDoorPartij: p.uuid } });
    expect(voorkeuren(await lees(p.uuid)).digitaalAdres).toBeNull();
    expect(voorkeuren(await lees(q.uuid)).digitaalAdres).toBe(q.adressen[0]);
  });

  it("updateDigitaalAdres unlinking the address clears the voorkeur", async () => {
    const p = await partijMet();
    const unlinked = await app.ok(VoorkeurUpdateDigitaalAdresDocument, { uuid: p.adressen[0], input: { verstrektDoorPartij: null } });
    expect(unlinked.updateDigitaalAdres.verstrektDoorPartij).toBeNull();
    expect(voorkeuren(await lees(p.uuid)).digitaalAdres).toBeNull();
  });

  it("updateDigitaalAdres that keeps the address at its partij keeps the voorkeur", async () => {
    const p = await partijMet();
    await app.ok(VoorkeurUpdateDigitaalAdresDocument, { uuid: p.adressen[0], input: { omschrijving: "Privé", isStandaardAdres: true } });
    await app.ok(VoorkeurUpdateDigitaalAdresDocument, { uuid: p.adressen[0], input: { verstrektDoorPartij: p.uuid } });
    expect(voorkeuren(await lees(p.uuid)).digitaalAdres).toBe(p.adressen[0]);
  });

  it("deleteDigitaalAdres clears the voorkeur and leaves the partij", async () => {
    const p = await partijMet();
    await app.ok(DigitaalAdresDeleteDocument, { uuid: p.adressen[0] });
    expect(voorkeuren(await lees(p.uuid))).toEqual({ digitaalAdres: null, rekeningnummer: p.rekeningen[0] });
  });

  it("updateRekeningnummer moving or unlinking the account clears the voorkeur it leaves", async () => {
    const p = await partijMet(0, 2);
    const q = await partijMet(0, 1);
    const moved = await app.ok(VoorkeurUpdateRekeningnummerDocument, { uuid: p.rekeningen[0], input: { partij: q.uuid } });
    expect(moved.updateRekeningnummer.partij).toMatchObject({ uuid: q.uuid, voorkeursRekeningnummer: { uuid: q.rekeningen[0] } });
    expect(voorkeuren(await lees(p.uuid)).rekeningnummer).toBeNull();

    await app.ok(VoorkeurUpdatePartijDocument, { uuid: p.uuid, input: { voorkeursRekeningnummer: p.rekeningen[1] } });
    const unlinked = await app.ok(VoorkeurUpdateRekeningnummerDocument, { uuid: p.rekeningen[1], input: { partij: null } });
    expect(unlinked.updateRekeningnummer.partij).toBeNull();
    expect(voorkeuren(await lees(p.uuid)).rekeningnummer).toBeNull();

    // an update that keeps the account at its partij keeps the voorkeur
    await app.ok(VoorkeurUpdateRekeningnummerDocument, { uuid: q.rekeningen[0], input: { bic: "ABNANL2A", partij: q.uuid } });
    expect(voorkeuren(await lees(q.uuid)).rekeningnummer).toBe(q.rekeningen[0]);
  });

  it("a voorkeur is chosen among the partij's own only, and a new one replaces the old", async () => {
    const p = await partijMet();
    const q = await partijMet();
    const refused = await app.execute(VoorkeurUpdatePartijDocument, {
      uuid: p.uuid,
      input: { voorkeursDigitaalAdres: q.adressen[0], voorkeursRekeningnummer: q.rekeningen[0] },
    });
    expect(invalidParams(refused)).toEqual([
      ["voorkeursDigitaalAdres", "invalid"],
      ["voorkeursRekeningnummer", "invalid"],
    ]);
    expect(voorkeuren(await lees(p.uuid))).toEqual({ digitaalAdres: p.adressen[0], rekeningnummer: p.rekeningen[0] });

    const { updatePartij } = await app.ok(VoorkeurUpdatePartijDocument, {
      uuid: p.uuid,
      input: { voorkeursDigitaalAdres: p.adressen[1], voorkeursRekeningnummer: p.rekeningen[1] },
    });
    expect(voorkeuren(updatePartij)).toEqual({ digitaalAdres: p.adressen[1], rekeningnummer: p.rekeningen[1] });
    const cleared = await app.ok(VoorkeurUpdatePartijDocument, { uuid: p.uuid, input: { voorkeursDigitaalAdres: null } });
    expect(voorkeuren(cleared.updatePartij)).toEqual({ digitaalAdres: null, rekeningnummer: p.rekeningen[1] });
  });
});

describe("concurrent moves and voorkeur choices", () => {
  /** Succeeded, or was refused because the address had just moved away: both are honest answers. */
  function honest(result: Result<unknown>): boolean {
    if (!result.errors?.length) return true;
    const params = invalidParams(result);
    return errorCode(result) === "BAD_USER_INPUT" && params.every(([name, code]) => name.startsWith("voorkeurs") && code === "invalid");
  }

  it(`never leave a partij preferring somebody else's address (${dialect})`, async () => {
    const partijen = await Promise.all([partijMet(3, 3), partijMet(3, 3), partijMet(3, 3)]);
    const adressen = partijen.flatMap((p) => p.adressen);
    const rekeningen = partijen.flatMap((p) => p.rekeningen);
    const elders = (i: number) => partijen[(i + 1) % partijen.length].uuid;
    // Each address and account is moved to another partij while every partij tries to prefer it.
    const requests: Array<Promise<Result<unknown>>> = [];
    adressen.forEach((adres, i) => {
      requests.push(app.execute(VoorkeurUpdateDigitaalAdresDocument, { uuid: adres, input: { verstrektDoorPartij: elders(i) } }));
      for (const p of partijen)
        requests.push(app.execute(VoorkeurUpdatePartijDocument, { uuid: p.uuid, input: { voorkeursDigitaalAdres: adres } }));
    });
    rekeningen.forEach((rekening, i) => {
      requests.push(app.execute(VoorkeurUpdateRekeningnummerDocument, { uuid: rekening, input: { partij: elders(i) } }));
      for (const p of partijen)
        requests.push(app.execute(VoorkeurUpdatePartijDocument, { uuid: p.uuid, input: { voorkeursRekeningnummer: rekening } }));
    });
    // and one partij takes a few of them over by relinking its lists
    requests.push(
      app.execute(VoorkeurUpdatePartijDocument, {
        uuid: partijen[0].uuid,
        input: { digitaleAdressen: adressen.slice(0, 4), rekeningnummers: rekeningen.slice(0, 4) },
      }),
    );
    const results = await Promise.all(requests);
    expect(results.filter((r) => !honest(r)).map((r) => r.errors)).toEqual([]);
    expect(await elkeVoorkeurIsEigen()).toBeGreaterThanOrEqual(3);
  });
});
