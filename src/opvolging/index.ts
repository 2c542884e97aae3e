import type { SchemaModule } from "../schema";

export const opvolgingModule: SchemaModule = {
  resolvers: [],
  references: {},
};
