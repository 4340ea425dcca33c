import { QueryFailedError } from 'typeorm';
import { pgFailure, RedactedQueryError, redactQueryError } from './query-errors';

const HASH = 'ab'.repeat(32);

function uniqueViolation(): QueryFailedError {
  const driverError = Object.assign(
    new Error('duplicate key value violates unique constraint "api_keys_key_hash_key"'),
    {
      code: '23505',
      constraint: 'api_keys_key_hash_key',
      detail: `Key (key_hash)=(${HASH}) already exists.`,
    },
  );
  return new QueryFailedError('INSERT INTO "billing"."api_keys" ... VALUES ($1)', [HASH], driverError);
}

describe('pgFailure', () => {
  it('reads the SQLSTATE and constraint of a failed query', () => {
    expect(pgFailure(uniqueViolation())).toEqual({ code: '23505', constraint: 'api_keys_key_hash_key' });
  });

  it('ignores anything else', () => {
    expect(pgFailure(new Error('boom'))).toBeNull();
    expect(pgFailure('boom')).toBeNull();
  });
});

describe('redactQueryError', () => {
  it('keeps the code and constraint and drops parameters and row detail', () => {
    const original = uniqueViolation();
    expect(JSON.stringify(original)).toContain(HASH);
    const redacted = redactQueryError(original);
    expect(redacted).toBeInstanceOf(RedactedQueryError);
    expect(redacted).toMatchObject({ code: '23505', constraint: 'api_keys_key_hash_key' });
    const everything = JSON.stringify({ ...redacted, message: redacted.message, stack: redacted.stack });
    expect(everything).not.toContain(HASH);
    expect(everything).not.toContain('INSERT');
  });

  it('keeps the message of errors that carry no statement (e.g. a lost connection)', () => {
    expect(redactQueryError(new Error('Connection terminated')).message).toBe('Query failed: Connection terminated');
  });
});
