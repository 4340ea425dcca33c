/** PostgreSQL's unique_violation, raised by TypeORM as a QueryFailedError carrying the SQLSTATE. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { driverError?: { code?: string }; code?: string })?.driverError?.code === '23505';
}
