import type { ResultOf } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO, seedDemoData } from "../../src/database/demo-data";
import { KlantbeeldOpIdentificatorDocument, ZaakMetKlantcontactenDocument } from "../generated/supergraph";
import { RoutersOverHttp, type HttpRouter, type RouterResponse } from "../support/gateway";
import { bearer } from "../support/tokens";

/**
 * Hive Gateway as a second router beside Apollo Gateway: the same questions through both, over
 * HTTP to this subgraph as `npm start` runs it (authentication and router secret on) and to the
 * Zaak double. Each test asserts that both answers are equal AND what they must contain, so that
 * two equally wrong answers fail too.
 */
const SECRET = "router secret of thirty-two characters or more";
const SECRET_HEADER = "x-gateway-secret";

let setup: RoutersOverHttp;
beforeAll(async () => {
  setup = await RoutersOverHttp.start({
    env: { ROUTER_SECRET: SECRET, ROUTER_SECRET_HEADER: SECRET_HEADER },
    routerSecret: { header: SECRET_HEADER, value: SECRET },
  });
  await seedDemoData(setup.subgraph.orm.em.fork());
});
afterEach(() => {
  setup.zaken.down = false;
});
afterAll(() => setup?.stop());

type Klantbeeld = ResultOf<typeof KlantbeeldOpIdentificatorDocument>;
type ZaakMetKlantcontacten = ResultOf<typeof ZaakMetKlantcontactenDocument>;

/**
 * The same request through both routers, [Apollo Gateway's answer, Hive Gateway's], with the
 * Authorization header `authorization` (default: a fresh token of the test client; null: none).
 */
async function askBoth<TData>(
  query: string,
  variables: Record<string, unknown>,
  authorization?: string | null,
): Promise<Array<RouterResponse<TData> & { router: string }>> {
  const header = authorization === undefined ? (await bearer()).authorization : authorization;
  const answers = [];
  for (const router of setup.routers as HttpRouter[]) {
    answers.push({
      router: router.name,
      ...(await router.post<TData>({ query, variables }, header === null ? {} : { authorization: header })),
    });
  }
  expect(answers.map((a) => a.router)).toEqual(["Apollo Gateway", "Hive Gateway"]);
  return answers;
}

const klantbeeldOfJan = (authorization?: string | null) =>
  askBoth<Klantbeeld>(print(KlantbeeldOpIdentificatorDocument), { soort: "BSN", objectId: DEMO.bsn }, authorization);

