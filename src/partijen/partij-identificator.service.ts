import type { FilterQuery } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { refuseBurger, requireAreaScope, requireScope } from "../auth/access";
import { hasScope, type BurgerBinding } from "../auth/principal";
import { AuditSoort } from "../audit/enums";
import { EntityGate } from "../common/gate";
import type { RequestContext } from "../common/context";
import { uuidFilter } from "../common/filters";
import type { Connection, PageArgs } from "../common/connection";
import { InvalidInputError, InvalidParams, path } from "../common/errors";
import { fieldErrors } from "../common/validation";
import { checkBsn, checkKvkNummer, checkRsin, checkVestigingsnummer, type Check } from "../common/validators";
import { CodeObjecttype, CodeRegister, CodeSoortObjectId } from "./enums";
import type { Partij } from "./partij.entity";
import { PartijService } from "./partij.service";
import { PartijIdentificator } from "./partij-identificator.entity";
import type {
  PartijIdentificatorFilter,
  PartijIdentificatorGroep,
  PartijIdentificatorInput,
  PartijIdentificatorUpdateInput,
} from "./partij-identificator.input";

/** Allowed combinations: register → objecttypes, objecttype → soorten object-id (model.md 2.2). */
const OBJECTTYPES: Record<CodeRegister, CodeObjecttype[]> = {
  [CodeRegister.BRP]: [CodeObjecttype.NATUURLIJK_PERSOON],
  [CodeRegister.HR]: [CodeObjecttype.NIET_NATUURLIJK_PERSOON, CodeObjecttype.VESTIGING],
};
const SOORTEN: Record<CodeObjecttype, CodeSoortObjectId[]> = {
  [CodeObjecttype.NATUURLIJK_PERSOON]: [CodeSoortObjectId.BSN],
  [CodeObjecttype.NIET_NATUURLIJK_PERSOON]: [CodeSoortObjectId.RSIN, CodeSoortObjectId.KVK_NUMMER],
  [CodeObjecttype.VESTIGING]: [CodeSoortObjectId.VESTIGINGSNUMMER],
};
const FORMATS: Record<CodeSoortObjectId, Check> = {
  [CodeSoortObjectId.BSN]: checkBsn,
  [CodeSoortObjectId.RSIN]: checkRsin,
  [CodeSoortObjectId.KVK_NUMMER]: checkKvkNummer,
  [CodeSoortObjectId.VESTIGINGSNUMMER]: checkVestigingsnummer,
};

/** The four codes that identify a partij in a register. */
export interface IdentificatorCodes {
  codeObjecttype: CodeObjecttype;
  codeSoortObjectId: CodeSoortObjectId;
  objectId: string;
  codeRegister: CodeRegister;
}

/** A key find-or-create looks for: an identificator, under no parent or under the one given. */
export interface IdentificatorSleutel {
  groep: IdentificatorCodes;
  onder?: IdentificatorCodes;
}

const choices = (values: string[]) => `[${values.map((v) => `'${v}'`).join(", ")}]`;

/**
 * Stands for a partij that the same write makes (it has no id yet): one object per new partij, so
 * that the rules tell two new partijen of one request apart. PartijService sets `entity` once the
 * partij is written; the identificatoren are written after it.
 */
export class NewPartij {
  entity?: Partij;
}

/**
 * The state one identificator will have after a write, before anything is written: the rules
 * are checked on these plans together, so that a list of identificatoren (nested in a partij)
 * is judged as a whole and a bad one writes nothing.
 */
export interface IdentificatorPlan {
  /** Input path of this identificator ("" or "partijIdentificatoren.2"); invalid params are named below it. */
  path: string;
  /** The stored row that is updated; null when the identificator is created. */
  existing: PartijIdentificator | null;
  /** The partij it identifies: a stored one, one the same write makes, or none (null). */
  partij: Partij | NewPartij | null;
  anderePartijIdentificator: string;
  codeObjecttype: CodeObjecttype;
  codeSoortObjectId: CodeSoortObjectId;
  objectId: string;
  codeRegister: CodeRegister;
  /** Its parent: a stored identificator, another plan of the same write, or none. */
  sub: { row: PartijIdentificator } | { plan: IdentificatorPlan } | null;
  /** The entity written for this plan (set by write()). */
  entity?: PartijIdentificator;
}

