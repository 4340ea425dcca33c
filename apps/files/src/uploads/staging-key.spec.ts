import { buildObjectKey } from './object-key';
import { isStagingKey, stagingKeyOf } from './staging-key';

describe('staging keys', () => {
  const team = '0b84076d-1540-4cb7-80fe-1161650d9fe2';
  const file = '5f0c7a52-4f0e-4d8e-9a57-3d1f0c2b9e11';

  it('live under the prefix, outside every team keyspace', () => {
    expect(stagingKeyOf('aiapi', team, file)).toBe(`aiapi/.uploads/${team}/${file}`);
    expect(stagingKeyOf('aiapi', team, file).startsWith(`aiapi/${team}/`)).toBe(false);
  });

  it('are told apart from object keys, even of a folder named like the staging segment', () => {
    expect(isStagingKey('aiapi', stagingKeyOf('aiapi', team, file))).toBe(true);
    const objectKey = buildObjectKey({
      prefix: 'aiapi',
      teamId: team,
      folder: '.uploads',
      epochMs: 1,
      filename: 'a.png',
    });
    expect(isStagingKey('aiapi', objectKey)).toBe(false);
    expect(isStagingKey('aiapi', `other/.uploads/${team}/${file}`)).toBe(false);
  });
});
