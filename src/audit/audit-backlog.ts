/**
 * The audit backlog of this process: data subjects that the requests under way have reported to
 * their AuditCollector and whose audit records are not yet written. A klantcontact reported by id
 * counts once, though its records (one per partij among its betrokkenen) are only known at flush.
 *
 * Records are written before an answer leaves (src/audit/audit-plugin.ts), so this is audit work in
 * flight, not a queue: it is 0 between requests, and a value that stays up means requests hang in
 * or before their audit write. One counter for the process, kept by the collectors (a few additions
 * per request), read by the metrics (src/observability/metrics.ts).
 */
let pendingSubjects = 0;

export const auditBacklog = {
  get size(): number {
    return pendingSubjects;
  },
  added(count: number): void {
    pendingSubjects += count;
  },
  settled(count: number): void {
    pendingSubjects -= count;
  },
};
