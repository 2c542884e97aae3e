import { Adres, Contactnaam, Objectidentificator } from "../common/embeddables";
import { partijenEntities } from "../partijen/entities";
import { klantcontactenEntities } from "../klantcontacten/entities";
import { opvolgingEntities } from "../opvolging/entities";
import { AuditRecord } from "../audit/audit-record.entity";
import { IdempotencyKey } from "../idempotency/idempotency-key.entity";

/** Every stored class, for MikroORM. */
export const entities = [
  Adres,
  Contactnaam,
  Objectidentificator,
  ...partijenEntities,
  ...klantcontactenEntities,
  ...opvolgingEntities,
  AuditRecord,
  IdempotencyKey,
];