describe("Hive Gateway and Apollo Gateway give the same answers", () => {
  it("the klantbeeld of a citizen with his zaken", async () => {
    const [apollo, hive] = await klantbeeldOfJan();
    expect(apollo.body.errors).toBeUndefined();
    expect(hive.body).toEqual(apollo.body);
    expect(hive.status).toBe(200);

    const partij = hive.body.data!.partijen.edges[0].node;
    expect(partij.partijIdentificatie).toEqual({ volledigeNaam: "Jan de Vries" });
    expect(partij.bsn).toBe(DEMO.bsn);
    expect(partij.klantcontacten.edges.map((e) => e.node.onderwerp)).toEqual(["Parkeervergunning", "Melding openbare ruimte"]);
    expect(partij.klantcontacten.edges[0].node.gingOverOnderwerpobjecten[0].zaak).toEqual({
      uuid: DEMO.zaken.parkeervergunning.uuid,
      identificatie: DEMO.zaken.parkeervergunning.identificatie,
      omschrijving: "Aanvraag parkeervergunning bewoners",
      status: { statustype: { omschrijving: "In behandeling" } },
    });
    expect(partij.klantcontacten.edges[1].node.zaken).toEqual([{ identificatie: DEMO.zaken.stoeptegel.identificatie }]);
    expect(partij.interneTaken.edges.map((e) => e.node.gevraagdeHandeling)).toEqual(["Terugbellen"]);
    expect(partij.zaken!.map((z) => z.identificatie)).toEqual([
      DEMO.zaken.parkeervergunning.identificatie,
      DEMO.zaken.stoeptegel.identificatie,
    ]);
    // The subgraph requires ROUTER_SECRET: both routers sent it (and the token) with every fetch.
    expect(setup.subgraph.logs.withMessage("request not authenticated")).toEqual([]);
  });

  it("a zaak from the Zaak subgraph with its klantcontacten and their partijen, found through _entities", async () => {
    const [apollo, hive] = await askBoth<ZaakMetKlantcontacten>(print(ZaakMetKlantcontactenDocument), {
      uuid: DEMO.zaken.parkeervergunning.uuid,
    });
    expect(apollo.body.errors).toBeUndefined();
    expect(hive.body).toEqual(apollo.body);

    const zaak = hive.body.data!.zaak!;
    expect(zaak.identificatie).toBe(DEMO.zaken.parkeervergunning.identificatie);
    expect(zaak.klantcontacten!.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        onderwerp: "Parkeervergunning",
        hadBetrokkenen: [
          {
            rol: "KLANT",
            initiator: true,
            wasPartij: expect.objectContaining({ bsn: DEMO.bsn, partijIdentificatie: { volledigeNaam: "Jan de Vries" } }),
          },
        ],
      }),
    ]);
  });

  it("with the Zaak subgraph down: the same klantbeeld with the zaak fields null, an error for them, the rest intact", async () => {
    setup.zaken.down = true;
    const [apollo, hive] = await klantbeeldOfJan();
    expect(hive.body.data).toEqual(apollo.body.data);

    const partij = hive.body.data!.partijen.edges[0].node;
    expect(partij.partijIdentificatie).toEqual({ volledigeNaam: "Jan de Vries" });
    expect(partij.digitaleAdressen.map((a) => a.adres)).toEqual(expect.arrayContaining(["jan.devries@example.nl", "0612345678"]));
    expect(partij.interneTaken.edges.map((e) => e.node.gevraagdeHandeling)).toEqual(["Terugbellen"]);
    expect(partij.klantcontacten.edges.map((e) => e.node.onderwerp)).toEqual(["Parkeervergunning", "Melding openbare ruimte"]);
    expect(partij.klantcontacten.edges[1].node.gingOverOnderwerpobjecten[0].onderwerpobjectidentificator?.objectId).toBe(
      DEMO.zaken.stoeptegel.identificatie,
    );
    expect(partij.zaken).toBeNull();
    for (const { node } of partij.klantcontacten.edges) {
      expect(node.zaken).toBeNull();
      for (const onderwerpobject of node.gingOverOnderwerpobjecten) expect(onderwerpobject.zaak).toBeNull();
    }

    // Apollo Gateway (through namingFailures) names the subgraph; Hive Gateway masks the failed
    // fetch by default, with the path of each null field, and without the subrequest (it holds the BSN).
    expect(apollo.body.errors!.length).toBeGreaterThan(0);
    for (const error of apollo.body.errors!)
      expect(error.extensions).toMatchObject({ code: "DOWNSTREAM_SERVICE_ERROR", serviceName: "zaken" });
    expect(hive.body.errors!.map((e) => e.path!.filter((p) => typeof p === "string").at(-1)).sort()).toEqual([
      "zaak",
      "zaak",
      "zaken",
      "zaken",
      "zaken",
    ]);
    for (const error of hive.body.errors!) expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(hive.body.errors)).not.toContain(DEMO.bsn);

    // Back up: the zaken are back through both.
    setup.zaken.down = false;
    const [apolloAgain, hiveAgain] = await klantbeeldOfJan();
    expect(hiveAgain.body).toEqual(apolloAgain.body);
    expect(hiveAgain.body.data!.partijen.edges[0].node.zaken).toHaveLength(2);
  });

  it("forward the caller's Authorization header: without a token, or with a forged one, the subgraph refuses (UNAUTHENTICATED) through both", async () => {
    const forged = `Bearer ${(await bearer()).authorization.slice("Bearer ".length, -2)}xx`;
    for (const authorization of [null, forged]) {
      const answers = await klantbeeldOfJan(authorization);
      for (const answer of answers) {
        expect(answer.body.data ?? null, answer.router).toBeNull();
        expect(
          answer.body.errors?.map((e) => e.extensions),
          answer.router,
        ).toEqual([expect.objectContaining({ code: "UNAUTHENTICATED", serviceName: "klantinteracties" })]);
      }
    }
    expect(setup.subgraph.logs.withMessage("request not authenticated").map((line) => line.reason)).toEqual(
      expect.arrayContaining(["missing_token", "bad_signature"]),
    );
  });
});
