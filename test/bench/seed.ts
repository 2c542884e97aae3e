import { randomUUID } from "node:crypto";
import type { EntityManager, MikroORM } from "@mikro-orm/core";
import { ActorKlantcontact } from "../../src/klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../../src/klantcontacten/betrokkene.entity";
import { Rol } from "../../src/klantcontacten/enums";
import { Klantcontact } from "../../src/klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../../src/klantcontacten/onderwerpobject.entity";
import { Actor } from "../../src/opvolging/actor.entity";
import { SoortActor, Taakstatus } from "../../src/opvolging/enums";
import { InterneTaak } from "../../src/opvolging/interne-taak.entity";
import { Toewijzing } from "../../src/opvolging/toewijzing.entity";
import { DigitaalAdres } from "../../src/partijen/digitaal-adres.entity";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortDigitaalAdres, SoortPartij } from "../../src/partijen/enums";
import { Partij } from "../../src/partijen/partij.entity";
import { PartijIdentificator } from "../../src/partijen/partij-identificator.entity";
import type { FixtureRol, FixtureZaak } from "../federation/zaken-fixtures";

/** Sizes of the municipality slice; every one can be set from the environment. */
export interface SeedSizes {
  partijen: number;
  /** Share of the partijen that are organisaties (with a KvK-nummer; half of them with a vestiging). */
  organisaties: number;
  minContacten: number;
  maxContacten: number;
  /** Share of the klantcontacten that led to an interne taak. */
  taken: number;
  actoren: number;
  /** Partijen per flush. */
  batch: number;
}

/** What the scenarios need to pick from: keys of the seeded rows. */
export interface Seeded {
  bsns: string[];
  partijUuids: string[];
  actorUuids: string[];
  zaken: FixtureZaak[];
}

/** A small deterministic PRNG (mulberry32), so that every run seeds the same slice. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nine-digit numbers that pass the BSN eleven test, in increasing order from 100000000. */
function bsnGenerator(): () => string {
  let candidate = 100_000_000;
  return () => {
    for (; ; ) {
      const digits = String(++candidate).split("").map(Number);
      const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8];
      if (sum % 11 === 0) return String(candidate);
    }
  };
}

const VOORNAMEN = ["Jan", "Fatima", "Pieter", "Anouk", "Mohamed", "Sanne", "Daan", "Emma", "Yusuf", "Lotte", "Kees", "Noor"];
const ACHTERNAMEN = ["Jansen", "de Vries", "Bakker", "El Amrani", "Visser", "Smit", "Yilmaz", "de Boer", "Mulder", "Bos"];
const KANALEN = ["telefoon", "e-mail", "balie", "webformulier", "chat"];
const ONDERWERPEN = ["Parkeervergunning", "Afvalinzameling", "Paspoort aanvragen", "Melding openbare ruimte", "Bijstand", "Verhuizing"];
const ZAAKTYPEN = [
  ["PARKEERVERGUNNING", "Parkeervergunning aanvragen"],
  ["MOR", "Melding openbare ruimte"],
  ["BIJSTAND", "Aanvraag bijstandsuitkering"],
  ["TERRAS", "Terrasvergunning aanvragen"],
] as const;

type Data<T> = Partial<T> & Record<string, unknown>;

/**
 * Seeds a municipality slice straight through the ORM, a batch of partijen per flush: partijen
 * with their identificatoren and three digitale adressen, their klantcontacten (betrokkene, actor,
 * onderwerpobject about one of their zaken), interne taken for some, and the zaken the Zaak double
 * serves for them (each with the partij as initiator, as the Zaken API would have it).
 */
