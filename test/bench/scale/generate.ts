import { zoekadres } from "../../../src/partijen/digitaal-adres.normalisation";
import { SoortDigitaalAdres } from "../../../src/partijen/enums";
import {
  ElfproefNummers,
  KvkNummers,
  mobielNummer,
  nummeraanduidingId,
  postcode,
  rekeningnummer,
  slug,
  vastNummer,
  Vestigingsnummers,
} from "./numbers";
import { type Random, WeightedOptions } from "./random";
import { BUFFER_NAMES, RowBuffer, TABLE_NAMES, TABLES, type Batch, type BufferName, type TableName } from "./tables";
import {
  ACHTERNAMEN,
  AFDELINGEN,
  BRANCHES,
  EMAILDOMEINEN,
  FUNCTIES,
  GEVRAAGDE_HANDELINGEN,
  HUISNUMMERTOEVOEGINGEN,
  KANALEN,
  ONDERWERPEN,
  ORGANISATIE_NAMEN,
  REACTIES,
  RECHTSVORMEN,
  STEDEN,
  STICHTINGEN,
  STRAATNAMEN,
  TAAK_TOELICHTINGEN,
  TALEN,
  VOORNAMEN,
  type Stad,
} from "./vocabulary";

/**
 * Generates the scale data, one partij (or one organisation with its vestigingen and
 * contactpersonen) at a time, into row buffers that the caller writes away whenever they fill up:
 * memory holds a batch or two (one being written), whatever the number of partijen.
 *
 * The shape follows how the clients use the registry (../shared/reference/clients.md): KISS
 * registers a contact with a betrokkene (the partij, its name as given), the medewerker as actor
 * and the zaak by uuid; Open Inwoner links a zaak by identificatie and answers a question with a
 * klantcontact whose onderwerpobject points at the question; ITA works through interne taken
 * assigned to medewerkers and afdelingen. Values are written exactly as MikroORM would store them
 * (enums in lower case, uuids in lower case, zoekadres from the application's own normalisation).
 */

/** The moment "now" of the data: fixed, so that a seed gives the same rows whenever it runs. */
export const PEILMOMENT = Date.UTC(2026, 11, 1, 8, 0, 0);
const DAY = 86_400_000;
const HISTORY = 5 * 365 * DAY;

/** How the zaak links of the clients are written (src/klantcontacten/registreer-klantcontact.service.ts). */
const ZAAK_OP_UUID = ["zgw-Zaak", "openzaak", "uuid"] as const;
const ZAAK_OP_IDENTIFICATIE = ["zaak", "openzaak", "identificatie"] as const;
/** ITA's link from an answer to the contact it answers. */
const ANTWOORD_OP = ["klantcontact", "openklant", "uuid"] as const;
const FORMULIERINZENDING = ["formulierinzending", "Open Formulieren", "public_registration_reference"] as const;

export interface ScalePlan {
  partijen: number;
  /** Mean klantcontacten per partij over all partijen. */
  klantcontactenPerPartij: number;
  actoren: number;
  /**
   * The few partijen with a very long history (a bewindvoerder who calls for all clients): the
   * index of the partij in generation order and its number of klantcontacten.
   */
  lang: ReadonlyArray<{ index: number; klantcontacten: number }>;
  /** Mean of the Lomax draw for every other partij, so that the mean over all comes out as asked. */
  gewoneGemiddelde: number;
}

/** Shape of the long tail: smaller is heavier. 2.5 gives a finite variance and hundreds of partijen above 100. */
const TAIL_ALPHA = 2.5;
/** No ordinary partij gets more than this; the long histories are planned apart. */
const MAX_GEWOON = 5_000;

