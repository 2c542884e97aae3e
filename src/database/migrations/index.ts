// Written by `npm run migration:create`; lists the committed migrations of each dialect in order.
// Imported rather than found on disk, so that tsx, vitest and a tsc build all load them alike.
import type { MigrationObject } from "@mikro-orm/core";
import { Migration20261123203137 } from "./sqlite/Migration20261123203137";
import { Migration20261201092710 } from "./sqlite/Migration20261201092710";
import { Migration20261201094500 } from "./sqlite/Migration20261201094500";
import { Migration20261201120000 } from "./sqlite/Migration20261201120000";
import { Migration20261201121000 } from "./sqlite/Migration20261201121000";
import { Migration20261201123000 } from "./sqlite/Migration20261201123000";
import { Migration20261201130000 } from "./sqlite/Migration20261201130000";
import { Migration20261201140000 } from "./sqlite/Migration20261201140000";
import { Migration20261123203139 } from "./postgresql/Migration20261123203139";
import { Migration20261201092712 } from "./postgresql/Migration20261201092712";
import { Migration20261201094501 } from "./postgresql/Migration20261201094501";
import { Migration20261201120001 } from "./postgresql/Migration20261201120001";
import { Migration20261201121001 } from "./postgresql/Migration20261201121001";
import { Migration20261201123001 } from "./postgresql/Migration20261201123001";
import { Migration20261201130001 } from "./postgresql/Migration20261201130001";
import { Migration20261201140001 } from "./postgresql/Migration20261201140001";

export const migrations: Record<"sqlite" | "postgresql", MigrationObject[]> = {
  sqlite: [
    { name: "Migration20261123203137", class: Migration20261123203137 },
    { name: "Migration20261201092710", class: Migration20261201092710 },
    { name: "Migration20261201094500", class: Migration20261201094500 },
    { name: "Migration20261201120000", class: Migration20261201120000 },
    { name: "Migration20261201121000", class: Migration20261201121000 },
    { name: "Migration20261201123000", class: Migration20261201123000 },
    { name: "Migration20261201130000", class: Migration20261201130000 },
    { name: "Migration20261201140000", class: Migration20261201140000 },
  ],
  postgresql: [
    { name: "Migration20261123203139", class: Migration20261123203139 },
    { name: "Migration20261201092712", class: Migration20261201092712 },
    { name: "Migration20261201094501", class: Migration20261201094501 },
    { name: "Migration20261201120001", class: Migration20261201120001 },
    { name: "Migration20261201121001", class: Migration20261201121001 },
    { name: "Migration20261201123001", class: Migration20261201123001 },
    { name: "Migration20261201130001", class: Migration20261201130001 },
    { name: "Migration20261201140001", class: Migration20261201140001 },
  ],
};
