import type { EntityManager } from "@mikro-orm/core";

/**
 * Case-insensitive text filters shared by the list queries (Open Klant's iexact and icontains).
 * PostgreSQL has ILIKE (wildcards in the input are escaped); SQLite's LIKE ignores ASCII case
 * by itself and has no default escape character, so there '%' and '_' typed by a user stay
 * wildcards, which only widens a search on the embedded database.
 */
export class TextFilters {
  private readonly postgres: boolean;

  constructor(em: EntityManager) {
    this.postgres = em.getPlatform().constructor.name.startsWith("PostgreSql");
  }

  private like(pattern: string) {
    return this.postgres ? { $ilike: pattern } : { $like: pattern };
  }

  private escape(value: string): string {
    return this.postgres ? value.replace(/[\\%_]/g, (c) => `\\${c}`) : value;
  }

  iexact(value: string) {
    return this.like(this.escape(value));
  }

  icontains(value: string) {
    return this.like(`%${this.escape(value)}%`);
  }
}