export function planFor(partijen: number, klantcontactenPerPartij = 10): ScalePlan {
  const actoren = Math.min(400, Math.max(12, Math.round(partijen / 250)));
  const langCount = partijen >= 1_000 ? Math.max(1, Math.round(partijen / 25_000)) : partijen >= 100 ? 1 : 0;
  // A fifth of the partijen, and far above what the tail gives the others on a small seed.
  const base = Math.min(20_000, Math.max(Math.round(partijen / 5), 40 * klantcontactenPerPartij));
  const factors = Array.from({ length: langCount }, (_, i) => [1, 1.25, 1.5, 2][i % 4]);
  // Never more than a quarter of all klantcontacten, so that the others keep their mean.
  const total = klantcontactenPerPartij * partijen;
  const scale = Math.min(1, (0.25 * total) / Math.max(1, base * factors.reduce((a, b) => a + b, 0)));
  const lang = factors.map((factor, i) => ({
    index: Math.floor(((i + 0.5) * partijen) / langCount),
    klantcontacten: Math.round(base * factor * scale),
  }));
  const langTotal = lang.reduce((sum, l) => sum + l.klantcontacten, 0);
  const rest = Math.max(0, total - langTotal);
  const gewoneGemiddelde = partijen > langCount ? rest / (partijen - langCount) : 0;
  return { partijen, klantcontactenPerPartij, actoren, lang, gewoneGemiddelde };
}

/** First free id of each table (the caller reads max(id) + 1). */
export type FirstIds = Record<TableName, number>;

type Adres = [string | null, string | null, number | null, string | null, string | null, string | null, string | null, string | null];
const GEEN_ADRES: Adres = [null, null, null, null, null, null, null, null];

interface Naam {
  voorletters: string;
  voornaam: string;
  voorvoegsel: string | null;
  achternaam: string;
}

interface ActorRef {
  id: number;
  soort: "medewerker" | "organisatorische_eenheid" | "geautomatiseerde_actor";
}

/** A zaak of the Zaak subgraph that contacts of one partij are about (it exists there, not here). */
interface Zaak {
  uuid: string;
  identificatie: string;
}

interface Contact {
  id: number;
  uuid: string;
}

export class ScaleData {
  readonly buffers: Record<BufferName, RowBuffer>;
  /** (partij id, digitaal adres id) pairs: partij.voorkeurs_digitaal_adres_id, set once both rows exist. */
  private voorkeuren: Batch["voorkeuren"] = { partij: [], adres: [] };
  /** Rows generated per table so far. */
  readonly counts: Record<TableName, number>;
  /** Partijen generated so far. */
  partijen = 0;
  /** The most klantcontacten one partij has. */
  langsteHistorie = 0;

  private readonly next: Record<TableName, number>;
  private readonly eerstePartij: number;
  private readonly bsns = new ElfproefNummers(13_579_135);
  private readonly rsins = new ElfproefNummers(24_681_357);
  private readonly kvks = new KvkNummers(31_415_926);
  private readonly vestigingsnummers = new Vestigingsnummers(27_182_818);
  private zaakNummer = 0;
  private langIndex = 0;
  private readonly medewerkers: ActorRef[] = [];
  private readonly afdelingen: ActorRef[] = [];
  private readonly bots: { formulieren: ActorRef; mail: ActorRef };
  private medewerkerKans!: number[];
  private afdelingKans!: number[];

  private readonly steden = new WeightedOptions(STEDEN.map((stad) => [stad, stad.gewicht] as const));
  private readonly kanalen = new WeightedOptions(KANALEN);
  private readonly talen = new WeightedOptions(TALEN);
  private readonly handelingen = new WeightedOptions(GEVRAAGDE_HANDELINGEN);

