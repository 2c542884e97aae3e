import type { SchemaModule } from "../schema";

export const klantcontactenModule: SchemaModule = {
  resolvers: [],
  references: {},
};
