import { ReferenceKind, type EntityMetadata, type EntityName, type EntityProperty, type MikroORM } from "@mikro-orm/core";
import type { AbstractSqlConnection } from "@mikro-orm/knex";
import { ActorKlantcontact } from "../../../src/klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../../../src/klantcontacten/betrokkene.entity";
import { Bijlage } from "../../../src/klantcontacten/bijlage.entity";
import { Rol } from "../../../src/klantcontacten/enums";
import { Klantcontact } from "../../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../../src/klantcontacten/onderwerpobject.entity";
import { Actor } from "../../../src/opvolging/actor.entity";
import { SoortActor, Taakstatus } from "../../../src/opvolging/enums";
import { InterneTaak } from "../../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../../src/opvolging/toewijzing.entity";
import { Categorie } from "../../../src/partijen/categorie.entity";
import { CategorieRelatie } from "../../../src/partijen/categorie-relatie.entity";
import { DigitaalAdres } from "../../../src/partijen/digitaal-adres.entity";
import { zoekadres } from "../../../src/partijen/digitaal-adres.normalisation";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortDigitaalAdres, SoortPartij } from "../../../src/partijen/enums";
import { Partij } from "../../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../../src/partijen/partij-identificator.entity";
import { Rekeningnummer } from "../../../src/partijen/rekeningnummer.entity";
import { Vertegenwoordiging } from "../../../src/partijen/vertegenwoordiging.entity";
import { dialect } from "../../support/database";

/**
 * A registry of realistic shape for the query-plan test: enough rows that a planner that can use an
 * index prefers it (and, on PostgreSQL, statistics that make the plans those of a municipality),
 * small enough to fill in seconds. Rows go in as JSON, one INSERT per table and 10,000 rows (the
 * ORM's own inserts take ten times as long), with explicit ids, so relations need no read-back; on
 * PostgreSQL the id sequences are moved past them afterwards, so that the workloads' writes get
 * fresh ids.
 */
export interface PlanDataSizes {
  partijen: number;
  /** Klantcontacten per partij are 0 .. 2 × this (a long tail comes from `langeHistorie`). */
  contactenPerPartij: number;
  /**
   * Klantcontacten of the one partij with a long history. About a tenth of all of them: the longest
   * histories of a municipality are a few percent of its klantcontacten, and with a fifth PostgreSQL
   * rightly prefers to read a whole index in the order it needs over a range of the right one.
   */
  langeHistorie: number;
  actoren: number;
}

export const DEFAULT_SIZES: PlanDataSizes = { partijen: 3000, contactenPerPartij: 8, langeHistorie: 2500, actoren: 200 };

/** Keys of seeded rows that the workloads ask for. */
export interface PlanData {
  /** The example persoon: its uuid and BSN (a handful of klantcontacten), and the BSN of the partij with the long history. */
  partijUuid: string;
  bsn: string;
  langeHistorieBsn: string;
  /** A BSN of a partij with indicatieGeheimhouding (hidden from a principal without geheimhouding.lezen). */
  geheimBsn: string;
  kvkNummer: string;
  vestigingsnummer: string;
  partijUuids: string[];
  /** The actor with the most open tasks, and an afdeling. */
  actorUuid: string;
  afdelingUuid: string;
  actoridentificatorObjectId: string;
  email: string;
  /** A mobile number as it is stored (06...), searched in another notation by the workloads. */
  telefoonnummer: string;
  /** An e-mail address an anonymous betrokkene gave (a contactverzoek of someone not known as a partij). */
  anoniemEmail: string;
  /** A zaak and a klantcontact of the example persoon. */
  zaakUuid: string;
  zaakIdentificatie: string;
  klantcontactUuid: string;
  referentienummer: string;
  rows: Record<string, number>;
}

/** mulberry32: the same registry on every run, so that the plans are the same too. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nine-digit numbers that pass the BSN eleven test, ascending from `start`. */
function* bsns(start: number): Generator<string> {
  for (let candidate = start; ; candidate++) {
    const digits = String(candidate).split("").map(Number);
    const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8];
    if (sum % 11 === 0) yield String(candidate);
  }
}

