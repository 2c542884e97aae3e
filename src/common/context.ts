import type { EntityClass, FilterQuery, MikroORM } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type DataLoader from "dataloader";
import { AuditCollector } from "../audit/audit-collector";
import { traceIdFrom, type AuditMeta } from "../audit/audit-meta";
import { AuditUitkomst } from "../audit/enums";
import type { Principal } from "../auth/principal";
import type { Config } from "../config";
import type { OperationTimeLimit } from "../limits/execution-time-limit";
import type { ObservedRequest } from "../observability/observed-request";
import type { BaseEntity } from "./base.entity";
import { OperationTransaction } from "./operation-transaction";

/**
 * Everything one GraphQL request owns: its own EntityManager (identity map and unit of work) and
 * its DataLoaders, and the services built on them, each created once on first use. Nothing here
 * outlives the request, so any number of subgraph processes can serve the same database.
 */
export class RequestContext {
  /** The data subjects this request processes, written to the audit log (src/audit). */
  readonly audit: AuditCollector;
  /** The time limit of the executing operation (src/limits/execution-time-limit.ts). */
  executionTimeLimit: OperationTimeLimit | undefined = undefined;
  private forked: SqlEntityManager | undefined = undefined;
  private audited: AuditedOperation | undefined = undefined;
  /**
   * True while a query operation executes: the read gates then hand out plain rows instead of ORM
   * entities (src/database/plain-rows.ts), since nothing will change or flush them. Mutations keep
   * entities, because their checks and writes need managed ones. Set once the operation is known.
   */
  readsPlainRows = false;
  private readonly services = new Map<unknown, unknown>();
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(
    private readonly orm: MikroORM,
    readonly config: Config,
    /** Who asks, authenticated before any SQL; the services decide with it. */
    readonly principal: Principal,
    /** The request as the metrics, the request log and the traces see it (src/observability), when they do. */
    readonly observed?: ObservedRequest,
  ) {
    this.audit = new AuditCollector(config.audit.hashKey);
  }

  private ownTraceId: string | undefined = undefined;

  /** The one trace id of this request (see ObservedRequest.traceId); a fresh one for a context used without a request. */
  get traceId(): string {
    // biome-ignore lint/suspicious/noAssignInExpressions: lazy initialisation on first use (`??=`), intended
    return this.observed?.traceId ?? (this.ownTraceId ??= traceIdFrom(undefined));
  }

  /** The request's own EntityManager, forked on first use (a request refused before any SQL needs none). */
  get em(): SqlEntityManager {
    // biome-ignore lint/suspicious/noAssignInExpressions: lazy initialisation on first use (`??=`), intended
    return (this.forked ??= this.orm.em.fork() as SqlEntityManager);
  }

  /**
   * What the audit records of this operation say about it; set by the audit plugin
   * (src/audit/audit-plugin.ts) once the operation is known, before it executes.
   */
  get operation(): AuditedOperation {
    // biome-ignore lint/suspicious/noAssignInExpressions: lazy initialisation on first use (`??=`), intended
    return (this.audited ??= {
      traceId: this.traceId,
      operatie: "",
      verwerkingsactiviteit: this.config.audit.verwerkingsactiviteiten.query,
    });
  }

  set operation(operation: AuditedOperation) {
    this.audited = operation;
  }

  /** The shared part of this request's audit records, ending with `uitkomst`. */
  auditMeta(uitkomst: AuditUitkomst): AuditMeta {
    const { clientId, userId, userRepresentation } = this.principal;
    return { ...this.operation, clientId, userId, userRepresentation, uitkomst };
  }

  /**
   * Writes the audit records reported so far, inside the current transaction. For a service
   * that is about to delete a partij reported by uuid: its record is then still hashed by the
   * BSN that the deletion removes.
   */
  async flushAudit(): Promise<void> {
    await this.audit.flush(this.em, this.auditMeta(AuditUitkomst.GELUKT));
  }

