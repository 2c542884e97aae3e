import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { CategorieRelatie } from "../../src/partijen/categorie-relatie.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { errorCode, invalidParams, TestApp } from "../support/app";
import { deelIn, maakDigitaalAdres, maakInterneTaak, maakKlantcontact, maakPartij, rows } from "../support/fixtures";

let app: TestApp;
let digitaalAdres: string;
let klantcontact: string;
let interneTaak: string;
let categorieRelatie: string;
beforeAll(async () => {
  app = await TestApp.start();
  const partij = await maakPartij(app);
  digitaalAdres = await maakDigitaalAdres(app, { adres: "jan@example.nl", verstrektDoorPartij: partij.uuid });
  klantcontact = (await maakKlantcontact(app)).uuid;
  interneTaak = await maakInterneTaak(app, klantcontact);
  await deelIn(app, partij.uuid, "Inwoner");
  categorieRelatie = (await app.orm.em.fork().find(CategorieRelatie, {}))[0].uuid;
});
afterAll(() => app.stop());

const KLANTCONTACT = { kanaal: "telefoon", onderwerp: "Vraag", taal: "nld", vertrouwelijk: false };

/** Every Date and DateTime input of the schema: [what, operation, variables given the odd value, the field's name]. */
const dateInputs: Array<[string, string, (value: string) => Record<string, unknown>, string]> = [
  [
    "createDigitaalAdres.verificatieDatum",
    `mutation ($input: DigitaalAdresInput!) { createDigitaalAdres(input: $input) { uuid } }`,
    (value) => ({ input: { adres: "piet@example.nl", soortDigitaalAdres: "EMAIL", verificatieDatum: value } }),
    "verificatieDatum",
  ],
  [
    "updateDigitaalAdres.verificatieDatum",
    `mutation ($uuid: ID!, $input: DigitaalAdresUpdateInput!) { updateDigitaalAdres(uuid: $uuid, input: $input) { uuid } }`,
    (value) => ({ uuid: digitaalAdres, input: { verificatieDatum: value } }),
    "verificatieDatum",
  ],
  [
    "createCategorieRelatie.beginDatum",
    `mutation ($input: CategorieRelatieInput!) { createCategorieRelatie(input: $input) { uuid } }`,
    (value) => ({ input: { beginDatum: value } }),
    "beginDatum",
  ],
  [
    "createCategorieRelatie.eindDatum",
    `mutation ($input: CategorieRelatieInput!) { createCategorieRelatie(input: $input) { uuid } }`,
    (value) => ({ input: { eindDatum: value } }),
    "eindDatum",
  ],
  [
    "updateCategorieRelatie.beginDatum",
    `mutation ($uuid: ID!, $input: CategorieRelatieUpdateInput!) { updateCategorieRelatie(uuid: $uuid, input: $input) { uuid } }`,
    (value) => ({ uuid: categorieRelatie, input: { beginDatum: value } }),
    "beginDatum",
  ],
  [
    "updateCategorieRelatie.eindDatum",
    `mutation ($uuid: ID!, $input: CategorieRelatieUpdateInput!) { updateCategorieRelatie(uuid: $uuid, input: $input) { uuid } }`,
    (value) => ({ uuid: categorieRelatie, input: { eindDatum: value } }),
    "eindDatum",
  ],
  [
    "createKlantcontact.plaatsgevondenOp",
    `mutation ($input: KlantcontactInput!) { createKlantcontact(input: $input) { uuid } }`,
    (value) => ({ input: { ...KLANTCONTACT, plaatsgevondenOp: value } }),
    "plaatsgevondenOp",
  ],
  [
    "updateKlantcontact.plaatsgevondenOp",
    `mutation ($uuid: ID!, $input: KlantcontactUpdateInput!) { updateKlantcontact(uuid: $uuid, input: $input) { uuid } }`,
    (value) => ({ uuid: klantcontact, input: { plaatsgevondenOp: value } }),
    "plaatsgevondenOp",
  ],
  [
    "maakKlantcontact.klantcontact.plaatsgevondenOp",
    `mutation ($input: MaakKlantcontactInput!) { maakKlantcontact(input: $input) { klantcontact { uuid } } }`,
    (value) => ({ input: { klantcontact: { ...KLANTCONTACT, plaatsgevondenOp: value } } }),
    "klantcontact.plaatsgevondenOp",
  ],
  [
    "createInterneTaak.afgehandeldOp",
    `mutation ($input: InterneTaakInput!) { createInterneTaak(input: $input) { uuid } }`,
    (value) => ({
      input: { gevraagdeHandeling: "Terugbellen", aanleidinggevendKlantcontact: klantcontact, status: "VERWERKT", afgehandeldOp: value },
    }),
    "afgehandeldOp",
  ],
  [
    "updateInterneTaak.afgehandeldOp",
    `mutation ($uuid: ID!, $input: InterneTaakUpdateInput!) { updateInterneTaak(uuid: $uuid, input: $input) { uuid } }`,
    (value) => ({ uuid: interneTaak, input: { status: "VERWERKT", afgehandeldOp: value } }),
    "afgehandeldOp",
  ],
  ...(["verificatieDatum", "verificatieDatumVanaf", "verificatieDatumTot"] as const).map(
    (field): [string, string, (value: string) => Record<string, unknown>, string] => [
      `digitaleAdressen(filter.${field})`,
      `query ($filter: DigitaalAdresFilter) { digitaleAdressen(filter: $filter) { edges { node { uuid } } } }`,
      (value) => ({ filter: { [field]: value } }),
      `filter.${field}`,
    ],
  ),
  ...(["beginDatum", "eindDatum"] as const).map((field): [string, string, (value: string) => Record<string, unknown>, string] => [
    `categorieRelaties(filter.${field})`,
    `query ($filter: CategorieRelatieFilter) { categorieRelaties(filter: $filter) { edges { node { uuid } } } }`,
    (value) => ({ filter: { [field]: value } }),
    `filter.${field}`,
  ]),
  ...(["plaatsgevondenOp", "plaatsgevondenVanaf", "plaatsgevondenTot"] as const).map(
    (field): [string, string, (value: string) => Record<string, unknown>, string] => [
      `klantcontacten(filter.${field})`,
      `query ($filter: KlantcontactFilter) { klantcontacten(filter: $filter) { edges { node { uuid } } } }`,
      (value) => ({ filter: { [field]: value } }),
      `filter.${field}`,
    ],
  ),
  ...(["toegewezenOp", "toegewezenNa", "toegewezenVoor"] as const).map(
    (field): [string, string, (value: string) => Record<string, unknown>, string] => [
      `interneTaken(filter.${field})`,
      `query ($filter: InterneTaakFilter) { interneTaken(filter: $filter) { edges { node { uuid } } } }`,
      (value) => ({ filter: { [field]: value } }),
      `filter.${field}`,
    ],
  ),
];