  constructor(
    private readonly random: Random,
    private readonly plan: ScalePlan,
    firstIds: FirstIds,
  ) {
    this.buffers = Object.fromEntries(BUFFER_NAMES.map((name) => [name, new RowBuffer(name, TABLES[name])])) as Record<
      BufferName,
      RowBuffer
    >;
    this.counts = Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])) as Record<TableName, number>;
    this.next = { ...firstIds };
    this.eerstePartij = firstIds.partij;
    this.bots = this.actoren();
  }

  /** Hands the buffered rows over (to be written) and starts a new batch. */
  take(): Batch {
    const buffers = Object.fromEntries(BUFFER_NAMES.map((name) => [name, this.buffers[name].take()])) as Record<BufferName, RowBuffer>;
    const voorkeuren = this.voorkeuren;
    this.voorkeuren = { partij: [], adres: [] };
    return { buffers, voorkeuren };
  }

  /** Rows waiting in the buffers. */
  buffered(): number {
    let total = 0;
    for (const name of BUFFER_NAMES) total += this.buffers[name].length;
    return total;
  }

  private id(buffer: BufferName): number {
    const table = TABLES[buffer].name;
    this.counts[table]++;
    return this.next[table]++;
  }

  // Actoren ----------------------------------------------------------------------------------

  /** The municipality's medewerkers, afdelingen and two systems, written before any partij. */
  private actoren(): { formulieren: ActorRef; mail: ActorRef } {
    const random = this.random;
    const actor = this.buffers.actor;
    const afdelingCount = Math.min(AFDELINGEN.length, Math.max(2, Math.round(this.plan.actoren * 0.1)));
    const medewerkerCount = Math.max(1, this.plan.actoren - afdelingCount - 2);
    const emails = new Set<string>();

    for (let i = 0; i < medewerkerCount; i++) {
      const naam = this.naam();
      let email = `${slug(naam.voornaam[0])}.${slug((naam.voorvoegsel ?? "") + naam.achternaam)}@gemeente.example.nl`;
      for (let k = 2; emails.has(email); k++) email = email.replace(/\d*@/, `${k}@`);
      emails.add(email);
      const id = this.id("actor");
      // KISS and ITA identify a medewerker by e-mail in the medewerkerregister (mdw / msei / email).
      actor.add(
        id,
        random.uuid(),
        volledigeNaam(naam),
        "medewerker",
        random.chance(0.95),
        "mdw",
        "msei",
        "email",
        email,
        random.pick(FUNCTIES),
        email,
        vastNummer(random, STEDEN[0]),
        null,
      );
      this.medewerkers.push({ id, soort: "medewerker" });
    }
    for (let i = 0; i < afdelingCount; i++) {
      const [code, naam, omschrijving] = AFDELINGEN[i];
      const id = this.id("actor");
      actor.add(
        id,
        random.uuid(),
        `Afdeling ${naam}`,
        "organisatorische_eenheid",
        true,
        "afd",
        "obj",
        "idf",
        code,
        null,
        `${slug(naam)}@gemeente.example.nl`,
        vastNummer(random, STEDEN[0]),
        omschrijving,
      );
      this.afdelingen.push({ id, soort: "organisatorische_eenheid" });
    }
    const bot = (naam: string, functie: string, omschrijving: string): ActorRef => {
      const id = this.id("actor");
      actor.add(id, random.uuid(), naam, "geautomatiseerde_actor", true, null, null, null, null, functie, null, null, omschrijving);
      return { id, soort: "geautomatiseerde_actor" as const };
    };
    const bots = {
      formulieren: bot("Open Formulieren", "Registreert formulierinzendingen", "Formulierenservice van de gemeente"),
      mail: bot("Mailverwerker info@", "Verwerkt e-mail aan info@", "Registreert binnengekomen e-mail als klantcontact"),
    };
    // A few medewerkers and afdelingen do most of the work (Zipf-like).
    this.medewerkerKans = cumulativeZipf(this.medewerkers.length, 0.8);
    this.afdelingKans = cumulativeZipf(this.afdelingen.length, 0.8);
    return bots;
  }

  private medewerker(): ActorRef {
    return this.medewerkers[pickCumulative(this.medewerkerKans, this.random.next())];
  }

  private afdeling(): ActorRef {
    return this.afdelingen[pickCumulative(this.afdelingKans, this.random.next())];
  }

  // Partijen ---------------------------------------------------------------------------------

  /**
   * The next partij, or an organisation with its vestigingen and contactpersonen (never more than
   * the plan's partijen). `whenFull` is awaited between contacts so that the caller can write the
   * buffers away during a very long history.
   */
  async nextPartij(whenFull: () => Promise<void>): Promise<void> {
    const lang = this.plan.lang[this.langIndex];
    if (lang && lang.index <= this.partijen) {
      this.langIndex++;
      const partij = this.persoon();
      // A bewindvoerder: represents clients among the partijen so far, and calls for all of them.
      for (let client = 1; client <= partij.id - this.eerstePartij && client <= 50; client++) {
        this.buffers.vertegenwoordiging.add(this.id("vertegenwoordiging"), this.random.uuid(), partij.id, partij.id - client);
      }
      await this.klantcontacten(partij, lang.klantcontacten, whenFull);
      return;
    }
    if (this.random.chance(0.12)) {
      await this.organisatie(whenFull);
    } else {
      const partij = this.persoon();
      await this.klantcontacten(partij, this.gewoonAantal(), whenFull);
    }
    // Now and then someone unknown asks to be called back (a KISS contactverzoek without a partij).
    if (this.random.chance(0.2)) this.klantcontact(null, PEILMOMENT - Math.floor(this.random.next() * HISTORY), [], null, true);
  }

  private gewoonAantal(): number {
    // floor() of a continuous draw loses half a contact on average: added back here.
    const draw = Math.floor(this.random.lomax(this.plan.gewoneGemiddelde + 0.5, TAIL_ALPHA));
    return Math.min(MAX_GEWOON, draw);
  }

  private naam(): Naam {
    const random = this.random;
    const voornaam = random.pick(VOORNAMEN);
    const [voorvoegsel, achternaam] = random.pick(ACHTERNAMEN);
    const tweede = random.chance(0.3) ? `${random.pick("ABCDEGHJKLMPRSTW")}.` : "";
    return { voorletters: `${voornaam[0]}.${tweede}`, voornaam, voorvoegsel, achternaam };
  }

  private adres(stad: Stad): Adres {
    const random = this.random;
    return [
      random.chance(0.7) ? nummeraanduidingId(random, stad) : null,
      random.pick(STRAATNAMEN),
      random.chance(0.8) ? random.int(1, 150) : random.int(151, 999),
      random.chance(0.12) ? random.pick(HUISNUMMERTOEVOEGINGEN) : null,
      postcode(random, stad),
      stad.naam,
      null,
      "NL",
    ];
  }

  private postbus(stad: Stad): Adres {
    return [null, null, null, null, postcode(this.random, stad), stad.naam, `Postbus ${this.random.int(1, 9999)}`, "NL"];
  }

  private partij(
    soort: "persoon" | "organisatie" | "contactpersoon",
    fields: { naam?: Naam; organisatienaam?: string; bezoekadres?: Adres; correspondentieadres?: Adres; werkteVoor?: number },
  ): number {
    const random = this.random;
    const id = this.id("partij");
    this.partijen++;
    const naam = fields.naam;
    const geheim = random.next();
    // One in a hundred has geheimhouding (counted, not drawn, so that a small seed has some too).
    const geheimhouding = this.partijen % 100 === 42 ? true : geheim < 0.8 ? null : false;
    const bezoek = fields.bezoekadres ?? GEEN_ADRES;
    const correspondentie = fields.correspondentieadres ?? GEEN_ADRES;
    this.buffers.partij.add(
      id,
      random.uuid(),
      soort,
      // Most partijen were never asked (null); a few have geheimhouding, which access rules hide.
      geheimhouding,
      soort === "organisatie" ? "" : random.weighted(this.talen),
      random.chance(0.98),
      random.chance(0.02) ? "Let op: klant belt vaak terug over dezelfde vraag; verwijs naar de lopende zaak." : "",
      ...bezoek,
      ...correspondentie,
      naam?.voorletters ?? null,
      naam?.voornaam ?? null,
      naam?.voorvoegsel ?? null,
      naam?.achternaam ?? null,
      fields.organisatienaam ?? null,
      // The application gives a contactpersoon a uuid of its own (PartijService).
      soort === "contactpersoon" ? random.uuid() : null,
      fields.werkteVoor ?? null,
    );
    return id;
  }

  private identificator(partij: number, objecttype: string, soort: string, objectId: string, register: string, sub: number | null): number {
    const id = this.id("partij_identificator");
    this.buffers.partij_identificator.add(id, this.random.uuid(), partij, objecttype, soort, objectId, register, sub);
    return id;
  }

  private digitaalAdres(partij: number, soort: SoortDigitaalAdres, adres: string, standaard: boolean, omschrijving: string): number {
    const id = this.id("digitaal_adres");
    const verificatie =
      soort === SoortDigitaalAdres.EMAIL && this.random.chance(0.3) ? datum(PEILMOMENT - this.random.next() * HISTORY) : null;
    this.buffers.digitaal_adres.add(
      id,
      this.random.uuid(),
      partij,
      adres,
      zoekadres(soort, adres),
      soort,
      standaard,
      omschrijving,
      verificatie,
    );
    return id;
  }

  private persoon(): PartijInfo {
    const random = this.random;
    const stad = random.weighted(this.steden);
    const naam = this.naam();
    const id = this.partij("persoon", {
      naam,
      bezoekadres: random.chance(0.85) ? this.adres(stad) : undefined,
      correspondentieadres: random.chance(0.04) ? this.postbus(stad) : undefined,
    });
    this.identificator(id, "natuurlijk_persoon", "bsn", this.bsns.next(), "brp", null);

    const adressen: number[] = [];
    const email = random.chance(0.8) ? persoonlijkEmail(random, naam, id) : null;
    if (email)
      adressen.push(this.digitaalAdres(id, SoortDigitaalAdres.EMAIL, email, random.chance(0.9), random.chance(0.3) ? "Privé" : ""));
    const mobiel = random.chance(0.75) ? mobielNummer(random) : null;
    if (mobiel) adressen.push(this.digitaalAdres(id, SoortDigitaalAdres.TELEFOONNUMMER, mobiel, true, "Mobiel"));
    const vast = random.chance(0.25) ? vastNummer(random, stad) : null;
    if (vast)
      adressen.push(this.digitaalAdres(id, SoortDigitaalAdres.TELEFOONNUMMER, vast, !mobiel, random.chance(0.5) ? "Thuis" : "Werk"));
    this.kiesVoorkeur(id, adressen);
    if (random.chance(0.25)) this.rekeningnummer(id);
    return { id, naam, organisatienaam: "", telefoon: mobiel ?? vast, email };
  }

  private rekeningnummer(partij: number): void {
    const { iban, bic } = rekeningnummer(this.random);
    this.buffers.rekeningnummer.add(this.id("rekeningnummer"), this.random.uuid(), partij, iban, this.random.chance(0.5) ? bic : "");
  }

  private kiesVoorkeur(partij: number, adressen: number[]): void {
    if (adressen.length > 0 && this.random.chance(0.4)) {
      this.voorkeuren.partij.push(partij);
      this.voorkeuren.adres.push(this.random.pick(adressen));
    }
  }

  /** An organisation with its KvK-nummer, some with vestigingen (partijen of their own) and contactpersonen. */
  private async organisatie(whenFull: () => Promise<void>): Promise<void> {
    const random = this.random;
    const stad = random.weighted(this.steden);
    const naam = organisatienaam(random);
    const id = this.partij("organisatie", {
      organisatienaam: naam,
      bezoekadres: random.chance(0.95) ? this.adres(stad) : undefined,
      correspondentieadres: random.chance(0.3) ? this.postbus(stad) : undefined,
    });
    const kvk = this.identificator(id, "niet_natuurlijk_persoon", "kvk_nummer", this.kvks.next(), "hr", null);
    if (random.chance(0.4)) this.identificator(id, "niet_natuurlijk_persoon", "rsin", this.rsins.next(), "hr", null);
    // The hoofdvestiging, under the organisation's own KvK-nummer.
    if (random.chance(0.6)) this.identificator(id, "vestiging", "vestigingsnummer", this.vestigingsnummers.next(), "hr", kvk);
    const domein = `${slug(naam).slice(0, 30) || "bedrijf"}.nl`;
    const adressen = [
      this.digitaalAdres(id, SoortDigitaalAdres.EMAIL, `info@${domein}`, true, "Algemeen"),
      this.digitaalAdres(id, SoortDigitaalAdres.TELEFOONNUMMER, vastNummer(random, stad), true, "Receptie"),
    ];
    this.kiesVoorkeur(id, adressen);
    if (random.chance(0.5)) this.rekeningnummer(id);
    const organisatie: PartijInfo = { id, naam: null, organisatienaam: naam, telefoon: null, email: `info@${domein}` };
    await this.klantcontacten(organisatie, this.gewoonAantal(), whenFull);

    // Other vestigingen: partijen of their own with a vestigingsnummer under the KvK-nummer.
    const vestigingen = random.chance(0.2) ? random.int(1, 4) : 0;
    for (let v = 0; v < vestigingen && this.partijen < this.plan.partijen; v++) {
      const vestigingStad = random.weighted(this.steden);
      const vestigingNaam = `${naam}, vestiging ${vestigingStad.naam}`.slice(0, 200);
      const vestiging = this.partij("organisatie", { organisatienaam: vestigingNaam, bezoekadres: this.adres(vestigingStad) });
      this.identificator(vestiging, "vestiging", "vestigingsnummer", this.vestigingsnummers.next(), "hr", kvk);
      this.kiesVoorkeur(vestiging, [
        this.digitaalAdres(vestiging, SoortDigitaalAdres.TELEFOONNUMMER, vastNummer(random, vestigingStad), true, "Vestiging"),
      ]);
      const vestigingInfo = { id: vestiging, naam: null, organisatienaam: vestigingNaam, telefoon: null, email: null };
      await this.klantcontacten(vestigingInfo, this.gewoonAantal(), whenFull);
    }

    // Contactpersonen who call on the organisation's behalf.
    const contactpersonen = random.chance(0.15) ? random.int(1, 3) : 0;
    for (let c = 0; c < contactpersonen && this.partijen < this.plan.partijen; c++) {
      const persoon = this.naam();
      const contactpersoon = this.partij("contactpersoon", { naam: persoon, werkteVoor: id });
      const email = `${slug(persoon.voornaam)}.${slug((persoon.voorvoegsel ?? "") + persoon.achternaam)}@${domein}`.slice(-80);
      this.kiesVoorkeur(contactpersoon, [this.digitaalAdres(contactpersoon, SoortDigitaalAdres.EMAIL, email, true, "Werk")]);
      const contactpersoonInfo = { id: contactpersoon, naam: persoon, organisatienaam: naam, telefoon: null, email };
      await this.klantcontacten(contactpersoonInfo, this.gewoonAantal(), whenFull);
    }
  }

  // Klantcontacten ---------------------------------------------------------------------------

  /** A partij's history: `count` contacts in time order, with betrokkenen, actors, onderwerpobjecten and taken. */
  private async klantcontacten(partij: PartijInfo, count: number, whenFull: () => Promise<void>): Promise<void> {
    const random = this.random;
    // Sorted times, drawn in pieces for a long history so that no big array is held.
    const tijden = uniformSorted(random, count, PEILMOMENT - HISTORY, PEILMOMENT);
    this.langsteHistorie = Math.max(this.langsteHistorie, count);
    const zaken: Zaak[] = [];
    let vorige: Contact | null = null;
    for (let c = 0; c < count; c++) {
      const tijdstip = tijden.next();
      vorige = this.klantcontact(partij, tijdstip, zaken, vorige);
      if ((c & 255) === 255) await whenFull();
    }
  }

  /** One contact of `partij`, or with `partij` null one of someone not known as a partij. */
  private klantcontact(
    partij: PartijInfo | null,
    tijdstip: number,
    zaken: Zaak[],
    vorige: Contact | null,
    contactverzoek = false,
  ): Contact {
    const random = this.random;
    const id = this.id("klantcontact");
    const uuid = random.uuid();
    const kanaal = contactverzoek ? "telefoon" : random.weighted(this.kanalen);
    const onderwerp = random.pick(ONDERWERPEN);
    const formulier = kanaal === "webformulier";
    const gelukt = contactverzoek
      ? false
      : kanaal === "telefoon"
        ? random.chance(0.88)
          ? true
          : random.chance(0.8)
            ? false
            : null
        : random.chance(0.95)
          ? true
          : null;
    const verdereActie = gelukt === false && random.chance(0.5);
    const antwoord = vorige !== null && random.chance(0.04);
    // A follow-up task for contacts that did not settle the question.
    const taak = contactverzoek || random.chance(gelukt === false ? 0.7 : formulier ? 0.3 : 0.06);
    this.buffers.klantcontact.add(
      id,
      uuid,
      // Open Formulieren hands out a public reference number; the other channels have none.
      formulier ? String(id) : null,
      kanaal,
      onderwerp.onderwerp,
      onderwerp.vraag,
      random.pick(REACTIES),
      gelukt,
      verdereActie,
      random.weighted(this.talen),
      // Form submissions are vertrouwelijk (Open Formulieren sets it), and a few others.
      formulier || random.chance(0.02),
      tijdstip,
      formulier ? `{"bron":"Open Formulieren","formulier":"${onderwerp.onderwerp}"}` : random.chance(0.15) ? `{"bron":"KISS"}` : "{}",
    );

    // The partij as it took part: its name as given then, initiator unless the municipality called back.
    const naam = partij ? partij.naam : this.naam();
    const betrokkene = this.id("betrokkene");
    this.buffers.betrokkene.add(
      betrokkene,
      random.uuid(),
      partij?.id ?? null,
      id,
      naam?.voorletters ?? null,
      naam?.voornaam ?? null,
      naam?.voorvoegsel ?? null,
      naam?.achternaam ?? null,
      "klant",
      partij?.organisatienaam ?? "",
      !antwoord,
    );
    // Where to call back: given with the contactverzoek, often the number the partij has already.
    if (taak && (partij === null || ((kanaal === "telefoon" || kanaal === "balie" || kanaal === "chat") && random.chance(0.6)))) {
      const email = random.chance(0.25);
      const adres = email
        ? (partij?.email ?? (naam ? persoonlijkEmail(random, naam, id) : `klant${id}@example.nl`))
        : partij?.telefoon && random.chance(0.6)
          ? partij.telefoon
          : mobielNummer(random);
      const soort = email ? SoortDigitaalAdres.EMAIL : SoortDigitaalAdres.TELEFOONNUMMER;
      this.buffers.betrokkene_digitaal_adres.add(
        this.id("betrokkene_digitaal_adres"),
        random.uuid(),
        betrokkene,
        adres,
        zoekadres(soort, adres),
        soort,
        email ? "" : "Terugbelnummer",
      );
    }
    if (random.chance(0.03)) {
      // Someone who spoke for the klant (a relative, a bewindvoerder), known by name only.
      const vertegenwoordiger = this.naam();
      this.buffers.betrokkene.add(
        this.id("betrokkene"),
        random.uuid(),
        null,
        id,
        vertegenwoordiger.voorletters,
        vertegenwoordiger.voornaam,
        vertegenwoordiger.voorvoegsel,
        vertegenwoordiger.achternaam,
        "vertegenwoordiger",
        "",
        false,
      );
    }

    // Who handled it: a system for forms and mail, else a medewerker, sometimes with the afdeling.
    const medewerker = formulier ? this.bots.formulieren : kanaal === "e-mail" && random.chance(0.5) ? this.bots.mail : this.medewerker();
    this.actorKlantcontact(medewerker, id);
    const afdeling = random.chance(0.12) ? this.afdeling() : null;
    if (afdeling) this.actorKlantcontact(afdeling, id);

    // What it was about.
    if (antwoord) {
      this.onderwerpobject(id, vorige!.id, ANTWOORD_OP, vorige!.uuid);
    } else if (formulier) {
      this.onderwerpobject(id, null, FORMULIERINZENDING, `OF-${String(id).padStart(8, "0")}`);
    }
    if (partij !== null && onderwerp.zaaktype !== null && random.chance(0.75)) {
      const zaak =
        zaken.length === 0 || random.chance(0.35)
          ? this.nieuweZaak(zaken, tijdstip)
          : zaken[zaken.length - 1 - random.int(0, Math.min(zaken.length, 4) - 1)];
      // KISS and ITA link by zaak uuid, Open Inwoner by identificatie.
      if (random.chance(0.8)) this.onderwerpobject(id, null, ZAAK_OP_UUID, zaak.uuid);
      else this.onderwerpobject(id, null, ZAAK_OP_IDENTIFICATIE, zaak.identificatie);
    }

    if (taak) this.interneTaak(id, tijdstip, medewerker, afdeling);
    return { id, uuid };
  }

  private nieuweZaak(zaken: Zaak[], tijdstip: number): Zaak {
    const zaak = {
      uuid: this.random.uuid(),
      identificatie: `ZAAK-${new Date(tijdstip).getUTCFullYear()}-${String(++this.zaakNummer).padStart(7, "0")}`,
    };
    zaken.push(zaak);
    // Only the last few are linked again; a long history keeps no more than that.
    if (zaken.length > 8) zaken.shift();
    return zaak;
  }

  private actorKlantcontact(actor: ActorRef, klantcontact: number): void {
    this.buffers.actor_klantcontact.add(this.id("actor_klantcontact"), this.random.uuid(), actor.id, klantcontact);
  }

  private onderwerpobject(
    klantcontact: number,
    was: number | null,
    [objecttype, register, soort]: readonly [string, string, string],
    objectId: string,
  ): void {
    this.buffers.onderwerpobject.add(
      this.id("onderwerpobject"),
      this.random.uuid(),
      klantcontact,
      was,
      objecttype,
      register,
      soort,
      objectId,
    );
  }

  private interneTaak(klantcontact: number, tijdstip: number, behandelaar: ActorRef, afdeling: ActorRef | null): void {
    const random = this.random;
    const id = this.id("interne_taak");
    const toegewezenOp = Math.min(PEILMOMENT, tijdstip + random.int(1, 30) * 60_000);
    // Recent taken are mostly open; old ones were handled, save a few forgotten.
    const leeftijd = PEILMOMENT - toegewezenOp;
    const open = random.chance(leeftijd < 30 * DAY ? 0.7 : leeftijd < 180 * DAY ? 0.25 : 0.03);
    const afgehandeldOp = open ? null : Math.min(PEILMOMENT, toegewezenOp + random.int(1, 240) * 3_600_000);
    this.buffers.interne_taak.add(
      id,
      random.uuid(),
      String(1_000_000_000 + id),
      random.weighted(this.handelingen),
      klantcontact,
      random.pick(TAAK_TOELICHTINGEN),
      open ? "te_verwerken" : "verwerkt",
      toegewezenOp,
      afgehandeldOp,
    );
    // Assigned to a medewerker (a system's contacts go to one), to an afdeling, or to both.
    const mens = behandelaar.soort === "medewerker" ? behandelaar : this.medewerker();
    const r = random.next();
    const actoren = r < 0.6 ? [mens] : r < 0.85 ? [afdeling ?? this.afdeling()] : [mens, afdeling ?? this.afdeling()];
    for (const actor of actoren) this.buffers.toewijzing.add(this.id("toewijzing"), random.uuid(), id, actor.id);
  }
}

