import type { SchemaModule } from "../schema";
import { AuditResolver } from "./audit.resolver";

/** The auditor's query. Audit records are no federation entity: only this subgraph knows them. */
export const auditModule: SchemaModule = {
  resolvers: [AuditResolver],
  references: {},
};
