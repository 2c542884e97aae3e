import type { EntityClass, EntityManager, FilterQuery, MikroORM } from "@mikro-orm/core";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { SoortActor, Taakstatus } from "../../src/opvolging/enums";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Categorie } from "../../src/partijen/categorie.entity";
import { CategorieRelatie } from "../../src/partijen/categorie-relatie.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortDigitaalAdres, SoortPartij } from "../../src/partijen/enums";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";
import { Rekeningnummer } from "../../src/partijen/rekeningnummer.entity";
import type { PartijIdentificatorGroepInput } from "../generated/graphql";
import type { TestApp } from "./app";

/**
 * Test data shared by all modules. Rows a test needs but does not test are written straight
 * through the ORM, each helper with its own EntityManager, so that a test depends only on the
 * mutations it is about.
 */

// Partijen

/** A partij (a persoon unless told otherwise); with `bsn` it gets a BSN identificator. */
export async function maakPartij(app: TestApp, options: { soortPartij?: SoortPartij; bsn?: string } = {}): Promise<Partij> {
  const em = app.orm.em.fork();
  const partij = em.create(Partij, { soortPartij: options.soortPartij ?? SoortPartij.PERSOON, indicatieActief: true } as never);
  if (options.bsn) {
    em.create(PartijIdentificator, {
      identificeerdePartij: partij,
      codeObjecttype: CodeObjecttype.NATUURLIJK_PERSOON,
      codeSoortObjectId: CodeSoortObjectId.BSN,
      objectId: options.bsn,
      codeRegister: CodeRegister.BRP,
    } as never);
  }
  await em.flush();
  return partij;
}

/** Puts a partij in a new categorie with this naam. */
export async function deelIn(app: TestApp, partijUuid: string, naam: string): Promise<void> {
  const em = app.orm.em.fork();
  const partij = await em.findOneOrFail(Partij, { uuid: partijUuid });
  const categorie = em.create(Categorie, { naam } as never);
  em.create(CategorieRelatie, { partij, categorie } as never);
  await em.flush();
}

/** A digitaal adres (an e-mail address unless told otherwise), given by the partij and/or betrokkene with these uuids. Returns its uuid. */
export async function maakDigitaalAdres(
  app: TestApp,
  fields: {
    adres: string;
    soortDigitaalAdres?: SoortDigitaalAdres;
    isStandaardAdres?: boolean;
    referentie?: string;
    verstrektDoorPartij?: string;
    verstrektDoorBetrokkene?: string;
  },
): Promise<string> {
  const em = app.orm.em.fork();
  const digitaalAdres = em.create(DigitaalAdres, {
    adres: fields.adres,
    soortDigitaalAdres: fields.soortDigitaalAdres ?? SoortDigitaalAdres.EMAIL,
    isStandaardAdres: fields.isStandaardAdres ?? false,
    referentie: fields.referentie ?? "",
    verstrektDoorPartij: await byUuid(em, Partij, fields.verstrektDoorPartij),
    verstrektDoorBetrokkene: await byUuid(em, Betrokkene, fields.verstrektDoorBetrokkene),
  } as never);
  await em.flush();
  return digitaalAdres.uuid;
}

/** The storage ids of the partij and betrokkene that gave a digitaal adres (null when none). */
export async function verstrekkers(app: TestApp, digitaalAdresUuid: string): Promise<{ partij: number | null; betrokkene: number | null }> {
  const row = await app.orm.em.fork().findOneOrFail(DigitaalAdres, { uuid: digitaalAdresUuid });
  return { partij: row.verstrektDoorPartij?.id ?? null, betrokkene: row.verstrektDoorBetrokkene?.id ?? null };
}

export async function maakRekeningnummer(app: TestApp, iban: string): Promise<string> {
  const em = app.orm.em.fork();
  const nummer = em.create(Rekeningnummer, { iban } as never);
  await em.flush();
  return nummer.uuid;
}