const VOORNAMEN = ["Jan", "Fatima", "Pieter", "Anouk", "Mohamed", "Sanne", "Daan", "Emma", "Yusuf", "Lotte", "Kees", "Noor"];
const ACHTERNAMEN = ["Jansen", "de Vries", "Bakker", "El Amrani", "Visser", "Smit", "Yilmaz", "de Boer", "Mulder", "Bos"];
const KANALEN = ["telefoon", "e-mail", "balie", "webformulier", "chat"];
const ONDERWERPEN = ["Parkeervergunning", "Afvalinzameling", "Paspoort aanvragen", "Melding openbare ruimte", "Bijstand", "Verhuizing"];
const HANDELINGEN = ["Terugbellen", "Informeren", "Doorzetten naar vakafdeling"];

type Row = Record<string, unknown>;

const VOORBEELD = 20;

/** A row by column name, in the form the dialect stores it (SQLite: a datetime as epoch milliseconds, as MikroORM writes it). */
function columns(meta: EntityMetadata, row: Row): Row {
  const stored: Row = {};
  const put = (prop: EntityProperty, value: unknown) => {
    stored[prop.fieldNames[0]] = value instanceof Date ? (dialect === "postgresql" ? value.toISOString() : value.getTime()) : value;
  };
  for (const [key, value] of Object.entries(row)) {
    const prop = meta.properties[key];
    if (!prop) throw new Error(`${meta.className} has no property ${key}`);
    if (prop.kind === ReferenceKind.EMBEDDED) {
      for (const [field, v] of Object.entries((value ?? {}) as Row)) put(meta.properties[`${key}_${field}`], v);
    } else {
      put(prop, value);
    }
  }
  return stored;
}

