import fc from "fast-check";
import { Ref } from "./refs";

/**
 * Valid-looking values of the domain: most generated mutations must pass the rules of the
 * standard (elfproef, IBAN checksum, phone and postcode formats, the register/objecttype/soort
 * combinations, the rules between fields) so that they reach the deeper rules and the database.
 * Three kinds of help, each optional for the generator: values by input field name
 * (`byFieldName`; plain text for every string field not named), fields generated together
 * (`coherentFields`) and rules between fields applied afterwards (`consistent`). Without them the
 * test still covers a new mutation, only with fewer successes.
 */

const digits = (length: number) => fc.stringMatching(new RegExp(`^[0-9]{${length}}$`));

/** Nine digits that pass the elfproef (BSN and RSIN). */
export const elfproefNummer = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((start) => {
  for (let eight = start; ; eight = eight >= 99_999_999 ? 10_000_000 : eight + 1) {
    const prefix = String(eight);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(prefix[i]) * (9 - i);
    if (sum % 11 < 10) return prefix + String(sum % 11);
  }
});

export const kvkNummer = digits(8);
export const vestigingsnummer = digits(12);

/** ISO 7064 mod 97-10 check digits, as IBAN uses them. */
function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return String(98 - remainder).padStart(2, "0");
}

const bankcode = fc.constantFrom("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "BUNQ");
export const iban = fc
  .tuple(
    fc.oneof(
      fc.tuple(
        fc.constant("NL"),
        fc.tuple(bankcode, digits(10)).map(([bank, number]) => bank + number),
      ),
      fc.tuple(fc.constant("DE"), digits(18)),
      fc.tuple(fc.constant("BE"), digits(12)),
    ),
    fc.boolean(),
  )
  // Lower case is valid input too: the IBAN is stored in upper case.
  .map(([[country, bban], lower]) => {
    const value = `${country}${ibanCheckDigits(country, bban)}${bban}`;
    return lower ? value.toLowerCase() : value;
  });

export const bic = fc.constantFrom("INGBNL2A", "RABONL2U", "ABNANL2AXXX", "TRIONL2U", "BUNQNL2A", "DEUTDEFF500");

/** Dutch mobile (061–065) and fixed numbers in the notations people write, all valid to libphonenumber-js. */
export const telefoonnummer = fc.oneof(
  fc.tuple(fc.constantFrom("1", "2", "3", "4", "5"), digits(7)).map(([net, rest]) => `06${net}${rest}`),
  fc.tuple(fc.constantFrom("010", "020", "030", "040", "050", "070", "088"), digits(7)).map(([net, rest]) => net + rest),
  fc.tuple(fc.constantFrom("1", "2", "3", "4", "5"), digits(7)).map(([net, rest]) => `+316${net}${rest}`),
  fc.tuple(fc.constantFrom("1", "2", "3", "4", "5"), digits(7)).map(([net, rest]) => `0031 6 ${net}${rest}`),
  fc.tuple(fc.constantFrom("1", "2", "3", "4", "5"), digits(7)).map(([net, rest]) => `06-${net}${rest}`),
);

const word = fc.constantFrom(
  "Jan",
  "de",
  "Vries",
  "Bakkerij",
  "Korenaar",
  "vraag",
  "over",
  "parkeervergunning",
  "afval",
  "melding",
  "Zoë",
  "Anaïs",
  "Çelik",
  "Müller",
  "Øster",
  "straat",
  "weg",
  "’s-Hertogenbosch",
  "IJsselmonde",
  "Noël",
);

/** Ordinary text of at most `max` characters (and at least one). */
export function text(max: number): fc.Arbitrary<string> {
  return fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(" ").slice(0, Math.max(1, max)).trim() || "a");
}

const lowerWord = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);

