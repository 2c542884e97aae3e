import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { betrokkeneHash } from "../../src/audit/audit-hash";
import { AuditRecord } from "../../src/audit/audit-record.entity";
import { AuditSoort } from "../../src/audit/enums";
import type { BurgerBinding, Principal } from "../../src/auth/principal";
import { SCOPES, type Scope } from "../../src/auth/scopes";
import { Partij } from "../../src/partijen/partij.entity";
import { TestApp, type Result } from "../support/app";
import { elfproefNummer, exists, identificator, kvkNummer, maakBetrokkene, vestigingsnummer } from "../support/fixtures";
import { testPrincipal } from "../support/principals";

/**
 * The access rules of the partijen area (issue 7): area scopes, identificator values, geheimhouding
 * and citizen-bound tokens, each through a root field, through `_entities` and through a relation.
 */

let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const zonder = (...weg: Scope[]): Principal => testPrincipal(SCOPES.filter((s) => !weg.includes(s)));
const burger = (binding: BurgerBinding, ...weg: Scope[]): Principal =>
  testPrincipal(
    SCOPES.filter((s) => !weg.includes(s)),
    { burger: binding },
  );

const codes = (result: Result<unknown>) => (result.errors ?? []).map((e) => e.extensions?.code);

/**
 * Runs as `principal` and returns the result and the number of SQL statements it sent; `TData` is
 * what the query selects, where a test reads into it.
 */
async function als<TData = Record<string, unknown>>(principal: Principal, query: string, variables: Record<string, unknown> = {}) {
  const before = app.statements.length;
  const result = await app.execute(query, variables, { principal });
  return { result, statements: app.statements.length - before, data: result.data as TData };
}

/** The answer of a mutation that selects only the uuid of what it made. */
type Gemaakt<K extends string> = Record<K, { uuid: string }>;
/** The answer of a list field (a connection) with the given selection of its nodes. */
type Lijst<K extends string, TNode> = Record<K, { edges: Array<{ node: TNode }> }>;

interface Persoon {
  uuid: string;
  bsn: string;
  adres: string;
}

/** A persoon with a BSN and an e-mail adres, made by a client with every scope. */
async function maakPersoon(velden: { geheim?: boolean; interneNotitie?: string } = {}): Promise<Persoon> {
  const bsn = elfproefNummer();
  const { createPartij } = await app.ok<Gemaakt<"createPartij">, Record<string, unknown>>(
    `mutation($input: PartijInput!) { createPartij(input: $input) { uuid } }`,
    {
      input: {
        soortPartij: "PERSOON",
        indicatieActief: true,
        indicatieGeheimhouding: velden.geheim ?? false,
        interneNotitie: velden.interneNotitie ?? "",
        partijIdentificatoren: [{ partijIdentificator: identificator.bsn(bsn) }],
      },
    },
  );
  const { createDigitaalAdres } = await app.ok<Gemaakt<"createDigitaalAdres">, Record<string, unknown>>(
    `mutation($input: DigitaalAdresInput!) { createDigitaalAdres(input: $input) { uuid } }`,
    { input: { adres: `${bsn}@example.nl`, soortDigitaalAdres: "EMAIL", verstrektDoorPartij: createPartij.uuid } },
  );
  return { uuid: createPartij.uuid, bsn, adres: createDigitaalAdres.uuid };
}

const PARTIJ = `query($uuid: ID!) { partij(uuid: $uuid) { uuid interneNotitie bsn kvkNummer vestigingsnummer rsin
  partijIdentificatoren { uuid partijIdentificator { codeSoortObjectId objectId } } digitaleAdressen { uuid } } }`;
