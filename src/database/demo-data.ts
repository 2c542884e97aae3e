import type { EntityManager } from "@mikro-orm/core";
import { ActorKlantcontact } from "../klantcontacten/actor-klantcontact.entity";
import { Betrokkene } from "../klantcontacten/betrokkene.entity";
import { Bijlage } from "../klantcontacten/bijlage.entity";
import { Rol } from "../klantcontacten/enums";
import { Klantcontact } from "../klantcontacten/klantcontact.entity";
import { Onderwerpobject } from "../klantcontacten/onderwerpobject.entity";
import { Actor } from "../opvolging/actor.entity";
import { SoortActor, Taakstatus } from "../opvolging/enums";
import { InterneTaak } from "../opvolging/interne-taak.entity";
import { Toewijzing } from "../opvolging/toewijzing.entity";
import { DigitaalAdres } from "../partijen/digitaal-adres.entity";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortDigitaalAdres, SoortPartij } from "../partijen/enums";
import { Partij } from "../partijen/partij.entity";
import { PartijIdentificator } from "../partijen/partij-identificator.entity";

/**
 * Demo data for people trying the subgraph (SEED_DEMO_DATA=true, `npm run supergraph`), made from
 * the standard's cases: a citizen who asked for a call-back about his parkeervergunning (C9167),
 * whose melding openbare ruimte became a zaak (C4390), an anonymous e-mail with an attachment
 * (C1199), and a bakery whose contactpersoon asked about a terrasvergunning. The zaken live in the
 * Zaak subgraph; the test double there serves the zaken named here.
 */
export const DEMO = {
  bsn: "999993653",
  kvkNummer: "69599084",
  vestigingsnummer: "000038509504",
  rsin: "857567433",
  zaken: {
    parkeervergunning: { uuid: "d3c5e6a1-7b8f-4c2d-9e0a-1b2c3d4e5f60", identificatie: "ZAAK-2026-0000042" },
    stoeptegel: { uuid: "5b1f2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", identificatie: "ZAAK-2026-0000007" },
    terras: { uuid: "8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3", identificatie: "ZAAK-2026-0000113" },
  },
} as const;

type Data<T> = Partial<T> & Record<string, unknown>;

