import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Categorie } from "../../src/partijen/categorie.entity";
import { CategorieRelatie } from "../../src/partijen/categorie-relatie.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { Partij } from "../../src/partijen/partij.entity";
import { SoortDigitaalAdres } from "../../src/partijen/enums";
import { Rekeningnummer } from "../../src/partijen/rekeningnummer.entity";
import type { TestApp } from "./app";

/**
 * Rows of resources that other branches build (DigitaalAdres, Rekeningnummer), written with the
 * ORM directly so that the partij tests need not their mutations.
 */
export async function maakDigitaalAdres(
  app: TestApp,
  fields: { adres: string; soortDigitaalAdres?: SoortDigitaalAdres; isStandaardAdres?: boolean; referentie?: string; partijId?: number },
): Promise<string> {
  const em = app.orm.em.fork();
  const adres = em.create(DigitaalAdres, {
    adres: fields.adres,
    soortDigitaalAdres: fields.soortDigitaalAdres ?? SoortDigitaalAdres.EMAIL,
    isStandaardAdres: fields.isStandaardAdres ?? false,
    referentie: fields.referentie ?? "",
    verstrektDoorPartij: fields.partijId ?? null,
  } as never);
  await em.flush();
  return adres.uuid;
}

export async function maakRekeningnummer(app: TestApp, iban: string): Promise<string> {
  const em = app.orm.em.fork();
  const nummer = em.create(Rekeningnummer, { iban } as never);
  await em.flush();
  return nummer.uuid;
}

/** Reads a DigitaalAdres row as stored (its partij id, or null). */
export async function adresPartijId(app: TestApp, uuid: string): Promise<number | null> {
  const row = await app.orm.em.fork().findOneOrFail(DigitaalAdres, { uuid });
  return row.verstrektDoorPartij?.id ?? null;
}

export async function bestaatDigitaalAdres(app: TestApp, uuid: string): Promise<boolean> {
  return (await app.orm.em.fork().count(DigitaalAdres, { uuid })) > 0;
}

export async function bestaatRekeningnummer(app: TestApp, uuid: string): Promise<boolean> {
  return (await app.orm.em.fork().count(Rekeningnummer, { uuid })) > 0;
}

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

/** A betrokkene of a new klantcontact with this partij as wasPartij (klantcontacten is another module). */
export async function maakBetrokkene(app: TestApp, partijUuid: string): Promise<string> {
  const em = app.orm.em.fork();
  const partij = await em.findOneOrFail(Partij, { uuid: partijUuid });
  const klantcontact = em.create(Klantcontact, { kanaal: "telefoon", onderwerp: "vraag", taal: "nld", vertrouwelijk: false } as never);
  const betrokkene = em.create(Betrokkene, { wasPartij: partij, hadKlantcontact: klantcontact, rol: "klant", initiator: true } as never);
  await em.flush();
  return betrokkene.uuid;
}

export async function bestaatBetrokkene(app: TestApp, uuid: string): Promise<boolean> {
  return (await app.orm.em.fork().count(Betrokkene, { uuid })) > 0;
}

/** Puts a partij in a new categorie with this naam (categorie-relaties are written with the ORM). */
export async function deelIn(app: TestApp, partijUuid: string, naam: string): Promise<void> {
  const em = app.orm.em.fork();
  const partij = await em.findOneOrFail(Partij, { uuid: partijUuid });
  const categorie = em.create(Categorie, { naam } as never);
  em.create(CategorieRelatie, { partij, categorie } as never);
  await em.flush();
}

export async function partijId(app: TestApp, uuid: string): Promise<number> {
  return (await app.orm.em.fork().findOneOrFail(Partij, { uuid })).id;
}