// Klantcontacten

type KlantcontactVelden = Partial<Pick<Klantcontact, "nummer" | "referentienummer" | "onderwerp">>;

function klantcontactRij(em: EntityManager, velden: KlantcontactVelden = {}): Klantcontact {
  return em.create(Klantcontact, {
    kanaal: "telefoon",
    onderwerp: velden.onderwerp ?? "Vraag",
    taal: "nld",
    vertrouwelijk: false,
    nummer: velden.nummer ?? null,
    referentienummer: velden.referentienummer ?? null,
  } as never);
}

export async function maakKlantcontact(app: TestApp, velden: KlantcontactVelden = {}): Promise<Klantcontact> {
  const em = app.orm.em.fork();
  const klantcontact = klantcontactRij(em, velden);
  await em.flush();
  return klantcontact;
}

/** An initiating betrokkene (a klant unless told otherwise) of a new klantcontact, optionally with the partij with this uuid as wasPartij. */
export async function maakBetrokkene(app: TestApp, options: { rol?: Rol; wasPartij?: string } = {}): Promise<Betrokkene> {
  const em = app.orm.em.fork();
  const betrokkene = em.create(Betrokkene, {
    hadKlantcontact: klantcontactRij(em),
    wasPartij: await byUuid(em, Partij, options.wasPartij),
    rol: options.rol ?? Rol.KLANT,
    initiator: true,
  } as never);
  await em.flush();
  return betrokkene;
}

// Opvolging

/** A medewerker. Returns its uuid. */
export async function maakActor(app: TestApp, naam: string): Promise<string> {
  const em = app.orm.em.fork();
  const actor = em.create(Actor, { naam, soortActor: SoortActor.MEDEWERKER } as never);
  await em.flush();
  return actor.uuid;
}

/** A taak to be handled (without toewijzingen) for the klantcontact with this uuid. Returns its uuid. */
export async function maakInterneTaak(app: TestApp, klantcontactUuid: string): Promise<string> {
  const em = app.orm.em.fork();
  const klantcontact = await em.findOneOrFail(Klantcontact, { uuid: klantcontactUuid });
  const taak = em.create(InterneTaak, {
    gevraagdeHandeling: "terugbellen",
    aanleidinggevendKlantcontact: klantcontact,
    status: Taakstatus.TE_VERWERKEN,
  } as never);
  await em.flush();
  return taak.uuid;
}

/** Links an actor to a klantcontact (ActorKlantcontact), by uuids. */
export async function koppelActorAanKlantcontact(app: TestApp, actorUuid: string, klantcontactUuid: string): Promise<void> {
  const em = app.orm.em.fork();
  const actor = await em.findOneOrFail(Actor, { uuid: actorUuid });
  const klantcontact = await em.findOneOrFail(Klantcontact, { uuid: klantcontactUuid });
  em.create(ActorKlantcontact, { actor, klantcontact } as never);
  await em.flush();
}

/** toegewezenOp is read-only through the API; tests that filter on time set it here. */
export async function zetToegewezenOp(app: TestApp, taakUuid: string, toegewezenOp: Date): Promise<void> {
  await app.orm.em.fork().nativeUpdate(InterneTaak, { uuid: taakUuid }, { toegewezenOp });
}

// Reading what is stored

/** Whether a row with this uuid exists. */
export async function exists<T extends object>(app: TestApp, entity: EntityClass<T>, uuid: string): Promise<boolean> {
  return (await rows(app, entity, { uuid } as FilterQuery<T>)) > 0;
}

/** The number of rows of an entity (that match `where`): "a failed mutation wrote nothing". */
export async function rows<T extends object>(app: TestApp, entity: EntityClass<T>, where: FilterQuery<T> = {}): Promise<number> {
  return app.orm.em.fork().count(entity, where);
}