/** Whether the operation takes a Date (rather than a DateTime) at the field. */
const takesDate = (operation: string) => /DigitaalAdres|CategorieRelatie|digitaleAdressen|categorieRelaties/.test(operation);

const counts = async () => [
  await rows(app, DigitaalAdres),
  await rows(app, CategorieRelatie),
  await rows(app, Klantcontact),
  await rows(app, InterneTaak),
];

describe("a date before the year 1000 (or after 9999)", () => {
  it.each(dateInputs)("is refused in %s, naming the field, before any SQL", async (_what, operation, variables, name) => {
    for (const [date, dateTime] of [
      ["0000-01-01", "0000-01-01T00:00:00Z"],
      ["0999-12-31", "0999-12-31T23:59:59Z"],
      // In UTC, as it is stored, this moment is in 999 (and the next in 10000).
      ["0001-06-15", "1000-01-01T00:30:00+01:00"],
      ["0500-02-28", "9999-12-31T23:30:00-01:00"],
    ]) {
      const before = await counts();
      const statements = app.statements.length;
      const result = await app.execute(operation, variables(takesDate(operation) ? date : dateTime));
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(invalidParams(result)).toEqual([[name, "invalid"]]);
      expect(app.statements.length).toBe(statements);
      expect(await counts()).toEqual(before);
    }
  });
});

describe("the first and last day of the range", () => {
  it("are stored and read back on this database", async () => {
    for (const verificatieDatum of ["1000-01-01", "9999-12-31"]) {
      const { createDigitaalAdres } = await app.ok<{ createDigitaalAdres: { verificatieDatum: string } }, Record<string, unknown>>(
        `mutation ($input: DigitaalAdresInput!) { createDigitaalAdres(input: $input) { verificatieDatum } }`,
        { input: { adres: `kees${verificatieDatum}@example.nl`, soortDigitaalAdres: "EMAIL", verificatieDatum } },
      );
      expect(createDigitaalAdres.verificatieDatum).toBe(verificatieDatum);
      const found = await app.ok<{ digitaleAdressen: { edges: unknown[] } }, Record<string, unknown>>(
        `query ($filter: DigitaalAdresFilter) { digitaleAdressen(filter: $filter) { edges { node { uuid } } } }`,
        { filter: { verificatieDatum } },
      );
      expect(found.digitaleAdressen.edges).toHaveLength(1);
    }
    for (const plaatsgevondenOp of ["1000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) {
      const { createKlantcontact } = await app.ok<
        { createKlantcontact: { uuid: string; plaatsgevondenOp: string } },
        Record<string, unknown>
      >(`mutation ($input: KlantcontactInput!) { createKlantcontact(input: $input) { uuid plaatsgevondenOp } }`, {
        input: { ...KLANTCONTACT, plaatsgevondenOp },
      });
      expect(createKlantcontact.plaatsgevondenOp).toBe(plaatsgevondenOp);
      const read = await app.ok<{ klantcontact: { plaatsgevondenOp: string } }, Record<string, unknown>>(
        `query ($uuid: ID!) { klantcontact(uuid: $uuid) { plaatsgevondenOp } }`,
        { uuid: createKlantcontact.uuid },
      );
      expect(read.klantcontact.plaatsgevondenOp).toBe(plaatsgevondenOp);
    }
  });
});
