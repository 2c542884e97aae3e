import { requireAreaScope, requireScope } from "../auth/access";
import { isBurger, type BurgerBinding } from "../auth/principal";
import type { RequestContext } from "../common/context";
import { ForbiddenError, InvalidParams, path } from "../common/errors";
import { fieldErrors } from "../common/validation";
import { serialiseOnKeys } from "../database/advisory-lock";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId, SoortPartij } from "./enums";
import type { Partij } from "./partij.entity";
import { PartijInput } from "./partij.input";
import { PartijService, type NewPartijItem, type NewPartijPlan } from "./partij.service";
import type { PartijIdentificator } from "./partij-identificator.entity";
import { PartijIdentificatorGroepInput, PartijIdentificatorItemInput } from "./partij-identificator.input";
import { PartijIdentificatorService, type IdentificatorCodes, type IdentificatorSleutel } from "./partij-identificator.service";
import type { VindOfMaakPartijInput, VindOfMaakPartijResultaat } from "./vind-of-maak-partij.input";

/** What one checked vindOfMaakPartij will do: hand out the partij found, or write the planned one. */
export type VindOfMaakPartijPlan = { found: Partij } | { create: NewPartijPlan; key: string };

const kvkCodes = (kvkNummer: string): IdentificatorCodes => ({
  codeObjecttype: CodeObjecttype.NIET_NATUURLIJK_PERSOON,
  codeSoortObjectId: CodeSoortObjectId.KVK_NUMMER,
  objectId: kvkNummer,
  codeRegister: CodeRegister.HR,
});

const sleutel = (key: IdentificatorSleutel) => JSON.stringify([key.groep, key.onder ?? null]);

const sameCodes = (row: PartijIdentificator, codes: IdentificatorCodes) =>
  row.codeObjecttype === codes.codeObjecttype &&
  row.codeSoortObjectId === codes.codeSoortObjectId &&
  row.objectId === codes.objectId &&
  row.codeRegister === codes.codeRegister;

/**
 * vindOfMaakPartij: a partij found by one identificator, or made with it when there is none. Used
 * alone (the mutation) and by registreerKlantcontact for its betrokkenen, in the open transaction:
 * the keys are serialised first (src/database/advisory-lock.ts), so that two racing requests get
 * the same partij and exactly one creates it. A constant number of statements whatever the number
 * of partijen asked for, found or made: the partijen to be made are checked and written together.
 */
export class VindOfMaakPartijService {
  constructor(private readonly ctx: RequestContext) {}

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  async vindOfMaak(input: VindOfMaakPartijInput): Promise<VindOfMaakPartijResultaat> {
    this.mayUse([input]);
    const result = await this.ctx.transaction(async () => {
      const problems = new InvalidParams();
      const [plan] = await this.check([{ input, prefix: "" }], problems);
      problems.throwIfAny();
      const [resolved] = await this.apply([plan]);
      return resolved;
    });
    // Links written with plain UPDATEs are read afresh (see PartijService.afterWrite).
    if (result.aangemaakt) this.ctx.em.clear();
    return result;
  }

  /**
   * Refuses before any SQL: it needs partijen.schrijven, and staff need identificatoren.lezen (the
   * answer tells whether a BSN is registered). A citizen-bound token may only find or create itself.
   */
  mayUse(inputs: readonly VindOfMaakPartijInput[]): void {
    if (inputs.length === 0) return;
    requireAreaScope(this.ctx, "partijen", "schrijven");
    const principal = this.ctx.principal;
    if (!isBurger(principal)) {
      requireScope(this.ctx, "identificatoren.lezen");
      return;
    }
    for (const input of inputs) {
      if (!isOwnIdentificator(principal.burger, input)) {
        throw new ForbiddenError(
          "Met een token van een burger of bedrijf kan alleen de eigen partij gevonden of gemaakt worden (het eigen BSN of KvK-nummer).",
        );
      }
    }
  }