/** One INSERT for many rows, the rows as one JSON parameter (so a statement stays small to parse). */
async function insertRows(connection: AbstractSqlConnection, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const knex = connection.getKnex();
  if (dialect === "postgresql") {
    const list = names.map((name) => `"${name}"`).join(", ");
    await knex.raw(`insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", ?)`, [
      JSON.stringify(rows),
    ]);
  } else {
    const values = names.map((name) => `json_extract(value, '$.${name}')`).join(", ");
    await knex.raw(`insert into \`${table}\` (${names.map((name) => `\`${name}\``).join(", ")}) select ${values} from json_each(?)`, [
      JSON.stringify(rows),
    ]);
  }
}

export async function seedPlanData(orm: MikroORM, sizes: PlanDataSizes = DEFAULT_SIZES): Promise<PlanData> {
  const rnd = random(9);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(rnd() * 4)];
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  const tables = new Map<EntityName<object>, Row[]>();
  const ids = new Map<EntityName<object>, number>();
  const add = (entity: EntityName<object>, row: Row): number => {
    const id = (ids.get(entity) ?? 0) + 1;
    ids.set(entity, id);
    if (!tables.has(entity)) tables.set(entity, []);
    tables.get(entity)!.push({ id, uuid: uuid(), ...row });
    return id;
  };
  const uuidOf = (entity: EntityName<object>, id: number) => tables.get(entity)![id - 1].uuid as string;

  // Actors: medewerkers, and every sixth an afdeling (organisatorische eenheid).
  const medewerkers: number[] = [];
  const afdelingen: number[] = [];
  for (let i = 0; i < sizes.actoren; i++) {
    const afdeling = i % 6 === 5;
    const id = add(Actor, {
      naam: afdeling ? `Afdeling ${i}` : `${pick(VOORNAMEN)} ${pick(ACHTERNAMEN)}`,
      soortActor: afdeling ? SoortActor.ORGANISATORISCHE_EENHEID : SoortActor.MEDEWERKER,
      indicatieActief: true,
      actoridentificator: afdeling
        ? { objectId: `afd-${i}`, codeObjecttype: "afd", codeRegister: "obj", codeSoortObjectId: "idf" }
        : { objectId: `medewerker${i}@gemeente.example.nl`, codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "email" },
      emailadres: `medewerker${i}@gemeente.example.nl`,
    });
    (afdeling ? afdelingen : medewerkers).push(id);
  }
  const categorieen = ["Ondernemer", "Minima", "Schuldhulp", "Mantelzorger"].map((naam) => add(Categorie, { naam }));

  const now = Date.UTC(2026, 10, 23);
  const threeYears = 3 * 365 * 24 * 3600 * 1000;
  const bsn = bsns(100_000_000);
  const zaakIdentificaties = new Map<string, string>();
  let zaakNummer = 1;
  let vestigingNummer = 1;
  let referentie = 1_000_000;
  const keys: Partial<PlanData> = {};
  const partijUuids: string[] = [];
  const openTaakActoren = new Map<number, number>();

  const klantcontact = (partijId: number | null, moment: number, vorige: number | null, zaken: string[]): number => {
    const contact = add(Klantcontact, {
      kanaal: pick(KANALEN),
      onderwerp: pick(ONDERWERPEN),
      inhoud: "Vraag van de klant, zoals genoteerd door de medewerker.",
      reactie: "",
      indicatieContactGelukt: true,
      hoofdOnderwerpType: "",
      verdereActieOndernomen: false,
      taal: "nld",
      vertrouwelijk: rnd() < 0.1,
      plaatsgevondenOp: new Date(moment),
      referentienummer: rnd() < 0.3 ? String(referentie++) : null,
      metadata: {},
    });
    const betrokkene = add(Betrokkene, {
      wasPartij: partijId,
      hadKlantcontact: contact,
      rol: Rol.KLANT,
      initiator: true,
      organisatienaam: "",
      contactnaam: partijId === null ? { voornaam: pick(VOORNAMEN), achternaam: pick(ACHTERNAMEN) } : null,
    });
    const actor = pick(medewerkers);
    add(ActorKlantcontact, { actor, klantcontact: contact });
    if (zaken.length && rnd() < 0.7) {
      // KISS and ITA link by zaak uuid, Open Inwoner by zaakidentificatie.
      const zaak = pick(zaken);
      add(Onderwerpobject, {
        klantcontact: contact,
        onderwerpobjectidentificator:
          rnd() < 0.8
            ? { objectId: zaak, codeObjecttype: "zgw-Zaak", codeRegister: "openzaak", codeSoortObjectId: "uuid" }
            : {
                objectId: zaakIdentificaties.get(zaak),
                codeObjecttype: "zaak",
                codeRegister: "openzaak",
                codeSoortObjectId: "identificatie",
              },
      });
    }
    if (vorige !== null) {
      // An answer: the follow-up that points at the question it answers.
      add(Onderwerpobject, {
        klantcontact: contact,
        wasKlantcontact: vorige,
        onderwerpobjectidentificator: {
          objectId: uuidOf(Klantcontact, vorige),
          codeObjecttype: "klantcontact",
          codeRegister: "openklant",
          codeSoortObjectId: "uuid",
        },
      });
    }
    if (rnd() < 0.02) {
      add(Bijlage, {
        wasBijlageVanKlantcontact: contact,
        bijlageidentificator: { objectId: uuid(), codeObjecttype: "document", codeRegister: "drc", codeSoortObjectId: "uuid" },
      });
    }
    if (partijId === null) {
      const adres = `anoniem${contact}@example.nl`;
      add(DigitaalAdres, {
        verstrektDoorBetrokkene: betrokkene,
        adres,
        zoekadres: zoekadres(SoortDigitaalAdres.EMAIL, adres),
        soortDigitaalAdres: SoortDigitaalAdres.EMAIL,
        isStandaardAdres: false,
        omschrijving: "",
        referentie: "",
      });
      keys.anoniemEmail ??= adres;
    }
    if (rnd() < 0.12 || partijId === null) {
      const open = rnd() < 0.7;
      const taak = add(InterneTaak, {
        gevraagdeHandeling: pick(HANDELINGEN),
        aanleidinggevendKlantcontact: contact,
        toelichting: "",
        status: open ? Taakstatus.TE_VERWERKEN : Taakstatus.VERWERKT,
        toegewezenOp: new Date(moment + 60_000),
        afgehandeldOp: open ? null : new Date(moment + 86_400_000),
      });
      add(Toewijzing, { interneTaak: taak, actor });
      // A contactverzoek: the number to call back, given by the betrokkene for this contact.
      if (partijId !== null && rnd() < 0.5) {
        const adres = `06${String(20_000_000 + contact).slice(-8)}`;
        add(DigitaalAdres, {
          verstrektDoorBetrokkene: betrokkene,
          adres,
          zoekadres: zoekadres(SoortDigitaalAdres.TELEFOONNUMMER, adres),
          soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER,
          isStandaardAdres: false,
          omschrijving: "Terugbelnummer",
          referentie: "",
        });
      }
      if (rnd() < 0.5) add(Toewijzing, { interneTaak: taak, actor: pick(afdelingen) });
      if (open) openTaakActoren.set(actor, (openTaakActoren.get(actor) ?? 0) + 1);
    }
    return contact;
  };

  for (let n = 0; n < sizes.partijen; n++) {
    // Partij 1 has the long history, partij 20 is the example persoon the workloads look up.
    const voorbeeld = n === 1 || n === VOORBEELD;
    const organisatie = !voorbeeld && rnd() < 0.15;
    const geheim = !organisatie && !voorbeeld && rnd() < 0.03;
    const partij = add(Partij, {
      soortPartij: organisatie ? SoortPartij.ORGANISATIE : SoortPartij.PERSOON,
      indicatieActief: rnd() < 0.97,
      indicatieGeheimhouding: geheim ? true : rnd() < 0.5 ? false : null,
      voorkeurstaal: "nld",
      interneNotitie: "",
      organisatienaam: organisatie ? `${pick(ACHTERNAMEN)} Holding ${n} B.V.` : null,
      contactnaam: organisatie ? null : { voornaam: pick(VOORNAMEN), achternaam: pick(ACHTERNAMEN) },
      bezoekadres: { straatnaam: "Kerkstraat", huisnummer: (n % 300) + 1, postcode: "1234 AB", stad: "Amsterdam", land: "NL" },
    });
    partijUuids.push(uuidOf(Partij, partij));
    if (organisatie) {
      const kvkNummer = String(60_000_000 + n);
      const kvk = add(PartijIdentificator, {
        identificeerdePartij: partij,
        anderePartijIdentificator: "",
        codeRegister: CodeRegister.HR,
        codeObjecttype: CodeObjecttype.NIET_NATUURLIJK_PERSOON,
        codeSoortObjectId: CodeSoortObjectId.KVK_NUMMER,
        objectId: kvkNummer,
      });
      keys.kvkNummer ??= kvkNummer;
      if (rnd() < 0.5) {
        const vestigingsnummer = String(vestigingNummer++).padStart(12, "0");
        add(PartijIdentificator, {
          identificeerdePartij: partij,
          anderePartijIdentificator: "",
          codeRegister: CodeRegister.HR,
          codeObjecttype: CodeObjecttype.VESTIGING,
          codeSoortObjectId: CodeSoortObjectId.VESTIGINGSNUMMER,
          objectId: vestigingsnummer,
          subIdentificatorVan: kvk,
        });
        keys.vestigingsnummer ??= vestigingsnummer;
      }
    } else {
      const nummer = bsn.next().value as string;
      add(PartijIdentificator, {
        identificeerdePartij: partij,
        anderePartijIdentificator: "",
        codeRegister: CodeRegister.BRP,
        codeObjecttype: CodeObjecttype.NATUURLIJK_PERSOON,
        codeSoortObjectId: CodeSoortObjectId.BSN,
        objectId: nummer,
      });
      if (geheim) keys.geheimBsn ??= nummer;
      if (n === VOORBEELD) keys.bsn = nummer;
      if (n === 1) keys.langeHistorieBsn = nummer;
    }

    const email = `klant${n}@example.nl`;
    const mobiel = `06${String(10_000_000 + n).slice(-8)}`;
    const adressen: Array<[SoortDigitaalAdres, string, boolean, string]> = [
      [SoortDigitaalAdres.EMAIL, email, true, ""],
      [SoortDigitaalAdres.TELEFOONNUMMER, mobiel, true, "Mobiel"],
    ];
    if (rnd() < 0.3) adressen.push([SoortDigitaalAdres.TELEFOONNUMMER, `020${String(1_000_000 + n).slice(-7)}`, false, "Werk"]);
    for (const [soort, adres, standaard, omschrijving] of adressen) {
      add(DigitaalAdres, {
        verstrektDoorPartij: partij,
        adres,
        zoekadres: zoekadres(soort, adres),
        soortDigitaalAdres: soort,
        isStandaardAdres: standaard,
        omschrijving,
        referentie: "",
      });
    }
    if (n === VOORBEELD) {
      keys.partijUuid = uuidOf(Partij, partij);
      keys.email = email;
      keys.telefoonnummer = mobiel;
    }
    if (rnd() < 0.2) add(Rekeningnummer, { partij, iban: "NL91ABNA0417164300", bic: "" });
    if (rnd() < 0.1) add(CategorieRelatie, { partij, categorie: pick(categorieen), beginDatum: "2024-01-01" });
    if (n > 0 && rnd() < 0.01) add(Vertegenwoordiging, { vertegenwoordigendePartij: partij, vertegenwoordigdePartij: partij - 1 });

    // One to three zaken per partij; its klantcontacten are about them.
    const zaken = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      const zaak = uuid();
      zaakIdentificaties.set(zaak, `ZAAK-2026-${String(zaakNummer++).padStart(7, "0")}`);
      return zaak;
    });
    const aantal =
      n === 1 ? sizes.langeHistorie : Math.max(n === VOORBEELD ? 5 : 0, Math.floor(rnd() * (2 * sizes.contactenPerPartij + 1)));
    let vorige: number | null = null;
    for (let c = 0; c < aantal; c++) {
      const contact = klantcontact(partij, now - rnd() * threeYears, vorige !== null && rnd() < 0.05 ? vorige : null, zaken);
      vorige = contact;
      if (n === VOORBEELD && c === 0) {
        keys.klantcontactUuid = uuidOf(Klantcontact, contact);
        keys.zaakUuid = zaken[0];
        keys.zaakIdentificatie = zaakIdentificaties.get(zaken[0]);
      }
    }
    // Now and then someone not known as a partij leaves a contactverzoek.
    if (rnd() < 0.05) klantcontact(null, now - rnd() * threeYears, null, []);
  }

  const [actor] = [...openTaakActoren.entries()].sort((a, b) => b[1] - a[1])[0];
  keys.actorUuid = uuidOf(Actor, actor);
  keys.actoridentificatorObjectId = `medewerker${actor - 1}@gemeente.example.nl`;
  keys.afdelingUuid = uuidOf(Actor, afdelingen[0]);
  keys.referentienummer = "1000000";
  keys.partijUuids = partijUuids;

  // Parents before children; partij's own voorkeur links stay empty.
  const order: EntityName<object>[] = [
    Actor,
    Categorie,
    Partij,
    PartijIdentificator,
    Klantcontact,
    Betrokkene,
    DigitaalAdres,
    ActorKlantcontact,
    Onderwerpobject,
    Bijlage,
    InterneTaak,
    Toewijzing,
    Rekeningnummer,
    CategorieRelatie,
    Vertegenwoordiging,
  ];
  const connection = orm.em.getConnection() as AbstractSqlConnection;
  const rows: Record<string, number> = {};
  for (const entity of order) {
    const meta = orm.getMetadata().find(entity as never)!;
    const all = (tables.get(entity) ?? []).map((row) => columns(meta, row));
    rows[meta.tableName] = all.length;
    for (let start = 0; start < all.length; start += 10_000) await insertRows(connection, meta.tableName, all.slice(start, start + 10_000));
  }
  // Most partijen have a voorkeur address (their e-mail address), set once both rows exist.
  await connection.execute(
    "update partij set voorkeurs_digitaal_adres_id = (select min(d.id) from digitaal_adres d where d.verstrekt_door_partij_id = partij.id and d.soort_digitaal_adres = 'email') where id % 5 <> 0",
  );
  if (dialect === "postgresql") {
    for (const table of Object.keys(rows)) {
      await connection.execute(`select setval(pg_get_serial_sequence('"${table}"', 'id'), (select coalesce(max(id), 1) from "${table}"))`);
    }
  }
  // Statistics, so that the planner plans for this registry and not for empty tables; on PostgreSQL
  // also the visibility map autovacuum keeps in production, without which no index-only scan pays.
  await connection.execute(dialect === "postgresql" ? "vacuum analyze" : "analyze");
  return { ...(keys as PlanData), rows };
}
