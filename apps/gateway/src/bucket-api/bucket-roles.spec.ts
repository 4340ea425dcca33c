import { bucketRole, roleAllows } from './bucket-roles';

describe('bucket roles', () => {
  const owner = '00000000-0000-4000-8000-000000000001';
  const reader = '00000000-0000-4000-8000-000000000002';
  const writer = '00000000-0000-4000-8000-000000000003';
  const stranger = '00000000-0000-4000-8000-000000000004';
  const granted = {
    owner_id: owner,
    permissions: [
      { user_id: reader, permission: 'read-only' as const },
      { user_id: writer, permission: 'read-write' as const },
    ],
  };

  it('a bucket without grants is every project token’s', () => {
    expect(bucketRole({ user_id: stranger }, { owner_id: owner, permissions: [] })).toBe('admin');
  });

  it('with grants: owner admin, grantees their role, other users nothing, user-less tokens admin', () => {
    expect(bucketRole({ user_id: owner }, granted)).toBe('admin');
    expect(bucketRole({ user_id: reader }, granted)).toBe('read-only');
    expect(bucketRole({ user_id: writer }, granted)).toBe('read-write');
    expect(bucketRole({ user_id: stranger }, granted)).toBeNull();
    expect(bucketRole({ user_id: null }, granted)).toBe('admin');
  });

  it('what each role allows', () => {
    expect(['read', 'write', 'admin'].map((n) => roleAllows('read-only', n as 'read'))).toEqual([true, false, false]);
    expect(['read', 'write', 'admin'].map((n) => roleAllows('read-write', n as 'read'))).toEqual([true, true, false]);
    expect(['read', 'write', 'admin'].map((n) => roleAllows('admin', n as 'read'))).toEqual([true, true, true]);
    expect(roleAllows(null, 'read')).toBe(false);
  });
});