const GLOBAL_UNIQUE = "`PartijIdentificator` moet uniek zijn, er bestaat er al een met deze gegevenscombinatie.";
const LOCAL_UNIQUE = "`CodeSoortObjectId` moet uniek zijn voor de Partij.";

export class PartijIdentificatorService {
  /** The only way to PartijIdentificator rows. */
  private readonly gate: EntityGate<PartijIdentificator>;

  constructor(private readonly ctx: RequestContext) {
    // visible with its partij (PartijService.visibleUnder); its partij is a data subject of the read
    this.gate = new EntityGate<PartijIdentificator>(ctx, PartijIdentificator, {
      visible: () => this.partijen.visibleUnder<PartijIdentificator>("identificeerdePartij"),
      onRead: (rows) => this.partijen.auditUnder(rows.map((row) => row.identificeerdePartij)),
    });
  }

  private get partijen() {
    return this.ctx.service(PartijService);
  }

  /**
   * The partij ids a citizen-bound token speaks for: the partij with its BSN, with its KvK-nummer,
   * or with its vestigingsnummer under that KvK-nummer. A sub-query, so that a policy costs no
   * statement. It reads past the gate on purpose: it is what the gate's policy is built from.
   */
  partijIdsVanBurger(burger: BurgerBinding): Knex.QueryBuilder {
    const condition: FilterQuery<PartijIdentificator> =
      "bsn" in burger
        ? { codeSoortObjectId: CodeSoortObjectId.BSN, objectId: burger.bsn }
        : burger.vestigingsnummer === undefined
          ? { codeSoortObjectId: CodeSoortObjectId.KVK_NUMMER, objectId: burger.kvkNummer }
          : {
              codeSoortObjectId: CodeSoortObjectId.VESTIGINGSNUMMER,
              objectId: burger.vestigingsnummer,
              subIdentificatorVan: { codeSoortObjectId: CodeSoortObjectId.KVK_NUMMER, objectId: burger.kvkNummer },
            };
    return this.ctx.em
      .createQueryBuilder(PartijIdentificator, "burger_identificator")
      .select("burger_identificator.identificeerdePartij")
      .where({ ...(condition as object), identificeerdePartij: { $ne: null } } as never)
      .getKnexQuery();
  }

  /**
   * Sub-query of the ids of the partijen with a visible identificator matching `condition`. A
   * condition on an identificator value (objectId) needs identificatoren.lezen (FORBIDDEN, before
   * SQL), so that no filter can tell whether somebody with a given BSN is registered.
   */
  partijIds(condition: FilterQuery<PartijIdentificator> & object): Knex.QueryBuilder {
    this.checkValueFilter(condition);
    return this.gate.subquery("identificeerdePartij", condition);
  }

  /** Filtering on identificator values needs identificatoren.lezen. */
  checkValueFilter(condition: object | null | undefined): void {
    const value = (condition as { objectId?: unknown } | null | undefined)?.objectId;
    if (value !== undefined && value !== null) requireScope(this.ctx, "identificatoren.lezen");
  }

  /** Reading needs partijen.lezen (FORBIDDEN before SQL); the gate decides which rows. */
  private get reading(): EntityGate<PartijIdentificator> {
    requireAreaScope(this.ctx, "partijen", "lezen");
    return this.gate;
  }

  /**
   * Writing identificatoren needs partijen.schrijven (or .verwijderen) and is for staff only. It
   * needs identificatoren.lezen too: the uniqueness rules answer whether a value is registered,
   * which a client that may not see the values must not learn by trying to write one.
   */
  writable(action: "schrijven" | "verwijderen" = "schrijven"): void {
    requireAreaScope(this.ctx, "partijen", action);
    refuseBurger(this.ctx);
    if (action === "schrijven") requireScope(this.ctx, "identificatoren.lezen");
  }

  byUuid(uuid: string): Promise<PartijIdentificator | null> {
    return this.reading.byUuid(uuid);
  }

  /** The visible identificator with this uuid, for an input that names it (no read scope needed). */
  findForInput(uuid: string): Promise<PartijIdentificator | null> {
    return this.gate.byUuid(uuid);
  }