export const email = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(lowerWord, fc.constantFrom("", ".", "_", "-", "+"), lowerWord, lowerWord, fc.constantFrom("nl", "com", "eu", "amsterdam"))
      .map(([a, sep, b, domain, tld]) => `${a}${sep}${b}@${domain}.${tld}`),
  },
  { weight: 1, arbitrary: fc.emailAddress({ size: "xsmall" }) },
);

export const postcode = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^[A-Z]{2}$/))
  .map(([number, letters]) => `${number} ${letters}`);

const uuid = fc.uuid({ version: 4 });

/** An onderwerpobject-, bijlage- or actoridentificator as KISS, ITA and Open Inwoner write them. */
const objectidentificator = {
  codeObjecttype: fc.constantFrom("zaak", "zgw-Zaak", "medewerker", "document", "klantcontact"),
  codeRegister: fc.constantFrom("openzaak", "open-zaak", "handelsregister", "drc"),
  codeSoortObjectId: fc.constantFrom("uuid", "identificatie", "url"),
  objectId: fc.oneof(
    uuid,
    fc.integer({ min: 1, max: 99999 }).map((n) => `ZAAK-2026-${String(n).padStart(7, "0")}`),
  ),
};

/** Valid-looking values of string (and Int) input fields, by field name. */
export const byFieldName: Record<string, fc.Arbitrary<unknown>> = {
  postcode,
  land: fc.constantFrom("NL", "BE", "DE", "FR", "GB", "SR", "MA", "TR"),
  nummeraanduidingId: digits(16),
  huisnummer: fc.integer({ min: 1, max: 99_999 }),
  huisnummertoevoeging: fc.constantFrom("A", "bis", "2hg", "III"),
  iban,
  bic,
  emailadres: email,
  telefoonnummer,
  faxnummer: telefoonnummer,
  voorkeurstaal: fc.constantFrom("nld", "eng", "dut", "fry", "tur", "ara"),
  taal: fc.constantFrom("nld", "eng", "dut", "fry", "tur", "ara"),
  // Unique integers as text: wide enough that two creates in one run rarely meet.
  nummer: fc.integer({ min: 1, max: 9_999_999_999 }).map(String),
  referentienummer: fc.integer({ min: 1, max: 9_999_999_999 }).map(String),
  referentie: fc.stringMatching(/^[-a-zA-Z0-9_]{1,20}$/),
  hoofdOnderwerpType: uuid.map((id) => `https://catalogi.gemeente.nl/api/v1/zaaktypen/${id}`),
  kanaal: fc.constantFrom("telefoon", "e-mail", "balie", "chat", "brief", "whatsapp"),
  voorletters: fc.constantFrom("J.", "J.K.", "A.B.C.", "M"),
  voorvoegselAchternaam: fc.constantFrom("de", "van", "van der", "van 't", "ter"),
  adres: fc.oneof(email, telefoonnummer, text(40)),
  ...objectidentificator,
};

/** The four identificator kinds the standard allows, each with a valid objectId. */
export function partijIdentificatorGroep(objectId: (valid: fc.Arbitrary<string>) => fc.Arbitrary<string>) {
  const kind = (codeRegister: string, codeObjecttype: string, codeSoortObjectId: string, valid: fc.Arbitrary<string>) =>
    fc.record({
      codeRegister: fc.constant(codeRegister),
      codeObjecttype: fc.constant(codeObjecttype),
      codeSoortObjectId: fc.constant(codeSoortObjectId),
      objectId: objectId(valid),
    });
  return fc.oneof(
    kind("BRP", "NATUURLIJK_PERSOON", "BSN", elfproefNummer),
    kind("HR", "NIET_NATUURLIJK_PERSOON", "RSIN", elfproefNummer),
    kind("HR", "NIET_NATUURLIJK_PERSOON", "KVK_NUMMER", kvkNummer),
    kind("HR", "VESTIGING", "VESTIGINGSNUMMER", vestigingsnummer),
  );
}

