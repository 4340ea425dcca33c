import { DomainError } from '@mp/contracts';
import { KeySpace, validateObjectKey, validatePrefix } from './s3-object-key';

const rejects = (fn: () => unknown, message: RegExp) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('ValidationFailed');
    expect((err as DomainError).message).toMatch(message);
    return;
  }
  throw new Error('expected a ValidationFailed error');
};

describe('S3 proxy object keys', () => {
  it('accepts the keys of the seed examples and unicode names', () => {
    for (const key of [
      'myfile.txt',
      'folder/myfile.txt',
      'images/photo.jpg',
      'a b/ünï cödé.png',
      'x'.repeat(1024),
      '.hidden',
      'a/..b/c..',
    ]) {
      expect(validateObjectKey(key)).toBe(key);
    }
  });

  it('rejects traversal, absolute, empty segments, backslashes and control characters', () => {
    rejects(() => validateObjectKey('../etc/passwd'), /"\." or "\.\." segments/);
    rejects(() => validateObjectKey('a/../b'), /"\." or "\.\." segments/);
    rejects(() => validateObjectKey('a/./b'), /"\." or "\.\." segments/);
    rejects(() => validateObjectKey('..'), /"\." or "\.\." segments/);
    rejects(() => validateObjectKey('/abs/key'), /relative/);
    rejects(() => validateObjectKey('a//b'), /empty segments/);
    rejects(() => validateObjectKey('a\\b'), /separator/);
    rejects(() => validateObjectKey('a\u0000b'), /control characters/);
    rejects(() => validateObjectKey('line\nbreak'), /control characters/);
    rejects(() => validateObjectKey('del\u007f'), /control characters/);
    rejects(() => validateObjectKey(''), /must not be empty/);
    rejects(() => validateObjectKey('folder/'), /must not end with "\/"/);
  });

  it('limits keys to 1024 UTF-8 bytes, not characters', () => {
    rejects(() => validateObjectKey('x'.repeat(1025)), /at most 1024 bytes/);
    rejects(() => validateObjectKey('é'.repeat(513)), /at most 1024 bytes/);
    expect(validateObjectKey('é'.repeat(512))).toHaveLength(512);
  });

  it('names the field in the message', () => {
    rejects(() => validateObjectKey('../x', 'file name'), /^file name must not/);
  });

  it('accepts folder prefixes and the empty prefix, rejects traversal in prefixes', () => {
    expect(validatePrefix('')).toBe('');
    expect(validatePrefix('folder/')).toBe('folder/');
    expect(validatePrefix('folder/my')).toBe('folder/my');
    rejects(() => validatePrefix('../'), /segments/);
    rejects(() => validatePrefix('/folder'), /relative/);
    rejects(() => validatePrefix('a//'), /empty segments/);
  });

  it('confines every key of a principal under its team and key id', () => {
    const space = new KeySpace({ team_id: 'team-1', key_id: 'key-1' });
    expect(space.objectKey('folder/a.txt')).toBe('s3proxy/team-1/key-1/folder/a.txt');
    expect(space.userKey('s3proxy/team-1/key-1/folder/a.txt')).toBe('folder/a.txt');
    expect(space.stagingKey('u1')).toBe('s3proxy-uploads/team-1/key-1/u1');
    expect(space.stagingKey('u1').startsWith(space.root)).toBe(false);
    expect(() => space.userKey('s3proxy/team-1/key-2/x')).toThrow();
  });
});