  /**
   * The stored identificatoren that hold one of these keys (the four codes exactly, under no
   * parent or under the given one: a vestigingsnummer under its kvk_nummer), visible or not:
   * find-or-create must know whether a key is taken. One statement for all keys.
   */
  findForKeys(keys: ReadonlyArray<IdentificatorSleutel>): Promise<PartijIdentificator[]> {
    if (keys.length === 0) return Promise.resolve([]);
    const codes = ({ codeObjecttype, codeSoortObjectId, objectId, codeRegister }: IdentificatorCodes) => ({
      codeObjecttype,
      codeSoortObjectId,
      objectId,
      codeRegister,
    });
    return this.ctx.em.find(PartijIdentificator, {
      $or: keys.map((key) => ({
        ...codes(key.groep),
        subIdentificatorVan: key.onder ? { ...codes(key.onder), subIdentificatorVan: null } : null,
      })),
    } as FilterQuery<PartijIdentificator>);
  }

  /**
   * The identificatoren of other partijen (or of none) that fall under one of this partij's: they
   * keep it from being deleted. All of them, visible or not: the rule holds for the whole registry.
   */
  dependantsOfOthers(partij: Partij): Promise<PartijIdentificator[]> {
    return this.ctx.em.find(PartijIdentificator, {
      subIdentificatorVan: { identificeerdePartij: partij.id },
      $or: [{ identificeerdePartij: null }, { identificeerdePartij: { $ne: partij.id } }],
    });
  }

  list(filter: PartijIdentificatorFilter | null | undefined, page: PageArgs): Promise<Connection<PartijIdentificator>> {
    const where: FilterQuery<PartijIdentificator> = {};
    if (filter?.codeObjecttype) where.codeObjecttype = filter.codeObjecttype;
    if (filter?.codeSoortObjectId) where.codeSoortObjectId = filter.codeSoortObjectId;
    if (filter?.objectId) {
      this.checkValueFilter(filter);
      where.objectId = filter.objectId;
    }
    if (filter?.codeRegister) where.codeRegister = filter.codeRegister;
    if (filter?.identificeerdePartij) {
      where.identificeerdePartij = { uuid: uuidFilter(filter.identificeerdePartij) };
    }
    const reading = this.reading;
    return reading.page(where, [], page);
  }

  /** The visible identificatoren of a partij (batched over all partijen in the request), oldest first. */
  vanPartij(partij: Partij): Promise<PartijIdentificator[]> {
    return this.reading.children("identificeerdePartij", partij.id);
  }

  /** The same rows for the checks of a write, which needs the write's scope, not partijen.lezen. */
  vanPartijVoorWijziging(partij: Partij): Promise<PartijIdentificator[]> {
    return this.gate.children("identificeerdePartij", partij.id);
  }

  identificeerdePartij(identificator: PartijIdentificator): Promise<Partij | null> {
    return this.partijen.related(identificator.identificeerdePartij);
  }

  subIdentificatorVan(identificator: PartijIdentificator): Promise<PartijIdentificator | null> {
    return this.reading.related(identificator.subIdentificatorVan);
  }

  /** The four codes; the value (objectId) only for a client with identificatoren.lezen, else null. */
  groep(identificator: PartijIdentificator): PartijIdentificatorGroep {
    const { codeObjecttype, codeSoortObjectId, objectId, codeRegister } = identificator;
    const zichtbaar = hasScope(this.ctx.principal, "identificatoren.lezen");
    return { codeObjecttype, codeSoortObjectId, objectId: zichtbaar ? objectId : null, codeRegister };
  }