  /** The request's instance of a service class (constructed with this context on first use). */
  service<T>(type: new (ctx: RequestContext) => T): T {
    let instance = this.services.get(type) as T | undefined;
    if (!instance) {
      instance = new type(this);
      this.services.set(type, instance);
    }
    return instance;
  }

  /** The request's DataLoader under `key`, made by `create` on first use. */
  loader<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /**
   * After a write, what the loaders cached may be stale (a new address, a deleted betrokkene);
   * mutations call this before their result is resolved.
   */
  clearLoaders(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }

  /**
   * The transaction of this mutation operation, when one holds it (src/common/operation-transaction.ts):
   * writes then join it and it commits once, after the last root field.
   */
  operationTransaction: OperationTransaction | undefined;

  /** From now on, a transaction that a write opens stays open until the operation ends. */
  holdTransactionForOperation(): OperationTransaction {
    this.operationTransaction = new OperationTransaction(this);
    return this.operationTransaction;
  }

  /**
   * Runs a write in a database transaction: all of it or nothing. The transaction is opened on the
   * request's own EntityManager, so loaders and services used inside it see (and take part in) it;
   * a fork would need a second connection, and SQLite has one.
   *
   * Inside an open transaction `work` joins it, so a workflow composes the single mutations' writes.
   * In a mutation operation the transaction stays open after `work` and the operation commits it
   * (one transaction per operation); otherwise it commits here.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.em.isInTransaction()) return this.joined(work);
    await this.em.begin();
    if (this.operationTransaction) return this.joined(work);
    try {
      const result = await work();
      await this.commit();
      return result;
    } catch (err) {
      await this.rollback();
      throw err;
    }
  }

  private async joined<T>(work: () => Promise<T>): Promise<T> {
    const result = await work();
    // The result is read next (its nested fields): nothing cached before this write may serve it.
    this.clearLoaders();
    return result;
  }

  /**
   * Commits the open transaction with the audit records of what it processed, inserted just before:
   * a write is only stored with its records, and a rolled-back write leaves none.
   */
  async commit(): Promise<void> {
    await this.flushAudit();
    await this.em.commit();
    this.audit.committed();
    this.clearLoaders();
  }

  /** Rolls back: the data subjects of the write are pending again, for the audit plugin to record as mislukt. */
  async rollback(): Promise<void> {
    try {
      await this.em.rollback();
    } finally {
      this.audit.rolledBack();
      this.em.clear();
      this.clearLoaders();
    }
  }

  /**
   * Locks the rows of `entity` that match `where` until the current transaction ends, and returns
   * their ids: a writer that must see the work of another (e.g. "switch the other standaard
   * adressen off, then make this one standaard") then runs after it instead of both deciding on
   * the same old state. One statement; rows are locked in id order, so two writers that lock
   * overlapping sets in one call each cannot deadlock each other.
   *
   * PostgreSQL: FOR NO KEY UPDATE, which waits for other lockers and writers of these rows but not
   * for inserts elsewhere that merely reference them (a new betrokkene of a locked partij); a row
   * changed meanwhile is judged by `where` again in its new state. SQLite drops the clause: its
   * one connection runs one write transaction at a time already.
   */
  async lock<T extends BaseEntity>(entity: EntityClass<T>, where: FilterQuery<T>): Promise<number[]> {
    if (!this.em.isInTransaction()) throw new Error(`lock(${entity.name}) outside a transaction would hold nothing`);
    const query = this.em
      .createQueryBuilder(entity)
      .select("id")
      .where(where)
      .orderBy({ id: "asc" } as never)
      .getKnexQuery()
      .forNoKeyUpdate();
    const rows: Array<{ id: number }> = await this.em.execute(query);
    return rows.map((row) => row.id);
  }
}

/** The operation as its audit records name it (AuditMeta without who asked and how it ended). */
export type AuditedOperation = Pick<AuditMeta, "traceId" | "operatie" | "verwerkingsactiviteit">;