export async function seedDemoData(em: EntityManager): Promise<void> {
  const make = <T extends object>(entity: new () => T, data: Data<T>): T => em.create(entity, data as never);

  // Actoren
  const sanne = make(Actor, {
    naam: "Sanne Jansen",
    soortActor: SoortActor.MEDEWERKER,
    actoridentificator: {
      objectId: "s.jansen@gemeente.example.nl",
      codeObjecttype: "mdw",
      codeRegister: "msei",
      codeSoortObjectId: "email",
    },
    functie: "KCC-medewerker",
    emailadres: "s.jansen@gemeente.example.nl",
    telefoonnummer: "0201234567",
  });
  const vergunningen = make(Actor, {
    naam: "Afdeling Vergunningen",
    soortActor: SoortActor.ORGANISATORISCHE_EENHEID,
    actoridentificator: { objectId: "VERG", codeObjecttype: "afd", codeRegister: "obj", codeSoortObjectId: "idf" },
    omschrijving: "Vergunningen en handhaving",
    emailadres: "vergunningen@gemeente.example.nl",
  });
  const mailverwerker = make(Actor, {
    naam: "Mailverwerker info@",
    soortActor: SoortActor.GEAUTOMATISEERDE_ACTOR,
    functie: "Verwerkt e-mail aan info@",
    omschrijving: "Registreert binnengekomen e-mail als klantcontact",
  });

  // Partijen
  const jan = make(Partij, {
    soortPartij: SoortPartij.PERSOON,
    indicatieActief: true,
    voorkeurstaal: "nld",
    contactnaam: { voorletters: "J.", voornaam: "Jan", voorvoegselAchternaam: "de", achternaam: "Vries" },
    bezoekadres: { straatnaam: "Kerkstraat", huisnummer: 12, postcode: "1234 AB", stad: "Amsterdam", land: "NL" },
  });
  make(PartijIdentificator, {
    identificeerdePartij: jan,
    codeRegister: CodeRegister.BRP,
    codeObjecttype: CodeObjecttype.NATUURLIJK_PERSOON,
    codeSoortObjectId: CodeSoortObjectId.BSN,
    objectId: DEMO.bsn,
  });
  const janEmail = make(DigitaalAdres, {
    verstrektDoorPartij: jan,
    adres: "jan.devries@example.nl",
    soortDigitaalAdres: SoortDigitaalAdres.EMAIL,
    isStandaardAdres: true,
    omschrijving: "Privé",
  });
  make(DigitaalAdres, {
    verstrektDoorPartij: jan,
    adres: "0612345678",
    soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER,
    isStandaardAdres: true,
    omschrijving: "Mobiel",
  });
  jan.voorkeursDigitaalAdres = janEmail;

  const korenaar = make(Partij, {
    soortPartij: SoortPartij.ORGANISATIE,
    indicatieActief: true,
    organisatienaam: "Bakkerij De Korenaar B.V.",
    bezoekadres: { straatnaam: "Marktplein", huisnummer: 3, postcode: "1234 CD", stad: "Amsterdam", land: "NL" },
  });
  const kvk = make(PartijIdentificator, {
    identificeerdePartij: korenaar,
    codeRegister: CodeRegister.HR,
    codeObjecttype: CodeObjecttype.NIET_NATUURLIJK_PERSOON,
    codeSoortObjectId: CodeSoortObjectId.KVK_NUMMER,
    objectId: DEMO.kvkNummer,
  });
  make(PartijIdentificator, {
    identificeerdePartij: korenaar,
    codeRegister: CodeRegister.HR,
    codeObjecttype: CodeObjecttype.VESTIGING,
    codeSoortObjectId: CodeSoortObjectId.VESTIGINGSNUMMER,
    objectId: DEMO.vestigingsnummer,
    subIdentificatorVan: kvk,
  });
  make(PartijIdentificator, {
    identificeerdePartij: korenaar,
    codeRegister: CodeRegister.HR,
    codeObjecttype: CodeObjecttype.NIET_NATUURLIJK_PERSOON,
    codeSoortObjectId: CodeSoortObjectId.RSIN,
    objectId: DEMO.rsin,
  });
  make(DigitaalAdres, {
    verstrektDoorPartij: korenaar,
    adres: "info@korenaar.example.nl",
    soortDigitaalAdres: SoortDigitaalAdres.EMAIL,
    isStandaardAdres: true,
  });
  const petra = make(Partij, {
    soortPartij: SoortPartij.CONTACTPERSOON,
    indicatieActief: true,
    contactnaam: { voornaam: "Petra", achternaam: "Bakker" },
    werkteVoorPartij: korenaar,
  });

  // C9167: Jan belt over zijn parkeervergunning; de vraag gaat als terugbelverzoek naar Vergunningen.
  const terugbellen = make(Klantcontact, {
    kanaal: "telefoon",
    onderwerp: "Parkeervergunning",
    inhoud: "Wil weten wanneer zijn aanvraag voor een bewonersvergunning wordt beoordeeld.",
    indicatieContactGelukt: true,
    taal: "nld",
    vertrouwelijk: false,
    plaatsgevondenOp: new Date("2026-11-20T09:15:00Z"),
  });
  const janBijTerugbellen = make(Betrokkene, { hadKlantcontact: terugbellen, wasPartij: jan, rol: Rol.KLANT, initiator: true });
  make(DigitaalAdres, {
    verstrektDoorBetrokkene: janBijTerugbellen,
    adres: "0201111111",
    soortDigitaalAdres: SoortDigitaalAdres.TELEFOONNUMMER,
    omschrijving: "Overdag bereikbaar op werk",
  });
  make(ActorKlantcontact, { actor: sanne, klantcontact: terugbellen });
  make(Onderwerpobject, {
    klantcontact: terugbellen,
    onderwerpobjectidentificator: {
      objectId: DEMO.zaken.parkeervergunning.uuid,
      codeObjecttype: "zgw-Zaak",
      codeRegister: "openzaak",
      codeSoortObjectId: "uuid",
    },
  });
  const taak = make(InterneTaak, {
    gevraagdeHandeling: "Terugbellen",
    aanleidinggevendKlantcontact: terugbellen,
    toelichting: "Graag vóór vrijdag terugbellen.",
    status: Taakstatus.TE_VERWERKEN,
    toegewezenOp: new Date("2026-11-20T09:20:00Z"),
  });
  make(Toewijzing, { interneTaak: taak, actor: vergunningen });

  // C4390: Jan meldt een losliggende stoeptegel; er is direct een zaak van gemaakt (link op identificatie).
  const melding = make(Klantcontact, {
    kanaal: "telefoon",
    onderwerp: "Melding openbare ruimte",
    inhoud: "Losliggende stoeptegel voor Kerkstraat 12.",
    reactie: "Melding is doorgezet als zaak.",
    indicatieContactGelukt: true,
    taal: "nld",
    vertrouwelijk: false,
    plaatsgevondenOp: new Date("2026-03-14T13:02:00Z"),
  });
  make(Betrokkene, { hadKlantcontact: melding, wasPartij: jan, rol: Rol.KLANT, initiator: true });
  make(ActorKlantcontact, { actor: sanne, klantcontact: melding });
  make(Onderwerpobject, {
    klantcontact: melding,
    onderwerpobjectidentificator: {
      objectId: DEMO.zaken.stoeptegel.identificatie,
      codeObjecttype: "zaak",
      codeRegister: "openzaak",
      codeSoortObjectId: "identificatie",
    },
  });

  // Petra (contactpersoon van De Korenaar) vraagt naar de terrasvergunning.
  const terras = make(Klantcontact, {
    kanaal: "e-mail",
    onderwerp: "Terrasvergunning",
    inhoud: "Hoe lang duurt de beoordeling van onze aanvraag nog?",
    taal: "nld",
    vertrouwelijk: false,
    plaatsgevondenOp: new Date("2026-11-18T10:40:00Z"),
  });
  make(Betrokkene, {
    hadKlantcontact: terras,
    wasPartij: korenaar,
    rol: Rol.KLANT,
    initiator: false,
    organisatienaam: "Bakkerij De Korenaar B.V.",
  });
  make(Betrokkene, {
    hadKlantcontact: terras,
    wasPartij: petra,
    rol: Rol.VERTEGENWOORDIGER,
    initiator: true,
    contactnaam: { voornaam: "Petra", achternaam: "Bakker" },
    organisatienaam: "Bakkerij De Korenaar B.V.",
  });
  make(ActorKlantcontact, { actor: mailverwerker, klantcontact: terras });
  make(Onderwerpobject, {
    klantcontact: terras,
    onderwerpobjectidentificator: {
      objectId: DEMO.zaken.terras.uuid,
      codeObjecttype: "zgw-Zaak",
      codeRegister: "openzaak",
      codeSoortObjectId: "uuid",
    },
  });

  // C1199: an anonymous e-mail with an attachment, to be read by the KCC.
  const mail = make(Klantcontact, {
    kanaal: "e-mail",
    onderwerp: "Vraag over afvalinzameling",
    inhoud: "Wanneer wordt het grofvuil in mijn straat opgehaald?",
    indicatieContactGelukt: true,
    taal: "nld",
    vertrouwelijk: false,
    plaatsgevondenOp: new Date("2026-11-21T07:55:00Z"),
  });
  const afzender = make(Betrokkene, { hadKlantcontact: mail, rol: Rol.KLANT, initiator: true });
  make(DigitaalAdres, { verstrektDoorBetrokkene: afzender, adres: "bewoner@example.nl", soortDigitaalAdres: SoortDigitaalAdres.EMAIL });
  make(ActorKlantcontact, { actor: mailverwerker, klantcontact: mail });
  make(Bijlage, {
    wasBijlageVanKlantcontact: mail,
    bijlageidentificator: {
      objectId: "0c6f4b5e-2f2a-4f0e-9f55-6f7c9b1d2e3a",
      codeObjecttype: "DOCUMENT",
      codeRegister: "open-zaak",
      codeSoortObjectId: "uuid",
    },
  });
  const lezen = make(InterneTaak, {
    gevraagdeHandeling: "Lezen en bepalen benodigde actie",
    aanleidinggevendKlantcontact: mail,
    status: Taakstatus.TE_VERWERKEN,
    toegewezenOp: new Date("2026-11-21T08:00:00Z"),
  });
  make(Toewijzing, { interneTaak: lezen, actor: sanne });

  await em.flush();
}

/** Seeds only a database without partijen, so a restart never duplicates the demo. */
export async function seedDemoDataIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(Partij, {})) > 0) return false;
  await seedDemoData(em);
  return true;
}