interface PartijInfo {
  id: number;
  /** The name a betrokkene of this partij is registered with (a persoon's own; none for an organisation). */
  naam: Naam | null;
  /** The organisation a betrokkene of this partij is connected to. */
  organisatienaam: string;
  /** The partij's own phone number and e-mail address, which it may give again for a call-back. */
  telefoon: string | null;
  email: string | null;
}

export function volledigeNaam(naam: Naam): string {
  return [naam.voornaam, naam.voorvoegsel, naam.achternaam].filter(Boolean).join(" ");
}

function persoonlijkEmail(random: Random, naam: Naam, id: number): string {
  const achternaam = slug((naam.voorvoegsel ?? "") + naam.achternaam);
  const voornaam = slug(naam.voornaam);
  const r = random.next();
  // The partij id keeps addresses apart, as a birth year or a number does in real ones.
  let local = r < 0.4 ? `${voornaam}.${achternaam}${id}` : r < 0.7 ? `${voornaam[0]}.${achternaam}${id}` : `${voornaam}${achternaam}${id}`;
  let domein = random.pick(EMAILDOMEINEN);
  if (random.chance(0.1)) {
    // As typed by the person: capitals, which the search form (zoekadres) lowers.
    local = local[0].toUpperCase() + local.slice(1);
    domein = domein[0].toUpperCase() + domein.slice(1);
  }
  return `${local}@${domein}`;
}

function organisatienaam(random: Random): string {
  if (random.chance(0.15)) return `${random.pick(STICHTINGEN)} ${random.pick(ORGANISATIE_NAMEN)}`;
  const [voorvoegsel, achternaam] = random.pick(ACHTERNAMEN);
  const kern = random.chance(0.5) ? random.pick(ORGANISATIE_NAMEN) : [voorvoegsel, achternaam].filter(Boolean).join(" ");
  return [random.pick(BRANCHES), kern, random.pick(RECHTSVORMEN)].filter(Boolean).join(" ");
}

function datum(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Cumulative Zipf weights for n items (1/rank^s), normalised to end at 1. */
function cumulativeZipf(n: number, s: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
}

function pickCumulative(cumulative: number[], r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * `count` times in [from, to) in increasing order, one at a time, without holding them all: the
 * next of n sorted uniform draws is the previous plus (rest of the range) × (1 − U^(1/n)).
 */
function uniformSorted(random: Random, count: number, from: number, to: number): { next(): number } {
  let current = from;
  let left = count;
  return {
    next() {
      current += (to - current) * (1 - random.next() ** (1 / left));
      left--;
      return Math.floor(current);
    },
  };
}