  /**
   * In the open transaction: serialises on the keys, looks them up (one statement, and one for
   * their partijen) and checks every partij that is to be made (all at once, see
   * PartijService.checkNew), problems named under each prefix. The same key asked twice gives one
   * partij, made from the `partij` fields of the mention that gives them; two mentions that give
   * different ones are refused, rather than one of them silently dropped.
   */
  async check(
    items: ReadonlyArray<{ input: VindOfMaakPartijInput; prefix: string }>,
    problems: InvalidParams,
  ): Promise<VindOfMaakPartijPlan[]> {
    const keyed = await Promise.all(items.map(({ input, prefix }) => this.keysOf(input, prefix, problems)));
    const keys = keyed.flatMap((k) => (k ? [k.own, ...(k.parent ? [k.parent] : [])] : []));
    await serialiseOnKeys(this.ctx.em, "partij.identificator", keys.map(sleutel));
    const rows = await this.ctx.service(PartijIdentificatorService).findForKeys(keys);
    const top = (codes: IdentificatorCodes) => rows.find((row) => !row.subIdentificatorVan && sameCodes(row, codes)) ?? null;

    // The mentions of each key, in input order.
    const mentions = new Map<string, Array<{ input: VindOfMaakPartijInput; prefix: string; key: NonNullable<(typeof keyed)[number]> }>>();
    items.forEach((item, i) => {
      const key = keyed[i];
      if (!key) return;
      const id = sleutel(key.own);
      mentions.set(id, [...(mentions.get(id) ?? []), { ...item, key }]);
    });
    const planned = new Map<string, Promise<VindOfMaakPartijPlan | null>>();
    const toCreate: Array<{ id: string; item: NewPartijItem; vestigingZonderKvk: boolean }> = [];
    for (const [id, group] of mentions) {
      const given = group.find((m) => m.input.partij != null) ?? group[0];
      for (const other of group) {
        if (other.input.partij == null || other === given || JSON.stringify(other.input.partij) === JSON.stringify(given.input.partij))
          continue;
        problems.add(
          path(other.prefix, "partij"),
          "invalid",
          `Deze partij wordt ook al gezocht in ${given.prefix} met andere gegevens; geef de gegevens van een nieuwe partij één keer op.`,
        );
      }
      const { input, prefix, key } = given;
      const parent = key.parent ? top(key.parent.groep) : null;
      const own = key.own.onder
        ? ((parent && rows.find((row) => row.subIdentificatorVan?.id === parent.id && sameCodes(row, key.own.groep))) ?? null)
        : top(key.own.groep);
      if (own?.identificeerdePartij) {
        planned.set(id, this.found(own.identificeerdePartij.id, prefix, problems));
      } else {
        toCreate.push({
          id,
          item: this.newPartij(input, prefix, own, parent, key.parent !== undefined),
          vestigingZonderKvk: key.parent !== undefined && !parent,
        });
      }
    }
    const created = await this.partijen.checkNew(
      toCreate.map(({ item }) => item),
      problems,
    );
    toCreate.forEach(({ id, vestigingZonderKvk }, i) => {
      const create = created[i];
      if (vestigingZonderKvk && create.identificatoren) {
        // The kvk_nummer above a new vestiging identifies the organisation, which is not this partij.
        create.identificatoren.plans[0].partij = null;
      }
      planned.set(id, Promise.resolve({ create, key: id }));
    });
    const plans = await Promise.all(items.map((_, i) => (keyed[i] ? planned.get(sleutel(keyed[i]!.own))! : Promise.resolve(null))));
    return plans.filter((plan): plan is VindOfMaakPartijPlan => plan !== null);
  }

  /** Writes the partijen to be made (each key once, all together) and returns every item's partij. */
  async apply(plans: readonly VindOfMaakPartijPlan[]): Promise<VindOfMaakPartijResultaat[]> {
    const creates = new Map<string, NewPartijPlan>();
    for (const plan of plans) if ("create" in plan && !creates.has(plan.key)) creates.set(plan.key, plan.create);
    const written = await this.partijen.writeNew([...creates.values()]);
    const made = new Map([...creates.keys()].map((key, i) => [key, written[i]]));
    return plans.map((plan) =>
      "found" in plan ? { partij: plan.found, aangemaakt: false } : { partij: made.get(plan.key)!, aangemaakt: true },
    );
  }

  /** The keys an input looks for, or null (with problems) when its identificator is not usable. */
  private async keysOf(
    input: VindOfMaakPartijInput,
    prefix: string,
    problems: InvalidParams,
  ): Promise<{ own: IdentificatorSleutel; parent?: IdentificatorSleutel } | null> {
    const own = new InvalidParams();
    own.addAll(await fieldErrors(input, prefix));
    const vestiging = input.identificator.codeSoortObjectId === CodeSoortObjectId.VESTIGINGSNUMMER;
    if (vestiging && !input.kvkNummer) {
      own.add(path(prefix, "kvkNummer"), "required", "Een vestiging wordt gezocht onder haar KvK-nummer: geef kvkNummer op.");
    } else if (!vestiging && input.kvkNummer != null) {
      own.add(path(prefix, "kvkNummer"), "invalid", "kvkNummer hoort alleen bij een vestigingsnummer.");
    }
    problems.addAll(own.params);
    if (!own.isEmpty) return null;
    const groep = { ...input.identificator };
    if (!vestiging) return { own: { groep } };
    const parent = kvkCodes(input.kvkNummer!);
    return { own: { groep, onder: parent }, parent: { groep: parent } };
  }