/** A soort digitaal adres with an adres of that soort. */
export function digitaalAdresSoort(adres: (valid: fc.Arbitrary<string>) => fc.Arbitrary<string>) {
  return fc.oneof(
    fc.record({ soortDigitaalAdres: fc.constant("EMAIL"), adres: adres(email) }),
    fc.record({ soortDigitaalAdres: fc.constant("TELEFOONNUMMER"), adres: adres(telefoonnummer) }),
    fc.record({ soortDigitaalAdres: fc.constant("OVERIG"), adres: adres(text(80)) }),
  );
}

export function validDate(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
}

export function validDateTime(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString());
}

export function validJsonObject(): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,11}$/), text(40), { maxKeys: 4, noNullPrototype: true });
}

/** Makes a valid value of one field odd or not, as the step's mode decides. */
export type Leaf = (fieldName: string, valid: fc.Arbitrary<string>) => fc.Arbitrary<string>;

/**
 * Input types whose fields must agree with each other to be valid: generated together, so that
 * a valid-mode input passes (each string still goes through `leaf`, so it can still be odd).
 */
export const coherentFields: Record<string, { fields: string[]; values: (leaf: Leaf) => fc.Arbitrary<Record<string, unknown>> }> = {
  PartijIdentificatorGroepInput: {
    fields: ["codeRegister", "codeObjecttype", "codeSoortObjectId", "objectId"],
    values: (leaf) => partijIdentificatorGroep((valid) => leaf("objectId", valid)),
  },
  DigitaalAdresInput: {
    fields: ["soortDigitaalAdres", "adres"],
    values: (leaf) => digitaalAdresSoort((valid) => leaf("adres", valid)),
  },
  DigitaalAdresUpdateInput: {
    fields: ["soortDigitaalAdres", "adres"],
    values: (leaf) => digitaalAdresSoort((valid) => leaf("adres", valid)),
  },
};

type Input = Record<string, unknown>;

/** The identificatie fields each soort actor allows, and those it requires (the standard's actor rules). */
const ACTOR_IDENTIFICATIE: Record<string, { allowed: string[]; required: string[] }> = {
  MEDEWERKER: { allowed: ["functie", "emailadres", "telefoonnummer"], required: ["functie", "telefoonnummer"] },
  GEAUTOMATISEERDE_ACTOR: { allowed: ["functie", "omschrijving"], required: ["functie"] },
  ORGANISATORISCHE_EENHEID: { allowed: ["omschrijving", "emailadres", "faxnummer", "telefoonnummer"], required: [] },
};

const PARTIJ_IDENTIFICATIE: Record<string, string[]> = {
  PERSOON: ["contactnaam"],
  ORGANISATIE: ["naam"],
  CONTACTPERSOON: ["contactnaam", "werkteVoorPartij"],
};

/** The same reference twice (Refs compared by what they point at, not by identity). */
const sameRef = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

function partij(input: Input): Input {
  const out = { ...input };
  const soort = out.soortPartij as string | undefined;
  const identificatie = out.partijIdentificatie as Input | null | undefined;
  if (soort && identificatie) {
    out.partijIdentificatie = Object.fromEntries(Object.entries(identificatie).filter(([k]) => PARTIJ_IDENTIFICATIE[soort]?.includes(k)));
  }
  // A voorkeur must be one of the partij's own addresses and accounts.
  for (const [list, voorkeur] of [
    ["digitaleAdressen", "voorkeursDigitaalAdres"],
    ["rekeningnummers", "voorkeursRekeningnummer"],
  ]) {
    if (out[voorkeur] === undefined || out[voorkeur] === null) continue;
    const items = out[list];
    if (Array.isArray(items) && items.length > 0) out[voorkeur] = items[0];
    else delete out[voorkeur];
  }
  if (Array.isArray(out.partijIdentificatoren)) {
    // One identificator per soort; a vestigingsnummer under the kvk_nummer of the same list.
    const items = (out.partijIdentificatoren as Input[]).filter(
      (item, i, all) =>
        all.findIndex(
          (o) => (o.partijIdentificator as Input)?.codeSoortObjectId === (item.partijIdentificator as Input)?.codeSoortObjectId,
        ) === i,
    );
    const kvk = items.findIndex((item) => (item.partijIdentificator as Input)?.codeSoortObjectId === "KVK_NUMMER");
    out.partijIdentificatoren = items
      .map((item) => {
        const { subIdentificatorVanIndex: _index, ...rest } = item;
        const vestiging = (item.partijIdentificator as Input)?.codeSoortObjectId === "VESTIGINGSNUMMER";
        if (!vestiging) return rest;
        if (kvk >= 0) return { ...rest, subIdentificatorVan: undefined, subIdentificatorVanIndex: kvk };
        return rest;
      })
      .map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)));
  }
  return out;
}