/**
 * `count` persons, each the initiating klant of one klantcontact (about the zaak `zaakUuid` when
 * given): the partijen of a batch of router references. Returns their uuids.
 */
export async function partijenMetKlantcontact(orm: MikroORM, count: number, zaakUuid?: string): Promise<string[]> {
  const em = orm.em.fork();
  const created = Array.from({ length: count }, (_, i) => {
    const partij = em.create(Partij, {
      soortPartij: SoortPartij.PERSOON,
      indicatieActief: true,
      contactnaam: { voornaam: `Persoon ${i}` },
    } as never);
    const contact = em.create(Klantcontact, {
      kanaal: "telefoon",
      onderwerp: `Vraag ${i}`,
      taal: "nld",
      vertrouwelijk: false,
      plaatsgevondenOp: new Date(Date.UTC(2026, 0, 1 + i)),
    } as never);
    em.create(Betrokkene, { hadKlantcontact: contact, wasPartij: partij, rol: Rol.KLANT, initiator: true } as never);
    if (zaakUuid) {
      em.create(Onderwerpobject, {
        klantcontact: contact,
        onderwerpobjectidentificator: { objectId: zaakUuid, codeObjecttype: "zaak", codeSoortObjectId: "uuid" },
      } as never);
    }
    return partij;
  });
  await em.flush();
  return created.map((partij) => partij.uuid);
}

// Valid identifying numbers: each call gives a new one, so tests never trip over uniqueness.

let volgnummer = 10_000_000;

/** A fresh number of 8 digits plus a check digit that passes the elfproef (a BSN or RSIN). */
export function elfproefNummer(): string {
  for (;;) {
    const eight = String(volgnummer++);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(eight[i]) * (9 - i);
    const last = sum % 11;
    if (last < 10) return eight + String(last);
  }
}

let kvk = 30_000_000;
export const kvkNummer = () => String(kvk++);
let vestiging = 100_000_000_000;
export const vestigingsnummer = () => String(vestiging++);

let rekening = 1_000_000_000;

/** A fresh Dutch IBAN with a valid check number (mod 97), e.g. for several accounts of one partij. */
export function iban(): string {
  const bban = `ABNA${rekening++}`;
  // ISO 13616: letters become 10..35, the country code and "00" go to the end.
  const digits = [...`${bban}NL00`].map((c) => parseInt(c, 36)).join("");
  const check = 98n - (BigInt(digits) % 97n);
  return `NL${String(check).padStart(2, "0")}${bban}`;
}

/** Partij-identificator inputs of the four kinds the standard checks, fresh unless an objectId is given. */
export const identificator = {
  bsn: (objectId = elfproefNummer()): PartijIdentificatorGroepInput => ({
    codeRegister: "BRP",
    codeObjecttype: "NATUURLIJK_PERSOON",
    codeSoortObjectId: "BSN",
    objectId,
  }),
  rsin: (objectId = elfproefNummer()): PartijIdentificatorGroepInput => ({
    codeRegister: "HR",
    codeObjecttype: "NIET_NATUURLIJK_PERSOON",
    codeSoortObjectId: "RSIN",
    objectId,
  }),
  kvk: (objectId = kvkNummer()): PartijIdentificatorGroepInput => ({
    codeRegister: "HR",
    codeObjecttype: "NIET_NATUURLIJK_PERSOON",
    codeSoortObjectId: "KVK_NUMMER",
    objectId,
  }),
  vestiging: (objectId = vestigingsnummer()): PartijIdentificatorGroepInput => ({
    codeRegister: "HR",
    codeObjecttype: "VESTIGING",
    codeSoortObjectId: "VESTIGINGSNUMMER",
    objectId,
  }),
};

async function byUuid<T extends object>(em: EntityManager, entity: EntityClass<T>, uuid: string | undefined): Promise<T | null> {
  return uuid ? em.findOneOrFail(entity, { uuid } as FilterQuery<T>) : null;
}
