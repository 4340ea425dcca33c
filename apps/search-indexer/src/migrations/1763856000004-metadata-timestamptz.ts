import { sqlMigration } from '@mp/platform';

/**
 * `search.metadata_timestamptz(jsonb)`: a custom metadata value as a date, for range filters on
 * custom keys. Accepted as the search API accepts dates: `YYYY-MM-DD` (midnight UTC) or a
 * date-time with `Z` or an offset; anything else (other types, impossible dates, no zone) is NULL.
 * IMMUTABLE because every accepted string carries its zone, so TimeZone cannot change the result;
 * impossible dates are caught before the cast, so no exception block (subtransaction) per row.
 */
export class MetadataTimestamptz1763856000004 extends sqlMigration({
  up: [
    `
      CREATE FUNCTION "search"."metadata_timestamptz"(value jsonb) RETURNS timestamptz
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      DECLARE
        s text;
        m text[];
      BEGIN
        IF jsonb_typeof(value) <> 'string' THEN
          RETURN NULL;
        END IF;
        s := value #>> '{}';
        m := regexp_match(s, '^(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d))?$');
        IF m IS NULL OR m[1]::int < 1
           OR m[3]::int > extract(day FROM make_date(m[1]::int, m[2]::int, 1) + interval '1 month - 1 day') THEN
          RETURN NULL;
        END IF;
        IF m[4] IS NULL THEN
          s := s || 'T00:00:00Z';
        END IF;
        RETURN s::timestamptz;
      END
      $fn$`,
  ],
  down: ['DROP FUNCTION "search"."metadata_timestamptz"(jsonb)'],
}) {
  override name = 'MetadataTimestamptz1763856000004';
}