function actor(input: Input): Input {
  const soort = input.soortActor as string | undefined;
  const identificatie = input.actorIdentificatie as Input | null | undefined;
  if (!soort || !identificatie) return input;
  const rule = ACTOR_IDENTIFICATIE[soort];
  const kept = Object.fromEntries(Object.entries(identificatie).filter(([k]) => rule.allowed.includes(k)));
  // Without its required fields the identificatie is left out: it is optional.
  if (rule.required.some((k) => kept[k] === undefined || kept[k] === null)) {
    const { actorIdentificatie: _left, ...rest } = input;
    return rest;
  }
  return { ...input, actorIdentificatie: kept };
}

const IDENTIFICATOR_DELEN: Input = {
  codeObjecttype: "mdw",
  codeRegister: "msei",
  codeSoortObjectId: "email",
  objectId: "medewerker@gemeente.nl",
};
const leeg = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * A new actor: an actoridentificator, when given, is given whole (vindOfMaakActor and a
 * vindOfMaak in a workflow find the actor by all four parts; createActor takes it either way,
 * wild steps still send parts of one).
 */
function nieuweActor(input: Input): Input {
  const out = actor(input);
  const identificator = out.actoridentificator as Input | null | undefined;
  if (!identificator) return out;
  const heel = Object.fromEntries(
    Object.entries(IDENTIFICATOR_DELEN).map(([deel, standaard]) => [deel, leeg(identificator[deel]) ? standaard : identificator[deel]]),
  );
  return { ...out, actoridentificator: heel };
}

/** An actor named in a workflow: exactly one of uuid and vindOfMaak, a vindOfMaak only with the actoridentificator it is found by. */
function actorVerwijzing(input: Input): Input {
  const vindOfMaak = input.vindOfMaak as Input | null | undefined;
  if (vindOfMaak?.actoridentificator) return { vindOfMaak };
  // Left out, the uuid would leave `{}`, which names no actor: the step waits for an actor instead.
  const uuid =
    input.uuid instanceof Ref
      ? new Ref(input.uuid.type, input.uuid.pool, input.uuid.pick, input.uuid.spelling, input.uuid.fallback, false)
      : input.uuid;
  return { uuid: uuid ?? new Ref("Actor", "live", 0, "exact", null, false) };
}

/**
 * Each actor once in a workflow's list of actors (a second naming is refused, code unique): the
 * same Ref, or the same actoridentificator of a vindOfMaak. Refs to different picks can still
 * meet in a small pool; such steps are refused, which tests that rule as well.
 */
function uniekeActoren(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  const sleutel = (item: unknown) => {
    const verwijzing = item as Input | null;
    const vindOfMaak = verwijzing?.vindOfMaak as Input | null | undefined;
    return JSON.stringify(vindOfMaak ? vindOfMaak.actoridentificator : verwijzing?.uuid);
  };
  return list.filter((item, i, all) => all.findIndex((other) => sleutel(other) === sleutel(item)) === i);
}

/** stuurInterneTaakDoor: to at least one actor, each once. */
function doorsturen(input: Input): Input {
  const naar = uniekeActoren(input.naar) as unknown[];
  return { ...input, naar: naar.length ? naar : [{ uuid: new Ref("Actor", "live", 0, "exact", null, false) }] };
}

