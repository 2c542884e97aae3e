import type { Random } from "./random";
import { POSTCODE_LETTERS, type Stad } from "./vocabulary";

/**
 * Identifying numbers and contact details that pass the project's own checks
 * (src/common/validators.ts): BSN and RSIN with the elfproef, KvK-nummers of 8 digits,
 * vestigingsnummers of 12, postcodes as '1234 AB', Dutch phone numbers that exist in the numbering
 * plan. Numbers that must be unique are a counter taken through a fixed permutation, so they look
 * random, never repeat and cost no bookkeeping.
 */

/** k ↦ (k · multiplier + offset) mod size: a permutation of 0..size-1 when multiplier and size are coprime. */
function permuted(k: number, size: number, offset: number): number {
  // 48271 is a prime that divides none of the sizes used below (2, 3, 5 and 11 do).
  return ((((k % size) * 48271) % size) + offset) % size;
}

/** Nine-digit numbers with the elfproef (BSN, RSIN), unique per generator, in a scrambled order. */
export class ElfproefNummers {
  private k = 0;
  constructor(private readonly offset: number) {}

  next(): string {
    for (;;) {
      const prefix = String(10_000_000 + permuted(this.k++, 90_000_000, this.offset));
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(prefix[i]) * (9 - i);
      // The ninth digit d must make sum - d divisible by 11; a remainder of 10 has no digit.
      const check = sum % 11;
      if (check < 10) return prefix + String(check);
    }
  }
}

export class KvkNummers {
  private k = 0;
  constructor(private readonly offset: number) {}
  next(): string {
    return String(10_000_000 + permuted(this.k++, 90_000_000, this.offset));
  }
}

/** Vestigingsnummers as the Handelsregister gives them: twelve digits, mostly leading zeros. */
export class Vestigingsnummers {
  private k = 0;
  constructor(private readonly offset: number) {}
  next(): string {
    return String(10_000_000 + permuted(this.k++, 990_000_000, this.offset)).padStart(12, "0");
  }
}

export function postcode(random: Random, stad: Stad): string {
  const cijfers = random.int(stad.postcodes[0], stad.postcodes[1]);
  let letters: string;
  do letters = random.pick(POSTCODE_LETTERS) + random.pick(POSTCODE_LETTERS);
  while (letters === "SA" || letters === "SD" || letters === "SS");
  return `${cijfers} ${letters}`;
}

/** A BAG nummeraanduiding-id: gemeentecode, object type 20, ten digits. */
export function nummeraanduidingId(random: Random, stad: Stad): string {
  return `${stad.gemeentecode}20${String(random.int(0, 9_999_999_999)).padStart(10, "0")}`;
}

function digitsOf(random: Random, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

/** A Dutch mobile number (06 followed by 1 to 5 and seven digits), in one of the ways people write it. */
export function mobielNummer(random: Random): string {
  const abonnee = String(random.int(1, 5)) + digitsOf(random, 7);
  const r = random.next();
  if (r < 0.4) return `06${abonnee}`;
  if (r < 0.65) return `06-${abonnee}`;
  if (r < 0.75) return `06 ${abonnee.slice(0, 2)} ${abonnee.slice(2, 4)} ${abonnee.slice(4, 6)} ${abonnee.slice(6)}`;
  if (r < 0.9) return `+316${abonnee}`;
  return `+31 6 ${abonnee}`;
}

/** A landline in the town's netnummer (seven digits after it, not starting with 0 or 1). */
export function vastNummer(random: Random, stad: Stad): string {
  const abonnee = String(random.int(2, 9)) + digitsOf(random, 6);
  const r = random.next();
  if (r < 0.45) return `0${stad.netnummer}${abonnee}`;
  if (r < 0.75) return `0${stad.netnummer}-${abonnee}`;
  if (r < 0.9) return `0${stad.netnummer} ${abonnee.slice(0, 3)} ${abonnee.slice(3)}`;
  return `+31 ${stad.netnummer} ${abonnee.slice(0, 3)} ${abonnee.slice(3)}`;
}

/** Lower-case ASCII for an e-mail local part or domain: 'Zoë van 't Hof' becomes 'zoevanthof'. */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Dutch banks: the code in an IBAN and the bank's BIC. */
const BANKEN = [
  ["ABNA", "ABNANL2A"],
  ["INGB", "INGBNL2A"],
  ["RABO", "RABONL2U"],
  ["SNSB", "SNSBNL2A"],
  ["TRIO", "TRIONL2U"],
  ["ASNB", "ASNBNL21"],
  ["BUNQ", "BUNQNL2A"],
  ["KNAB", "KNABNL2H"],
] as const;

/** A Dutch IBAN with a valid mod-97 check (ISO 13616), and the bank's BIC. */
export function rekeningnummer(random: Random): { iban: string; bic: string } {
  const [bank, bic] = random.pick(BANKEN);
  const bban = bank + digitsOf(random, 10);
  // Check digits: the BBAN, then the country and 00, letters as 10..35, must leave 1 modulo 97.
  const numeric = `${bban}NL00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return { iban: `NL${String(98 - remainder).padStart(2, "0")}${bban}`, bic };
}
