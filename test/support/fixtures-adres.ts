import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortPartij } from "../../src/partijen/enums";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";
import { Rekeningnummer } from "../../src/partijen/rekeningnummer.entity";
import type { TestApp } from "./app";

/**
 * Partijen and betrokkenen for the digitaal adres and rekeningnummer tests, written straight
 * through the ORM: their own mutations live in other modules.
 */

export async function maakPartij(
  app: TestApp,
  soortPartij: SoortPartij = SoortPartij.PERSOON,
  bsn?: string,
): Promise<Partij> {
  const em = app.orm.em.fork();
  const partij = em.create(Partij, { soortPartij, indicatieActief: true } as never);
  if (bsn) {
    em.create(PartijIdentificator, {
      identificeerdePartij: partij,
      codeObjecttype: CodeObjecttype.NATUURLIJK_PERSOON,
      codeSoortObjectId: CodeSoortObjectId.BSN,
      objectId: bsn,
      codeRegister: CodeRegister.BRP,
    } as never);
  }
  await em.flush();
  return partij;
}

/** A betrokkene (with the klantcontact it belongs to). */
export async function maakBetrokkene(app: TestApp, rol: Rol = Rol.KLANT): Promise<Betrokkene> {
  const em = app.orm.em.fork();
  const klantcontact = em.create(Klantcontact, {
    kanaal: "telefoon",
    onderwerp: "Vraag",
    taal: "nld",
    vertrouwelijk: false,
  } as never);
  const betrokkene = em.create(Betrokkene, { hadKlantcontact: klantcontact, rol, initiator: true } as never);
  await em.flush();
  return betrokkene;
}

/** The partij row as stored now (a fresh identity map, so nothing cached). */
export async function leesPartij(app: TestApp, uuid: string): Promise<Partij | null> {
  return app.orm.em.fork().findOne(Partij, { uuid });
}

/** Points the partij's voorkeursDigitaalAdres / voorkeursRekeningnummer at a row (by uuid). */
export async function zetVoorkeur(
  app: TestApp,
  partijUuid: string,
  voorkeur: { digitaalAdres?: string; rekeningnummer?: string },
): Promise<void> {
  const em = app.orm.em.fork();
  const partij = await em.findOneOrFail(Partij, { uuid: partijUuid });
  if (voorkeur.digitaalAdres) {
    partij.voorkeursDigitaalAdres = await em.findOneOrFail(DigitaalAdres, { uuid: voorkeur.digitaalAdres });
  }
  if (voorkeur.rekeningnummer) {
    partij.voorkeursRekeningnummer = await em.findOneOrFail(Rekeningnummer, { uuid: voorkeur.rekeningnummer });
  }
  await em.flush();
}
