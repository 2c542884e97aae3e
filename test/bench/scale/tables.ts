/**
 * The tables seed:scale fills and the columns it writes, in the order the rows are written (a
 * parent before its children, so that every foreign key holds at the end of each statement; one
 * table may be written at two points of that order, as two buffers).
 * Columns left out get their default from the migrations. `type` is the PostgreSQL type of the
 * column, for the array cast of `unnest`; on SQLite booleans are written as 1 / 0 and timestamps as
 * epoch milliseconds, as MikroORM stores them there.
 */

export type ColumnType = "int" | "uuid" | "text" | "bool" | "timestamptz" | "date" | "jsonb";

export interface TableSpec {
  name: string;
  columns: ReadonlyArray<readonly [string, ColumnType]>;
}

const adres = (prefix: string): Array<[string, ColumnType]> => [
  [`${prefix}_nummeraanduiding_id`, "text"],
  [`${prefix}_straatnaam`, "text"],
  [`${prefix}_huisnummer`, "int"],
  [`${prefix}_huisnummertoevoeging`, "text"],
  [`${prefix}_postcode`, "text"],
  [`${prefix}_stad`, "text"],
  [`${prefix}_adresregel1`, "text"],
  [`${prefix}_land`, "text"],
];

const contactnaam: Array<[string, ColumnType]> = [
  ["contactnaam_voorletters", "text"],
  ["contactnaam_voornaam", "text"],
  ["contactnaam_voorvoegsel_achternaam", "text"],
  ["contactnaam_achternaam", "text"],
];

const identificator = (prefix: string): Array<[string, ColumnType]> => [
  [`${prefix}_code_objecttype`, "text"],
  [`${prefix}_code_register`, "text"],
  [`${prefix}_code_soort_object_id`, "text"],
  [`${prefix}_object_id`, "text"],
];

export const TABLES = {
  actor: {
    name: "actor",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["naam", "text"],
      ["soort_actor", "text"],
      ["indicatie_actief", "bool"],
      ...identificator("actoridentificator"),
      ["functie", "text"],
      ["emailadres", "text"],
      ["telefoonnummer", "text"],
      ["omschrijving", "text"],
    ],
  },
  partij: {
    name: "partij",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["soort_partij", "text"],
      ["indicatie_geheimhouding", "bool"],
      ["voorkeurstaal", "text"],
      ["indicatie_actief", "bool"],
      ["interne_notitie", "text"],
      ...adres("bezoekadres"),
      ...adres("correspondentieadres"),
      ...contactnaam,
      ["organisatienaam", "text"],
      ["contactpersoon_uuid", "uuid"],
      ["werkte_voor_partij_id", "int"],
    ],
  },
  rekeningnummer: {
    name: "rekeningnummer",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["partij_id", "int"],
      ["iban", "text"],
      ["bic", "text"],
    ],
  },
  vertegenwoordiging: {
    name: "vertegenwoordiging",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["vertegenwoordigende_partij_id", "int"],
      ["vertegenwoordigde_partij_id", "int"],
    ],
  },
  partij_identificator: {
    name: "partij_identificator",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["identificeerde_partij_id", "int"],
      ["code_objecttype", "text"],
      ["code_soort_object_id", "text"],
      ["object_id", "text"],
      ["code_register", "text"],
      ["sub_identificator_van_id", "int"],
    ],
  },
  digitaal_adres: {
    name: "digitaal_adres",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["verstrekt_door_partij_id", "int"],
      ["adres", "text"],
      ["zoekadres", "text"],
      ["soort_digitaal_adres", "text"],
      ["is_standaard_adres", "bool"],
      ["omschrijving", "text"],
      ["verificatie_datum", "date"],
    ],
  },
  klantcontact: {
    name: "klantcontact",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["referentienummer", "text"],
      ["kanaal", "text"],
      ["onderwerp", "text"],
      ["inhoud", "text"],
      ["reactie", "text"],
      ["indicatie_contact_gelukt", "bool"],
      ["verdere_actie_ondernomen", "bool"],
      ["taal", "text"],
      ["vertrouwelijk", "bool"],
      ["plaatsgevonden_op", "timestamptz"],
      ["metadata", "jsonb"],
    ],
  },
  betrokkene: {
    name: "betrokkene",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["was_partij_id", "int"],
      ["had_klantcontact_id", "int"],
      ...contactnaam,
      ["rol", "text"],
      ["organisatienaam", "text"],
      ["initiator", "bool"],
    ],
  },
  // Addresses a betrokkene gave for the follow-up of one contact (KISS's contactverzoek): after
  // the betrokkenen, which they point at.
  betrokkene_digitaal_adres: {
    name: "digitaal_adres",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["verstrekt_door_betrokkene_id", "int"],
      ["adres", "text"],
      ["zoekadres", "text"],
      ["soort_digitaal_adres", "text"],
      ["omschrijving", "text"],
    ],
  },
  actor_klantcontact: {
    name: "actor_klantcontact",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["actor_id", "int"],
      ["klantcontact_id", "int"],
    ],
  },
  onderwerpobject: {
    name: "onderwerpobject",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["klantcontact_id", "int"],
      ["was_klantcontact_id", "int"],
      ...identificator("onderwerpobjectidentificator"),
    ],
  },
  interne_taak: {
    name: "interne_taak",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["referentienummer", "text"],
      ["gevraagde_handeling", "text"],
      ["aanleidinggevend_klantcontact_id", "int"],
      ["toelichting", "text"],
      ["status", "text"],
      ["toegewezen_op", "timestamptz"],
      ["afgehandeld_op", "timestamptz"],
    ],
  },
  toewijzing: {
    name: "toewijzing",
    columns: [
      ["id", "int"],
      ["uuid", "uuid"],
      ["interne_taak_id", "int"],
      ["actor_id", "int"],
    ],
  },
} as const satisfies Record<string, TableSpec>;

/** The row buffers, in writing order (a table may have more than one). */
export type BufferName = keyof typeof TABLES;
export const BUFFER_NAMES = Object.keys(TABLES) as BufferName[];

export type TableName = (typeof TABLES)[BufferName]["name"];
/** The tables, each once, in writing order. */
export const TABLE_NAMES = [...new Set(BUFFER_NAMES.map((buffer) => TABLES[buffer].name))] as TableName[];

/** Rows of one table not yet written, column by column (what `unnest` takes as it is). */
export class RowBuffer {
  readonly columns: unknown[][];
  length = 0;

  constructor(
    readonly name: string,
    readonly spec: TableSpec,
  ) {
    this.columns = spec.columns.map(() => []);
  }

  /** One row, its values in the order of the spec's columns. */
  add(...values: unknown[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.name}: ${values.length} values for ${this.columns.length} columns`);
    }
    for (let i = 0; i < values.length; i++) this.columns[i].push(values[i]);
    this.length++;
  }

  /** Hands the buffered rows over and starts empty. */
  take(): RowBuffer {
    const taken = new RowBuffer(this.name, this.spec);
    taken.columns.splice(0, taken.columns.length, ...this.columns.map((column) => column.splice(0)));
    taken.length = this.length;
    this.length = 0;
    return taken;
  }
}

/** One batch of rows for every buffer, and the voorkeurs digitaal adres of some of its partijen. */
export interface Batch {
  buffers: Record<BufferName, RowBuffer>;
  voorkeuren: { partij: number[]; adres: number[] };
}