/** What PARTIJ selects. */
interface PartijAntwoord {
  partij: {
    uuid: string;
    interneNotitie: string;
    bsn: string | null;
    kvkNummer: string | null;
    vestigingsnummer: string | null;
    rsin: string | null;
    partijIdentificatoren: Array<{ uuid: string; partijIdentificator: { codeSoortObjectId: string | null; objectId: string | null } }>;
    digitaleAdressen: Array<{ uuid: string }>;
  } | null;
}
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Partij { uuid bsn } ... on DigitaalAdres { uuid } } }`;
const partijRef = (uuid: string) => ({ __typename: "Partij", uuid });
const ADRES = `query($uuid: ID!) { digitaalAdres(uuid: $uuid) { uuid verstrektDoorPartij { uuid } } }`;

let gewoon: Persoon;
let geheim: Persoon;
let vertegenwoordiging: string;
beforeAll(async () => {
  gewoon = await maakPersoon({ interneNotitie: "Belt liever 's ochtends" });
  geheim = await maakPersoon({ geheim: true });
  const { createVertegenwoordiging } = await app.ok<Gemaakt<"createVertegenwoordiging">, Record<string, unknown>>(
    `mutation($input: VertegenwoordigingInput!) { createVertegenwoordiging(input: $input) { uuid } }`,
    { input: { vertegenwoordigendePartij: gewoon.uuid, vertegenwoordigdePartij: geheim.uuid } },
  );
  vertegenwoordiging = createVertegenwoordiging.uuid;
});

describe("partijen.lezen", () => {
  const weigert = zonder("partijen.lezen");

  it("is needed for every root field of the area, refused before any SQL", async () => {
    for (const [query, variables] of [
      [PARTIJ, { uuid: gewoon.uuid }],
      [`{ partijen { edges { node { uuid } } } }`, {}],
      [ADRES, { uuid: gewoon.adres }],
      [`{ digitaleAdressen { edges { node { uuid } } } }`, {}],
      [`{ partijIdentificatoren { edges { node { uuid } } } }`, {}],
      [`{ rekeningnummers { edges { node { uuid } } } }`, {}],
      [`{ vertegenwoordigingen { edges { node { uuid } } } }`, {}],
      [`{ categorieen { edges { node { uuid } } } }`, {}],
      [`{ categorieRelaties { edges { node { uuid } } } }`, {}],
    ] as const) {
      const { result, statements } = await als(weigert, query, variables);
      expect(codes(result), query).toEqual(["FORBIDDEN"]);
      expect(statements, query).toBe(0);
    }
  });

  it("is needed for partijen and adressen asked through _entities", async () => {
    const { result, statements } = await als(weigert, ENTITIES, {
      r: [partijRef(gewoon.uuid), { __typename: "DigitaalAdres", uuid: gewoon.adres }],
    });
    expect(codes(result)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect((result.data as { _entities: unknown[] })._entities).toEqual([null, null]);
    expect(statements).toBe(0);
  });

  it("is needed for a relation into the area: Betrokkene.digitaleAdressen refuses that field only", async () => {
    const betrokkene = await maakBetrokkene(app, { wasPartij: gewoon.uuid });
    const { result } = await als(weigert, `query($uuid: ID!) { betrokkene(uuid: $uuid) { uuid digitaleAdressen { uuid } } }`, {
      uuid: betrokkene.uuid,
    });
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(result.errors?.[0].path).toEqual(["betrokkene", "digitaleAdressen"]);
  });
});

describe("partijen.schrijven and partijen.verwijderen", () => {
  it("refuse creating, changing and deleting without the scope, and write nothing", async () => {
    const partijenVoor = await app.orm.em.fork().count(Partij, {});
    const schrijven = zonder("partijen.schrijven");
    for (const [query, variables] of [
      [`mutation { createPartij(input: { soortPartij: PERSOON, indicatieActief: true }) { uuid } }`, {}],
      [`mutation($uuid: ID!) { updatePartij(uuid: $uuid, input: { interneNotitie: "x" }) { uuid } }`, { uuid: gewoon.uuid }],
      [
        `mutation($p: ID!) { createDigitaalAdres(input: { adres: "a@b.nl", soortDigitaalAdres: EMAIL, verstrektDoorPartij: $p }) { uuid } }`,
        { p: gewoon.uuid },
      ],
      [`mutation { createCategorie(input: { naam: "x" }) { uuid } }`, {}],
    ] as const) {
      const { result, statements } = await als(schrijven, query, variables);
      expect(codes(result), query).toEqual(["FORBIDDEN"]);
      expect(statements, query).toBe(0);
    }
    const verwijderen = zonder("partijen.verwijderen");
    for (const [query, variables] of [
      [`mutation($uuid: ID!) { deletePartij(uuid: $uuid) }`, { uuid: gewoon.uuid }],
      [`mutation($uuid: ID!) { deleteDigitaalAdres(uuid: $uuid) }`, { uuid: gewoon.adres }],
      [`mutation($uuid: ID!) { deleteVertegenwoordiging(uuid: $uuid) }`, { uuid: vertegenwoordiging }],
    ] as const) {
      const { result, statements } = await als(verwijderen, query, variables);
      expect(codes(result), query).toEqual(["FORBIDDEN"]);
      expect(statements, query).toBe(0);
    }
    expect(await app.orm.em.fork().count(Partij, {})).toBe(partijenVoor);
    expect(await exists(app, Partij, gewoon.uuid)).toBe(true);
  });
});

describe("writing without partijen.lezen", () => {
  it("needs only the write's scope: a write's own checks read what they need without the read scope", async () => {
    const schrijver = testPrincipal(["partijen.schrijven", "partijen.verwijderen", "identificatoren.lezen"]);
    const persoon = await maakPersoon();
    const update = await als(
      schrijver,
      `mutation($uuid: ID!, $bsn: String!, $adres: ID!) { updatePartij(uuid: $uuid, input: {
        interneNotitie: "bijgewerkt", voorkeursDigitaalAdres: $adres,
        partijIdentificatoren: [{ partijIdentificator: { codeRegister: BRP, codeObjecttype: NATUURLIJK_PERSOON, codeSoortObjectId: BSN, objectId: $bsn } }]
      }) { uuid interneNotitie } }`,
      { uuid: persoon.uuid, bsn: elfproefNummer(), adres: persoon.adres },
    );
    expect(update.result.errors).toBeUndefined();
    expect(update.data.updatePartij).toEqual({ uuid: persoon.uuid, interneNotitie: "bijgewerkt" });
    // a relation of the answer is a read, and needs the read scope
    const metRelatie = await als(schrijver, `mutation($uuid: ID!) { updatePartij(uuid: $uuid, input: {}) { digitaleAdressen { uuid } } }`, {
      uuid: persoon.uuid,
    });
    expect(codes(metRelatie.result)).toEqual(["FORBIDDEN"]);
    const weg = await als(schrijver, `mutation($uuid: ID!) { deletePartij(uuid: $uuid) }`, { uuid: persoon.uuid });
    expect(weg.data).toEqual({ deletePartij: persoon.uuid });
    expect(await exists(app, Partij, persoon.uuid)).toBe(false);
  });
});

describe("identificatoren.lezen", () => {
  const weigert = zonder("identificatoren.lezen");

  it("without it the identificator values answer null, through the root field and through _entities", async () => {
    const { data } = await als<PartijAntwoord>(weigert, PARTIJ, { uuid: gewoon.uuid });
    expect(data.partij).toMatchObject({ uuid: gewoon.uuid, bsn: null, kvkNummer: null, vestigingsnummer: null, rsin: null });
    expect(data.partij!.partijIdentificatoren).toEqual([
      { uuid: expect.any(String), partijIdentificator: { codeSoortObjectId: "BSN", objectId: null } },
    ]);
    const entities = await als(weigert, ENTITIES, { r: [partijRef(gewoon.uuid)] });
    expect(entities.data._entities).toEqual([{ uuid: gewoon.uuid, bsn: null }]);

    const metScope = await als<PartijAntwoord>(testPrincipal(), PARTIJ, { uuid: gewoon.uuid });
    expect(metScope.data.partij!.bsn).toBe(gewoon.bsn);
    expect(metScope.data.partij!.partijIdentificatoren[0].partijIdentificator.objectId).toBe(gewoon.bsn);
  });

  it("without it a filter on an identificator value is refused before SQL, so it cannot tell who is registered", async () => {
    for (const [query, variables] of [
      [
        `query($bsn: String!) { partijen(filter: { partijIdentificator: { objectId: $bsn } }) { edges { node { uuid } } } }`,
        { bsn: gewoon.bsn },
      ],
      [
        `query($bsn: String!) { partijen(filter: { subIdentificatorVan: { objectId: $bsn } }) { edges { node { uuid } } } }`,
        { bsn: gewoon.bsn },
      ],
      [`query($bsn: String!) { partijIdentificatoren(filter: { objectId: $bsn }) { edges { node { uuid } } } }`, { bsn: gewoon.bsn }],
      [
        `query($bsn: String!) { digitaleAdressen(filter: { verstrektDoorPartijIdentificator: { objectId: $bsn } }) { edges { node { uuid } } } }`,
        { bsn: gewoon.bsn },
      ],
    ] as const) {
      const { result, statements } = await als(weigert, query, variables);
      expect(codes(result), query).toEqual(["FORBIDDEN"]);
      expect(statements, query).toBe(0);
    }
    // a filter on the codes only is allowed
    const { result } = await als(
      weigert,
      `{ partijen(filter: { partijIdentificator: { codeSoortObjectId: BSN } }) { edges { node { uuid } } } }`,
    );
    expect(result.errors).toBeUndefined();
  });

  it("is needed to write identificatoren: their uniqueness check would tell whether a BSN is registered", async () => {
    const { result, statements } = await als(
      weigert,
      `mutation($input: PartijIdentificatorInput!) { createPartijIdentificator(input: $input) { uuid } }`,
      { input: { partijIdentificator: identificator.bsn(gewoon.bsn) } },
    );
    expect(codes(result)).toEqual(["FORBIDDEN"]);
    expect(statements).toBe(0);
  });
});

describe("geheimhouding.lezen", () => {
  const weigert = zonder("geheimhouding.lezen");

  it("without it a partij with indicatieGeheimhouding is absent: by uuid, in lists, through _entities", async () => {
    expect((await als(weigert, PARTIJ, { uuid: geheim.uuid })).data.partij).toBeNull();
    const lijst = await als<Lijst<"partijen", { uuid: string }>>(weigert, `{ partijen(first: 100) { edges { node { uuid } } } }`);
    const uuids = lijst.data.partijen.edges.map((e) => e.node.uuid);
    expect(uuids).toContain(gewoon.uuid);
    expect(uuids).not.toContain(geheim.uuid);
    const entities = await als(weigert, ENTITIES, { r: [partijRef(geheim.uuid), partijRef(gewoon.uuid)] });
    expect(entities.result.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([null, { uuid: gewoon.uuid, bsn: gewoon.bsn }]);
  });

  it("without it what hangs under such a partij is absent too, and it cannot be named in an input", async () => {
    expect((await als(weigert, ADRES, { uuid: geheim.adres })).data.digitaalAdres).toBeNull();
    const vertegenwoordigd = await als(
      weigert,
      `query($uuid: ID!) { partij(uuid: $uuid) { vertegenwoordigden { uuid } } vertegenwoordiging(uuid: "${vertegenwoordiging}") { uuid } }`,
      { uuid: gewoon.uuid },
    );
    expect(vertegenwoordigd.data).toEqual({ partij: { vertegenwoordigden: [] }, vertegenwoordiging: null });
    const identificatoren = await als<Lijst<"partijIdentificatoren", { identificeerdePartij: { uuid: string } | null }>>(
      weigert,
      `{ partijIdentificatoren(first: 100) { edges { node { identificeerdePartij { uuid } } } } }`,
    );
    expect(identificatoren.data.partijIdentificatoren.edges.map((e) => e.node.identificeerdePartij?.uuid)).not.toContain(geheim.uuid);

    const { result } = await als(
      weigert,
      `mutation($p: ID!) { createDigitaalAdres(input: { adres: "x@example.nl", soortDigitaalAdres: EMAIL, verstrektDoorPartij: $p }) { uuid } }`,
      { p: geheim.uuid },
    );
    expect(result.errors?.[0].extensions?.invalidParams).toEqual([
      { name: "verstrektDoorPartij", code: "does_not_exist", reason: `Partij object met uuid ${geheim.uuid} bestaat niet.` },
    ]);

    const metScope = await als(testPrincipal(), ADRES, { uuid: geheim.adres });
    expect(metScope.data.digitaalAdres).toEqual({ uuid: geheim.adres, verstrektDoorPartij: { uuid: geheim.uuid } });
  });
});

describe("a citizen-bound token", () => {
  let zelf: Persoon;
  let ander: Persoon;
  let token: Principal;
  beforeAll(async () => {
    zelf = await maakPersoon({ interneNotitie: "Alleen voor medewerkers" });
    ander = await maakPersoon();
    token = burger({ bsn: zelf.bsn });
  });

  it("sees its own partij, without the internal note, and none other: by uuid, in lists, through _entities", async () => {
    const eigen = await als(token, PARTIJ, { uuid: zelf.uuid });
    expect(eigen.data.partij).toMatchObject({
      uuid: zelf.uuid,
      interneNotitie: "",
      bsn: zelf.bsn,
      digitaleAdressen: [{ uuid: zelf.adres }],
    });
    expect((await als(token, PARTIJ, { uuid: ander.uuid })).data.partij).toBeNull();
    const lijst = await als<Lijst<"partijen", { uuid: string }>>(token, `{ partijen(first: 100) { edges { node { uuid } } } }`);
    expect(lijst.data.partijen.edges).toEqual([{ node: { uuid: zelf.uuid } }]);
    const entities = await als(token, ENTITIES, {
      r: [partijRef(ander.uuid), partijRef(zelf.uuid), { __typename: "DigitaalAdres", uuid: ander.adres }],
    });
    expect(entities.data._entities).toEqual([null, { uuid: zelf.uuid, bsn: zelf.bsn }, null]);
  });

  it("sees no other partij's adressen, identificatoren, vertegenwoordigingen or categorieen", async () => {
    expect((await als(token, ADRES, { uuid: ander.adres })).data.digitaalAdres).toBeNull();
    const adressen = await als<Lijst<"digitaleAdressen", { uuid: string }>>(
      token,
      `{ digitaleAdressen(first: 100) { edges { node { uuid } } } }`,
    );
    expect(adressen.data.digitaleAdressen.edges).toEqual([{ node: { uuid: zelf.adres } }]);
    const overig = await als(
      token,
      `{ partijIdentificatoren(first: 100) { edges { node { identificeerdePartij { uuid } } } }
         vertegenwoordigingen { edges { node { uuid } } } categorieen { edges { node { uuid } } } }`,
    );
    expect(overig.data).toEqual({
      partijIdentificatoren: { edges: [{ node: { identificeerdePartij: { uuid: zelf.uuid } } }] },
      vertegenwoordigingen: { edges: [] },
      categorieen: { edges: [] },
    });
  });

  it("a company token (KvK-nummer and vestigingsnummer) sees that vestiging only", async () => {
    const kvk = kvkNummer();
    const nummer = vestigingsnummer();
    const maak = async (items: unknown[]) =>
      (
        await app.ok<Gemaakt<"createPartij">, Record<string, unknown>>(
          `mutation($input: PartijInput!) { createPartij(input: $input) { uuid } }`,
          {
            input: { soortPartij: "ORGANISATIE", indicatieActief: true, partijIdentificatoren: items },
          },
        )
      ).createPartij.uuid as string;
    const hoofd = await maak([{ partijIdentificator: identificator.kvk(kvk) }]);
    const kvkRij = (await als<PartijAntwoord>(testPrincipal(), PARTIJ, { uuid: hoofd })).data.partij!.partijIdentificatoren[0].uuid;
    const filiaal = await maak([{ partijIdentificator: identificator.vestiging(nummer), subIdentificatorVan: kvkRij }]);

    const vestigingToken = burger({ kvkNummer: kvk, vestigingsnummer: nummer });
    const lijst = await als<Lijst<"partijen", { uuid: string }>>(vestigingToken, `{ partijen(first: 100) { edges { node { uuid } } } }`);
    expect(lijst.data.partijen.edges).toEqual([{ node: { uuid: filiaal } }]);
    const bedrijfToken = burger({ kvkNummer: kvk });
    expect(
      (await als<Lijst<"partijen", { uuid: string }>>(bedrijfToken, `{ partijen(first: 100) { edges { node { uuid } } } }`)).data.partijen
        .edges,
    ).toEqual([{ node: { uuid: hoofd } }]);
  });

  it("may keep its own digitale adressen, and nobody else's", async () => {
    const create = `mutation($input: DigitaalAdresInput!) { createDigitaalAdres(input: $input) { uuid verstrektDoorPartij { uuid } } }`;
    const gemaakt = await als<{ createDigitaalAdres: { uuid: string; verstrektDoorPartij: { uuid: string } | null } }>(token, create, {
      input: { adres: `nieuw-${zelf.bsn}@example.nl`, soortDigitaalAdres: "EMAIL", verstrektDoorPartij: zelf.uuid },
    });
    expect(gemaakt.result.errors).toBeUndefined();
    const nieuw = gemaakt.data.createDigitaalAdres.uuid;
    expect(gemaakt.data.createDigitaalAdres.verstrektDoorPartij).toEqual({ uuid: zelf.uuid });

    const update = `mutation($uuid: ID!, $input: DigitaalAdresUpdateInput!) { updateDigitaalAdres(uuid: $uuid, input: $input) { uuid omschrijving } }`;
    expect((await als(token, update, { uuid: nieuw, input: { omschrijving: "privé" } })).data.updateDigitaalAdres).toEqual({
      uuid: nieuw,
      omschrijving: "privé",
    });
    expect(codes((await als(token, update, { uuid: nieuw, input: { verstrektDoorPartij: null } })).result)).toEqual(["FORBIDDEN"]);
    expect(codes((await als(token, update, { uuid: ander.adres, input: { omschrijving: "gekaapt" } })).result)).toEqual(["NOT_FOUND"]);

    const vanAnder = await als(token, create, {
      input: { adres: "x@example.nl", soortDigitaalAdres: "EMAIL", verstrektDoorPartij: ander.uuid },
    });
    expect(vanAnder.result.errors?.[0].extensions?.invalidParams).toEqual([
      { name: "verstrektDoorPartij", code: "does_not_exist", reason: `Partij object met uuid ${ander.uuid} bestaat niet.` },
    ]);
    expect(codes((await als(token, create, { input: { adres: "y@example.nl", soortDigitaalAdres: "EMAIL" } })).result)).toEqual([
      "FORBIDDEN",
    ]);

    const remove = `mutation($uuid: ID!) { deleteDigitaalAdres(uuid: $uuid) }`;
    expect(codes((await als(token, remove, { uuid: ander.adres })).result)).toEqual(["NOT_FOUND"]);
    expect((await als(token, remove, { uuid: nieuw })).data.deleteDigitaalAdres).toBe(nieuw);
    expect((await als(testPrincipal(), ADRES, { uuid: ander.adres })).data.digitaalAdres).not.toBeNull();
  });

  it("may make no other write in the area, not even on its own partij", async () => {
    for (const [query, variables] of [
      [`mutation { createPartij(input: { soortPartij: PERSOON, indicatieActief: true }) { uuid } }`, {}],
      [`mutation($uuid: ID!) { updatePartij(uuid: $uuid, input: { interneNotitie: "x" }) { uuid } }`, { uuid: zelf.uuid }],
      [`mutation($uuid: ID!) { deletePartij(uuid: $uuid) }`, { uuid: zelf.uuid }],
      [`mutation($p: ID!) { createRekeningnummer(input: { partij: $p, iban: "NL91ABNA0417164300" }) { uuid } }`, { p: zelf.uuid }],
      [`mutation { createCategorie(input: { naam: "x" }) { uuid } }`, {}],
    ] as const) {
      const { result, statements } = await als(token, query, variables);
      expect(codes(result), query).toEqual(["FORBIDDEN"]);
      expect(statements, query).toBe(0);
    }
    expect(await exists(app, Partij, zelf.uuid)).toBe(true);
  });
});

describe("the audit log", () => {
  it("records the partij of every row read, by its BSN: root field, relation and _entities alike", async () => {
    const persoon = await maakPersoon();
    const hash = betrokkeneHash({ bsn: persoon.bsn }, app.config.audit.hashKey);
    const records = () => app.orm.em.fork().count(AuditRecord, { betrokkeneHash: hash, soort: AuditSoort.LEZEN });
    const voor = await records();
    await als(testPrincipal(), ADRES, { uuid: persoon.adres });
    expect(await records()).toBe(voor + 1);
    await als(testPrincipal(), ENTITIES, { r: [partijRef(persoon.uuid)] });
    expect(await records()).toBe(voor + 2);
    // nothing is recorded for what the request may not see
    await als(burger({ bsn: elfproefNummer() }), ADRES, { uuid: persoon.adres });
    expect(await records()).toBe(voor + 2);
  });

  it("records writes by the partij they change: SCHRIJVEN for an adres, VERWIJDEREN for the partij, by its BSN", async () => {
    const persoon = await maakPersoon();
    const hash = betrokkeneHash({ bsn: persoon.bsn }, app.config.audit.hashKey);
    const soorten = async () =>
      (await app.orm.em.fork().find(AuditRecord, { betrokkeneHash: hash }, { orderBy: { id: "asc" } })).map((r) => r.soort);
    const voor = await soorten();
    expect(voor).toEqual([AuditSoort.SCHRIJVEN, AuditSoort.SCHRIJVEN]); // createPartij, createDigitaalAdres
    await als(testPrincipal(), `mutation($uuid: ID!) { updateDigitaalAdres(uuid: $uuid, input: { omschrijving: "werk" }) { uuid } }`, {
      uuid: persoon.adres,
    });
    await als(testPrincipal(), `mutation($uuid: ID!) { deletePartij(uuid: $uuid) }`, { uuid: persoon.uuid });
    expect(await soorten()).toEqual([...voor, AuditSoort.SCHRIJVEN, AuditSoort.VERWIJDEREN]);
  });
});