/** The answer of handelInterneTaakAf: a klantcontact, its actors each once. */
function antwoordKlantcontact(input: Input): Input {
  const out = klantcontact(input);
  return out.actoren ? { ...out, actoren: uniekeActoren(out.actoren) } : out;
}

/** A new taak is assigned to at least one actor: one that exists, or the step waits for one (Ref). */
function nieuweInterneTaak(input: Input): Input {
  const out = interneTaak(input);
  if (out.toegewezenAanActor !== undefined) return out;
  const listed = Array.isArray(out.toegewezenAanActoren) ? out.toegewezenAanActoren : [];
  const [first, ...rest] = listed;
  const needed = first instanceof Ref ? new Ref(first.type, first.pool, first.pick, first.spelling, first.fallback, false) : first;
  return { ...out, toegewezenAanActoren: [needed ?? new Ref("Actor", "live", 0, "exact", null, false), ...rest] };
}

function interneTaak(input: Input): Input {
  const out = { ...input };
  // Exactly one of the two actor fields; afgehandeldOp only for a taak that is verwerkt.
  if (out.toegewezenAanActoren !== undefined && out.toegewezenAanActor !== undefined) delete out.toegewezenAanActor;
  if (Array.isArray(out.toegewezenAanActoren)) {
    out.toegewezenAanActoren = out.toegewezenAanActoren.filter((a, i, all) => all.findIndex((b) => sameRef(a, b)) === i);
  }
  if (out.status !== "VERWERKT") delete out.afgehandeldOp;
  return out;
}

function digitaalAdres(input: Input): Input {
  // Only a partij's address can be its standaard adres.
  if (input.isStandaardAdres === true && (input.verstrektDoorPartij === undefined || input.verstrektDoorPartij === null)) {
    const { isStandaardAdres: _standaard, ...rest } = input;
    return rest;
  }
  return input;
}

function klantcontact(input: Input): Input {
  // A contact that succeeded needs no further action.
  return input.indicatieContactGelukt === true && input.verdereActieOndernomen === true
    ? { ...input, verdereActieOndernomen: false }
    : input;
}

function periode(input: Input): Input {
  const { beginDatum, eindDatum } = input;
  if (typeof beginDatum === "string" && typeof eindDatum === "string" && eindDatum < beginDatum) {
    return { ...input, beginDatum: eindDatum, eindDatum: beginDatum };
  }
  return input;
}

function vertegenwoordiging(input: Input): Input {
  // A partij does not represent itself: point the second reference at another partij.
  const { vertegenwoordigendePartij: van, vertegenwoordigdePartij: voor } = input;
  return voor instanceof Ref && sameRef(van, voor) ? { ...input, vertegenwoordigdePartij: voor.next() } : input;
}

/**
 * The standard's rules that tie one field of an input to another, applied to generated valid
 * and targeted inputs so that they pass those rules (wild inputs are left as generated). Keyed
 * by input type; an input type without an entry is used as generated.
 */
export const consistent: Record<string, (input: Input) => Input> = {
  PartijInput: partij,
  PartijUpdateInput: partij,
  ActorInput: nieuweActor,
  ActorVerwijzingInput: actorVerwijzing,
  ActorUpdateInput: actor,
  InterneTaakInput: nieuweInterneTaak,
  InterneTaakUpdateInput: interneTaak,
  KlantcontactInput: klantcontact,
  KlantcontactUpdateInput: klantcontact,
  AntwoordKlantcontactInput: antwoordKlantcontact,
  StuurInterneTaakDoorInput: doorsturen,
  DigitaalAdresInput: digitaalAdres,
  CategorieRelatieInput: periode,
  CategorieRelatieUpdateInput: periode,
  VertegenwoordigingInput: vertegenwoordiging,
  VertegenwoordigingUpdateInput: vertegenwoordiging,
};
