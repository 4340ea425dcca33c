/** DDL of the outbox table; each app's first migration creates it in its own schema. */
export function outboxTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."outbox" (
      "seq" bigserial PRIMARY KEY,
      "id" uuid NOT NULL UNIQUE,
      "subject" text NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}