  /** The partij of a stored identificator, if this request may see it (batched). */
  private async found(partijId: number, prefix: string, problems: InvalidParams): Promise<VindOfMaakPartijPlan | null> {
    const found = await this.partijen.findByIdForInput(partijId);
    if (found) return { found };
    // It exists, so another cannot be made; this request may not see it (geheimhouding).
    problems.add(
      path(prefix, "identificator"),
      "unique",
      "Er bestaat al een partij met deze identificator; deze client mag haar niet zien.",
    );
    return null;
  }

  /**
   * The new partij for a key nobody holds yet: the input's `partij` fields with the searched
   * identificator (a stored one without partij is taken over), problems named at the input's own
   * paths. A vestiging whose kvk_nummer is not registered yet gets one, belonging to no partij.
   */
  private newPartij(
    input: VindOfMaakPartijInput,
    prefix: string,
    own: PartijIdentificator | null,
    parent: PartijIdentificator | null,
    vestiging: boolean,
  ): NewPartijItem {
    const searched = Object.assign(new PartijIdentificatorItemInput(), {
      uuid: own?.uuid ?? null,
      partijIdentificator: input.identificator,
      ...(vestiging && parent ? { subIdentificatorVan: parent.uuid } : {}),
    });
    const injected: PartijIdentificatorItemInput[] = [];
    if (vestiging && !parent) {
      const kvk = Object.assign(new PartijIdentificatorGroepInput(), kvkCodes(input.kvkNummer!));
      injected.push(Object.assign(new PartijIdentificatorItemInput(), { partijIdentificator: kvk }));
      searched.subIdentificatorVanIndex = 0;
    }
    injected.push(searched);
    const given = input.partij;
    const isSearched = (item: PartijIdentificatorItemInput) =>
      item.partijIdentificator.codeSoortObjectId === input.identificator.codeSoortObjectId &&
      item.partijIdentificator.objectId === input.identificator.objectId;
    const extra = (given?.partijIdentificatoren ?? []).filter((item) => !isSearched(item));
    // A new input object: the client's is not changed.
    const partijInput: PartijInput = Object.assign(new PartijInput(), given ?? {}, {
      soortPartij:
        given?.soortPartij ??
        (input.identificator.codeSoortObjectId === CodeSoortObjectId.BSN ? SoortPartij.PERSOON : SoortPartij.ORGANISATIE),
      indicatieActief: given?.indicatieActief ?? true,
      partijIdentificatoren: [...injected, ...extra],
    });
    const name = (field: string) => {
      const item = /^partijIdentificatoren\.(\d+)(?:\.(.*))?$/.exec(field);
      if (!item) return path(prefix, "partij", field);
      const index = Number(item[1]);
      if (index >= injected.length) return path(prefix, "partij", "partijIdentificatoren", index - injected.length, item[2]);
      if (injected.length === 2 && index === 0) return path(prefix, "kvkNummer");
      const inGroep = /^partijIdentificator\.(.*)$/.exec(item[2] ?? "");
      return inGroep ? path(prefix, "identificator", inGroep[1]) : path(prefix, "identificator");
    };
    return { input: partijInput, name };
  }
}

/** Whether a citizen-bound token asks for its own partij: its BSN, its KvK-nummer, or its vestiging under it. */
function isOwnIdentificator(burger: BurgerBinding, input: VindOfMaakPartijInput): boolean {
  const { codeSoortObjectId, objectId } = input.identificator;
  if ("bsn" in burger) return codeSoortObjectId === CodeSoortObjectId.BSN && objectId === burger.bsn;
  if (burger.vestigingsnummer === undefined) return codeSoortObjectId === CodeSoortObjectId.KVK_NUMMER && objectId === burger.kvkNummer;
  return (
    codeSoortObjectId === CodeSoortObjectId.VESTIGINGSNUMMER && objectId === burger.vestigingsnummer && input.kvkNummer === burger.kvkNummer
  );
}