  async create(input: PartijIdentificatorInput): Promise<PartijIdentificator> {
    this.writable();
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    problems.throwIfAny();
    const partij = await this.partijen.reference(input.identificeerdePartij, "identificeerdePartij", problems);
    const sub = await this.gate.reference(input.subIdentificatorVan, "subIdentificatorVan", problems);
    problems.throwIfAny();
    const groep = input.partijIdentificator;
    const plan: IdentificatorPlan = {
      path: "",
      existing: null,
      partij: partij ?? null,
      anderePartijIdentificator: input.anderePartijIdentificator ?? "",
      ...groep,
      sub: sub ? { row: sub } : null,
    };
    await this.check([plan], [], problems);
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      await this.write([plan], []);
      this.partijen.auditUnder([plan.entity!.identificeerdePartij], AuditSoort.SCHRIJVEN);
      return plan.entity!;
    });
  }

  async update(uuid: string, input: PartijIdentificatorUpdateInput): Promise<PartijIdentificator> {
    this.writable();
    const existing = await this.gate.get(uuid);
    const problems = new InvalidParams();
    problems.addAll(await fieldErrors(input));
    problems.throwIfAny();
    const partij = await this.partijen.reference(input.identificeerdePartij, "identificeerdePartij", problems);
    const sub = await this.gate.reference(input.subIdentificatorVan, "subIdentificatorVan", problems);
    problems.throwIfAny();
    const currentSub = await this.gate.related(existing.subIdentificatorVan);
    const newSub = sub !== undefined ? sub : currentSub;
    const plan: IdentificatorPlan = {
      path: "",
      existing,
      partij: partij !== undefined ? partij : ((existing.identificeerdePartij as Partij | null | undefined) ?? null),
      anderePartijIdentificator:
        input.anderePartijIdentificator !== undefined ? (input.anderePartijIdentificator ?? "") : existing.anderePartijIdentificator,
      ...(input.partijIdentificator ?? {
        codeObjecttype: existing.codeObjecttype,
        codeSoortObjectId: existing.codeSoortObjectId,
        objectId: existing.objectId,
        codeRegister: existing.codeRegister,
      }),
      sub: newSub ? { row: newSub } : null,
    };
    await this.check([plan], [], problems);
    problems.throwIfAny();
    return this.ctx.transaction(async () => {
      this.partijen.auditUnder([existing.identificeerdePartij], AuditSoort.SCHRIJVEN);
      await this.write([plan], []);
      this.partijen.auditUnder([existing.identificeerdePartij], AuditSoort.SCHRIJVEN);
      return existing;
    });
  }

  /** An identificator that others fall under (a kvk_nummer with vestigingen) is protected. */
  async delete(uuid: string): Promise<string> {
    this.writable("verwijderen");
    const identificator = await this.gate.get(uuid);
    // every child counts, visible or not: the rule holds for the whole registry
    const children = await this.ctx.em.count(PartijIdentificator, { subIdentificatorVan: identificator.id });
    if (children > 0) {
      throw InvalidInputError.of(
        "nonFieldErrors",
        "protected",
        "Deze identificator kan niet verwijderd worden: er vallen nog sub-identificatoren (vestigingen) onder.",
      );
    }
    await this.ctx.transaction(async () => {
      await this.ctx.em.nativeDelete(PartijIdentificator, { id: identificator.id });
      this.partijen.auditUnder([identificator.identificeerdePartij], AuditSoort.VERWIJDEREN);
    });
    return identificator.uuid;
  }

  /**
   * Checks the rules of model.md 2.2 on the planned states of some identificatoren; `removed` are
   * stored identificatoren that the same write deletes. A constant number of SQL statements, also
   * for the identificatoren of several new partijen at once; `problemsOf` says where a plan's
   * problems go (each partij's own list), by default `problems`.
   */
  async check(
    plans: IdentificatorPlan[],
    removed: PartijIdentificator[],
    problems: InvalidParams,
    problemsOf: (plan: IdentificatorPlan) => InvalidParams = () => problems,
  ): Promise<void> {
    const of = problemsOf;
    const field = (plan: IdentificatorPlan, ...names: string[]) => path(plan.path, ...names);
    const subSoort = (plan: IdentificatorPlan) =>
      plan.sub === null ? null : "row" in plan.sub ? plan.sub.row.codeSoortObjectId : plan.sub.plan.codeSoortObjectId;

    for (const plan of plans) {
      // 1. register → objecttype → soort object-id
      const objecttypes = OBJECTTYPES[plan.codeRegister];
      const soorten = SOORTEN[plan.codeObjecttype];
      if (!objecttypes.includes(plan.codeObjecttype)) {
        of(plan).add(
          field(plan, "partijIdentificator", "codeObjecttype"),
          "invalid",
          `voor \`codeRegister\` ${plan.codeRegister} zijn alleen deze waarden toegestaan: ${choices(objecttypes)}`,
        );
      } else if (!soorten.includes(plan.codeSoortObjectId)) {
        of(plan).add(
          field(plan, "partijIdentificator", "codeSoortObjectId"),
          "invalid",
          `voor \`codeObjecttype\` ${plan.codeObjecttype} zijn alleen deze waarden toegestaan: ${choices(soorten)}`,
        );
      }
      // 2. the format of the objectId
      const reason = plan.objectId.trim() ? FORMATS[plan.codeSoortObjectId](plan.objectId) : null;
      if (reason) of(plan).add(field(plan, "partijIdentificator", "objectId"), "invalid", `Deze waarde is ongeldig, reden: ${reason}`);
      // 5. a vestigingsnummer falls under a kvk_nummer; 6. nothing falls under itself
      const ownSub = plan.sub !== null && ("plan" in plan.sub ? plan.sub.plan === plan : plan.sub.row === plan.existing);
      if (ownSub) {
        of(plan).add(field(plan, "subIdentificatorVan"), "invalid", "Een identificator kan niet zijn eigen subIdentificatorVan zijn.");
      } else if (plan.codeSoortObjectId === CodeSoortObjectId.VESTIGINGSNUMMER) {
        if (plan.sub === null) {
          of(plan).add(
            field(plan, "subIdentificatorVan"),
            "required",
            "Een vestigingsnummer valt onder een KvK-nummer: geef de kvk_nummer-identificator op in subIdentificatorVan.",
          );
        } else if (subSoort(plan) !== CodeSoortObjectId.KVK_NUMMER) {
          of(plan).add(
            field(plan, "subIdentificatorVan"),
            "invalid",
            "subIdentificatorVan van een vestigingsnummer moet een identificator met codeSoortObjectId 'kvk_nummer' zijn.",
          );
        }
      }
      if (plan.sub && "row" in plan.sub && removed.includes(plan.sub.row)) {
        of(plan).add(field(plan, "subIdentificatorVan"), "invalid", "Deze identificator wordt in dezelfde wijziging verwijderd.");
      }
    }

    const em = this.ctx.em;
    const planned = new Set(plans.flatMap((p) => (p.existing ? [p.existing.id] : [])));
    const removedIds = new Set(removed.map((r) => r.id));
    const untouched = (row: PartijIdentificator) => !planned.has(row.id) && !removedIds.has(row.id);
    const subKey = (plan: IdentificatorPlan) =>
      plan.sub === null ? null : "row" in plan.sub ? `row:${plan.sub.row.id}` : `plan:${plans.indexOf(plan.sub.plan)}`;
    const key = (plan: IdentificatorPlan) =>
      [plan.codeObjecttype, plan.codeSoortObjectId, plan.objectId, plan.codeRegister, subKey(plan)].join("\u0000");

    // The rules hold for the whole registry, so these look past the gate at every row.
    // 3. uniqueness of the four codes, globally or under the same parent: among the plans, and
    // against the stored rows this write leaves alone
    const stored = await em.find(PartijIdentificator, { objectId: { $in: [...new Set(plans.map((p) => p.objectId))] } });
    const storedKeys = new Set(
      stored
        .filter(untouched)
        .map((row) =>
          [
            row.codeObjecttype,
            row.codeSoortObjectId,
            row.objectId,
            row.codeRegister,
            row.subIdentificatorVan ? `row:${row.subIdentificatorVan.id}` : null,
          ].join("\u0000"),
        ),
    );
    const seen = new Set<string>();
    for (const plan of plans) {
      const k = key(plan);
      if (storedKeys.has(k) || seen.has(k)) of(plan).add(field(plan, "nonFieldErrors"), "unique", GLOBAL_UNIQUE);
      seen.add(k);
    }

    // 4. one identificator of each codeSoortObjectId per partij (a new partij has none stored)
    const partijIds = [...new Set(plans.flatMap((p) => (p.partij && !(p.partij instanceof NewPartij) ? [p.partij.id] : [])))];
    const ofPartijen = partijIds.length ? await em.find(PartijIdentificator, { identificeerdePartij: { $in: partijIds } }) : [];
    const soortenOf = new Map<number | NewPartij, Set<CodeSoortObjectId>>();
    const soorten = (owner: number | NewPartij) => soortenOf.get(owner) ?? soortenOf.set(owner, new Set()).get(owner)!;
    for (const row of ofPartijen.filter(untouched)) soorten(row.identificeerdePartij!.id).add(row.codeSoortObjectId);
    for (const plan of plans) {
      if (plan.partij === null) continue;
      const taken = soorten(plan.partij instanceof NewPartij ? plan.partij : plan.partij.id);
      if (taken.has(plan.codeSoortObjectId)) of(plan).add(field(plan, "nonFieldErrors"), "unique", LOCAL_UNIQUE);
      taken.add(plan.codeSoortObjectId);
    }

    // 7. an identificator with sub-identificatoren keeps its codeSoortObjectId and is not deleted
    const parents = [...plans.flatMap((p) => (p.existing ? [p.existing] : [])), ...removed];
    const children = parents.length ? await em.find(PartijIdentificator, { subIdentificatorVan: { $in: parents.map((p) => p.id) } }) : [];
    // A child that this write deletes, or moves to another parent, no longer holds its parent.
    const stays = (child: PartijIdentificator) => {
      if (removedIds.has(child.id)) return false;
      const plan = plans.find((p) => p.existing === child);
      return !plan || (plan.sub !== null && "row" in plan.sub && plan.sub.row.id === child.subIdentificatorVan!.id);
    };
    const hasChildren = (parent: PartijIdentificator) => children.some((c) => c.subIdentificatorVan!.id === parent.id && stays(c));
    for (const plan of plans) {
      if (plan.existing && plan.existing.codeSoortObjectId !== plan.codeSoortObjectId && hasChildren(plan.existing)) {
        of(plan).add(
          field(plan, "partijIdentificator", "codeSoortObjectId"),
          "protected",
          `Het is niet mogelijk om de codeSoortObjectId van ${plan.existing.objectId} te wijzigen: er vallen nog sub-identificatoren onder.`,
        );
      }
    }
    for (const row of removed) {
      if (hasChildren(row)) {
        problems.add(
          "partijIdentificatoren",
          "protected",
          `De identificator ${row.objectId} (${row.codeSoortObjectId}) kan niet verwijderd worden: er vallen nog sub-identificatoren onder.`,
        );
      }
    }
  }

  /**
   * Writes checked plans: first the removed identificatoren go (after they let go of their
   * parents), then the plans, parents before the identificatoren that fall under them, so that
   * every foreign key and unique index holds after each statement.
   */
  async write(plans: IdentificatorPlan[], removed: PartijIdentificator[]): Promise<void> {
    const em = this.ctx.em;
    if (removed.length) {
      const ids = removed.map((r) => r.id);
      await em.nativeUpdate(PartijIdentificator, { id: { $in: ids }, subIdentificatorVan: { $ne: null } }, { subIdentificatorVan: null });
      await em.nativeDelete(PartijIdentificator, { id: { $in: ids } });
      for (const row of removed) em.getUnitOfWork().unsetIdentity(row);
    }
    let pending = [...plans];
    while (pending.length) {
      const ready = pending.filter((p) => p.sub === null || "row" in p.sub || p.sub.plan.entity);
      if (!ready.length) throw new Error("circular subIdentificatorVan among planned identificatoren");
      for (const plan of ready) {
        const entity = plan.existing ?? em.create(PartijIdentificator, {} as never);
        entity.identificeerdePartij = plan.partij instanceof NewPartij ? plan.partij.entity! : plan.partij;
        entity.anderePartijIdentificator = plan.anderePartijIdentificator;
        entity.codeObjecttype = plan.codeObjecttype;
        entity.codeSoortObjectId = plan.codeSoortObjectId;
        entity.objectId = plan.objectId;
        entity.codeRegister = plan.codeRegister;
        entity.subIdentificatorVan = plan.sub === null ? null : "row" in plan.sub ? plan.sub.row : plan.sub.plan.entity!;
        plan.entity = entity;
      }
      await em.flush();
      pending = pending.filter((p) => !ready.includes(p));
    }
  }

  /** A cycle among plans (a → b → a) would never be written; report it as an input problem. */
  static checkCycles(plans: IdentificatorPlan[], problems: InvalidParams): void {
    for (const plan of plans) {
      // (pointing at itself is reported by check())
      if (plan.sub && "plan" in plan.sub && plan.sub.plan === plan) continue;
      const visited = new Set<IdentificatorPlan>();
      let current: IdentificatorPlan | null = plan;
      while (current?.sub && "plan" in current.sub) {
        if (visited.has(current)) {
          problems.add(path(plan.path, "subIdentificatorVanIndex"), "invalid", "De subIdentificatorVan-verwijzingen vormen een kring.");
          break;
        }
        visited.add(current);
        current = current.sub.plan;
      }
    }
  }
}
