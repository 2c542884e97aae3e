import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { TestApp } from "../support/app";
import { maakPartij } from "../support/fixtures";

/**
 * Partij.klantcontacten is read through the partij's betrokkenen in the order of their klantcontact,
 * which betrokkene holds as a copy kept by database triggers (migration 20261201140000): the list
 * must follow every change of a klantcontact's time and of a betrokkene's klantcontact, page without
 * gaps or repeats, and cost the same statements for 3 contacts as for 45.
 */

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const uur = (h: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, 0) + h * 3_600_000);

/** Klantcontacten at the given hours, each with the partij as betrokkene (twice for those in `dubbel`). */
async function contacten(partij: Partij, uren: number[], dubbel: number[] = [], naam = "Contact"): Promise<Klantcontact[]> {
  const em = app.orm.em.fork();
  const made = uren.map((h, i) => {
    const klantcontact = em.create(Klantcontact, {
      kanaal: "telefoon",
      onderwerp: `${naam} ${i}`,
      taal: "nld",
      vertrouwelijk: false,
      plaatsgevondenOp: uur(h),
    } as never);
    const times = dubbel.includes(i) ? 2 : 1;
    for (let t = 0; t < times; t++) {
      em.create(Betrokkene, {
        hadKlantcontact: klantcontact,
        wasPartij: em.getReference(Partij, partij.id),
        rol: Rol.KLANT,
        initiator: t === 0,
      } as never);
    }
    return klantcontact;
  });
  await em.flush();
  return made;
}

const PAGINA = `query Pagina($uuid: ID!, $first: Int, $after: String) {
  partij(uuid: $uuid) {
    klantcontacten(first: $first, after: $after) {
      edges { node { uuid onderwerp plaatsgevondenOp } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
}`;

interface Pagina {
  partij: {
    klantcontacten: {
      edges: Array<{ node: { uuid: string; onderwerp: string; plaatsgevondenOp: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number;
    };
  };
}

async function alles(partij: Partij, first: number): Promise<string[]> {
  const onderwerpen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Pagina = await app.ok<Pagina, Record<string, unknown>>(PAGINA, { uuid: partij.uuid, first, after });
    onderwerpen.push(...data.partij.klantcontacten.edges.map((e) => e.node.onderwerp));
    if (!data.partij.klantcontacten.pageInfo.hasNextPage) return onderwerpen;
    after = data.partij.klantcontacten.pageInfo.endCursor;
  }
}

describe("Partij.klantcontacten in order of plaatsgevondenOp", () => {
  it("pages through 45 contacts newest first without gaps or repeats, ties by newest record, a partij betrokken twice counted once", async () => {
    const partij = await maakPartij(app);
    // hours 0..44, with contacts 10 and 11 at the same time; the partij is betrokkene twice in contact 7
    const uren = Array.from({ length: 45 }, (_, i) => (i === 11 ? 10 : i));
    await contacten(partij, uren, [7]);
    const verwacht = uren
      .map((h, i) => ({ h, i }))
      .sort((a, b) => b.h - a.h || b.i - a.i)
      .map(({ i }) => `Contact ${i}`);
    expect(await alles(partij, 20)).toEqual(verwacht);
    expect(await alles(partij, 7)).toEqual(verwacht);
    const eerste: Pagina = await app.ok<Pagina, Record<string, unknown>>(PAGINA, { uuid: partij.uuid, first: 3 });
    expect(eerste.partij.klantcontacten.totalCount).toBe(45);
  });

  it("follows a klantcontact whose plaatsgevondenOp changes, and a betrokkene moved to another klantcontact", async () => {
    const partij = await maakPartij(app);
    const ander = await maakPartij(app);
    const [oud, midden] = await contacten(partij, [1, 2, 3]);
    const [vanAnder] = await contacten(ander, [5], [], "Ander");
    expect(await alles(partij, 20)).toEqual(["Contact 2", "Contact 1", "Contact 0"]);

    await app.ok(`mutation { updateKlantcontact(uuid: "${oud.uuid}", input: { plaatsgevondenOp: "2026-11-02T00:00:00Z" }) { uuid } }`);
    expect(await alles(partij, 20)).toEqual(["Contact 0", "Contact 2", "Contact 1"]);

    // the partij's betrokkene of the middle contact now belongs to the other partij's contact (5 h)
    const em = app.orm.em.fork();
    const betrokkene = await em.findOneOrFail(Betrokkene, { hadKlantcontact: midden.id, wasPartij: partij.id });
    await app.ok(`mutation { updateBetrokkene(uuid: "${betrokkene.uuid}", input: { hadKlantcontact: "${vanAnder.uuid}" }) { uuid } }`);
    expect(await alles(partij, 20)).toEqual(["Contact 0", "Ander 0", "Contact 2"]);
  });

  it("costs the same statements for a partij with 3 and with 45 contacts", async () => {
    const weinig = await maakPartij(app);
    const veel = await maakPartij(app);
    await contacten(weinig, [1, 2, 3]);
    await contacten(
      veel,
      Array.from({ length: 45 }, (_, i) => i),
    );
    const a = await app.countStatements(PAGINA, { uuid: weinig.uuid, first: 20 });
    const b = await app.countStatements(PAGINA, { uuid: veel.uuid, first: 20 });
    expect((a.data as Pagina).partij.klantcontacten.edges).toHaveLength(3);
    expect((b.data as Pagina).partij.klantcontacten.edges).toHaveLength(20);
    expect(b.count).toBe(a.count);
  });
});
