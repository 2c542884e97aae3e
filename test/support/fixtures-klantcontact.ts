import type { EntityClass } from "@mikro-orm/core";
import { Actor } from "../../src/opvolging/actor.entity";
import { SoortActor } from "../../src/opvolging/enums";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Taakstatus } from "../../src/opvolging/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortDigitaalAdres, SoortPartij } from "../../src/partijen/enums";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import type { TestApp } from "./app";

/**
 * Rows of other modules (partijen, opvolging) that the klantcontacten tests need, written with the
 * ORM directly: their mutations live on other branches.
 */

/** A persoon; with `bsn` it gets a BSN identificator. Returns its uuid. */
export async function maakPartij(app: TestApp, options: { bsn?: string } = {}): Promise<string> {
  const em = app.orm.em.fork();
  const partij = em.create(Partij, { soortPartij: SoortPartij.PERSOON, indicatieActief: true } as never);
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
  return partij.uuid;
}

export async function maakActor(app: TestApp, naam: string): Promise<string> {
  const em = app.orm.em.fork();
  const actor = em.create(Actor, { naam, soortActor: SoortActor.MEDEWERKER } as never);
  await em.flush();
  return actor.uuid;
}

/** A digitaal adres given by a betrokkene (and, optionally, by a partij too). Returns its uuid. */
export async function maakDigitaalAdres(
  app: TestApp,
  adres: string,
  betrokkeneUuid: string,
  partijUuid?: string,
): Promise<string> {
  const em = app.orm.em.fork();
  const betrokkene = await em.findOneOrFail(Betrokkene, { uuid: betrokkeneUuid });
  const partij = partijUuid ? await em.findOneOrFail(Partij, { uuid: partijUuid }) : null;
  const digitaalAdres = em.create(DigitaalAdres, {
    adres,
    soortDigitaalAdres: SoortDigitaalAdres.EMAIL,
    verstrektDoorBetrokkene: betrokkene,
    verstrektDoorPartij: partij,
  } as never);
  await em.flush();
  return digitaalAdres.uuid;
}

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

/** Whether a row with this uuid exists. */
export async function exists<T extends object>(app: TestApp, entity: EntityClass<T>, uuid: string): Promise<boolean> {
  return (await app.orm.em.fork().count(entity, { uuid } as never)) > 0;
}

/** The number of rows of an entity. */
export async function rows<T extends object>(app: TestApp, entity: EntityClass<T>): Promise<number> {
  return app.orm.em.fork().count(entity, {});
}

/** The verstrektDoorBetrokkene of a digitaal adres (uuid), or null. */
export async function verstrektDoorBetrokkene(app: TestApp, digitaalAdresUuid: string): Promise<number | null> {
  const adres = await app.orm.em.fork().findOneOrFail(DigitaalAdres, { uuid: digitaalAdresUuid });
  return adres.verstrektDoorBetrokkene?.id ?? null;
}