export async function seedSlice(orm: MikroORM, sizes: SeedSizes): Promise<Seeded> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const seeded: Seeded = { bsns: [], partijUuids: [], actorUuids: [], zaken: [] };

  let em: EntityManager = orm.em.fork();
  const make = <T extends object>(entity: new () => T, data: Data<T>): T => em.create(entity, data as never);

  const actorIds: number[] = [];
  for (let i = 0; i < sizes.actoren; i++) {
    const afdeling = i % 6 === 5;
    const actor = make(Actor, {
      naam: afdeling ? `Afdeling ${i}` : `${pick(VOORNAMEN)} ${pick(ACHTERNAMEN)} (${i})`,
      soortActor: afdeling ? SoortActor.ORGANISATORISCHE_EENHEID : SoortActor.MEDEWERKER,
      actoridentificator: { objectId: `mdw-${i}`, codeObjecttype: "mdw", codeRegister: "msei", codeSoortObjectId: "idf" },
      emailadres: `actor${i}@gemeente.example.nl`,
    });
    seeded.actorUuids.push(actor.uuid);
  }
  await em.flush();
  actorIds.push(...(await em.find(Actor, {}, { fields: ["id"], orderBy: { id: "asc" } })).map((a) => a.id));
  em = orm.em.fork();

  const now = Date.UTC(2026, 10, 23);
  const threeYears = 3 * 365 * 24 * 3600 * 1000;
  let zaakNummer = 1000;
  let vestigingNummer = 1;
  const bsn = bsnGenerator();

  for (let start = 0; start < sizes.partijen; start += sizes.batch) {
    em = orm.em.fork();
    const end = Math.min(start + sizes.batch, sizes.partijen);
    for (let n = start; n < end; n++) {
      const organisatie = rnd() < sizes.organisaties;
      const partij = organisatie
        ? make(Partij, {
            soortPartij: SoortPartij.ORGANISATIE,
            indicatieActief: true,
            organisatienaam: `${pick(ACHTERNAMEN)} Holding ${n} B.V.`,
            bezoekadres: { straatnaam: "Marktplein", huisnummer: (n % 200) + 1, postcode: "1234 CD", stad: "Amsterdam", land: "NL" },
          })
        : make(Partij, {
            soortPartij: SoortPartij.PERSOON,
            indicatieActief: rnd() < 0.97,
            voorkeurstaal: "nld",
            contactnaam: { voornaam: pick(VOORNAMEN), achternaam: pick(ACHTERNAMEN) },
            bezoekadres: { straatnaam: "Kerkstraat", huisnummer: (n % 300) + 1, postcode: "1234 AB", stad: "Amsterdam", land: "NL" },
          });
      seeded.partijUuids.push(partij.uuid);

      const rol: Partial<FixtureRol> = {};
      if (organisatie) {
        const kvkNummer = String(60_000_000 + n);
        const kvk = make(PartijIdentificator, {
          identificeerdePartij: partij,
          codeRegister: CodeRegister.HR,
          codeObjecttype: CodeObjecttype.NIET_NATUURLIJK_PERSOON,
          codeSoortObjectId: CodeSoortObjectId.KVK_NUMMER,
          objectId: kvkNummer,
        });
        Object.assign(rol, { betrokkeneType: "NIET_NATUURLIJK_PERSOON", innNnpId: kvkNummer });
        if (rnd() < 0.5) {
          const vestigingsNummer = String(vestigingNummer++).padStart(12, "0");
          make(PartijIdentificator, {
            identificeerdePartij: partij,
            codeRegister: CodeRegister.HR,
            codeObjecttype: CodeObjecttype.VESTIGING,
            codeSoortObjectId: CodeSoortObjectId.VESTIGINGSNUMMER,
            objectId: vestigingsNummer,
            subIdentificatorVan: kvk,
          });
        }
      } else {
        const nummer = bsn();
        seeded.bsns.push(nummer);
        make(PartijIdentificator, {
          identificeerdePartij: partij,
          codeRegister: CodeRegister.BRP,
          codeObjecttype: CodeObjecttype.NATUURLIJK_PERSOON,
          codeSoortObjectId: CodeSoortObjectId.BSN,
          objectId: nummer,
        });
        Object.assign(rol, { betrokkeneType: "NATUURLIJK_PERSOON", inpBsn: nummer });
      }

      make(DigitaalAdres, {
        verstrektDoorPartij: partij,
        adres: `klant${n}@example.nl`,
        soortDigitaalAdres: SoortDigitaalAdres.EMAIL,
        isStandaardAdres: true,
      });
      make(DigitaalAdres, {
        verstrektDoorPartij: partij,
        adres: `06${String(10_000_000 + n).slice(-8)}`,
        soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER,
        isStandaardAdres: true,
        omschrijving: "Mobiel",
      });
      make(DigitaalAdres, {
        verstrektDoorPartij: partij,
        adres: `020${String(1_000_000 + n).slice(-7)}`,
        soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER,
        omschrijving: "Werk",
      });

      // One to three zaken per partij, served by the Zaak double.
      const zaken: FixtureZaak[] = [];
      const zaakCount = 1 + Math.floor(rnd() * 3);
      for (let z = 0; z < zaakCount; z++) {
        const [code, omschrijving] = pick(ZAAKTYPEN);
        const startdatum = new Date(now - rnd() * threeYears).toISOString().slice(0, 10);
        const afgesloten = rnd() < 0.6;
        const uuid = randomUUID();
        const zaak: FixtureZaak = {
          uuid,
          identificatie: `ZAAK-${startdatum.slice(0, 4)}-${String(zaakNummer++).padStart(7, "0")}`,
          url: `https://zaken.example.nl/zaken/api/v1/zaken/${uuid}`,
          bronorganisatie: "002220647",
          omschrijving: `${omschrijving} (${n}.${z})`,
          toelichting: null,
          zaaktype: { url: `https://zaken.example.nl/catalogi/api/v1/zaaktypen/${code.toLowerCase()}`, identificatie: code, omschrijving },
          registratiedatum: startdatum,
          startdatum,
          einddatumGepland: null,
          einddatum: afgesloten ? startdatum : null,
          status: {
            statustype: { omschrijving: afgesloten ? "Afgehandeld" : "In behandeling", volgnummer: afgesloten ? 3 : 2, isEindstatus: afgesloten },
            datumStatusGezet: `${startdatum}T12:00:00Z`,
            statustoelichting: null,
          },
          rollen: [{ omschrijvingGeneriek: "initiator", roltoelichting: null, naam: null, ...rol } as FixtureRol],
        };
        zaken.push(zaak);
        seeded.zaken.push(zaak);
      }

      const contacten = sizes.minContacten + Math.floor(rnd() * (sizes.maxContacten - sizes.minContacten + 1));
      for (let c = 0; c < contacten; c++) {
        const zaak = pick(zaken);
        const contact = make(Klantcontact, {
          kanaal: pick(KANALEN),
          onderwerp: pick(ONDERWERPEN),
          inhoud: "Vraag van de klant, zoals genoteerd door de medewerker.",
          indicatieContactGelukt: true,
          taal: "nld",
          vertrouwelijk: false,
          plaatsgevondenOp: new Date(now - rnd() * threeYears),
        });
        make(Betrokkene, { hadKlantcontact: contact, wasPartij: partij, rol: Rol.KLANT, initiator: true });
        const actor = em.getReference(Actor, pick(actorIds));
        make(ActorKlantcontact, { actor, klantcontact: contact });
        // KISS and ITA link by zaak uuid, Open Inwoner by zaakidentificatie.
        const viaUuid = rnd() < 0.8;
        make(Onderwerpobject, {
          klantcontact: contact,
          onderwerpobjectidentificator: viaUuid
            ? { objectId: zaak.uuid, codeObjecttype: "zgw-Zaak", codeRegister: "openzaak", codeSoortObjectId: "uuid" }
            : { objectId: zaak.identificatie, codeObjecttype: "zaak", codeRegister: "openzaak", codeSoortObjectId: "identificatie" },
        });
        if (rnd() < sizes.taken) {
          const open = rnd() < 0.7;
          const taak = make(InterneTaak, {
            gevraagdeHandeling: pick(["Terugbellen", "Informeren", "Doorzetten naar vakafdeling"]),
            aanleidinggevendKlantcontact: contact,
            status: open ? Taakstatus.TE_VERWERKEN : Taakstatus.VERWERKT,
            toegewezenOp: contact.plaatsgevondenOp,
            afgehandeldOp: open ? null : new Date(contact.plaatsgevondenOp.getTime() + 86_400_000),
          });
          make(Toewijzing, { interneTaak: taak, actor });
        }
      }
    }
    await em.flush();
  }
  return seeded;
}

/** Rows per table, for the report. */
export async function countRows(orm: MikroORM): Promise<Array<[string, number]>> {
  const em = orm.em.fork();
  const entities = [Partij, PartijIdentificator, DigitaalAdres, Klantcontact, Betrokkene, ActorKlantcontact, Onderwerpobject, InterneTaak, Toewijzing, Actor];
  const counts: Array<[string, number]> = [];
  for (const entity of entities) counts.push([entity.name, await em.count(entity, {})]);
  return counts;
}
