import { ipAllowed } from './ip-allow-list';

describe('ipAllowed', () => {
  it('allows every address when the list is empty', () => {
    expect(ipAllowed('203.0.113.9', [])).toBe(true);
  });

  it('matches addresses and CIDR blocks of both families', () => {
    const list = ['127.0.0.1', '10.1.0.0/16', '2001:db8::/32'];
    expect(ipAllowed('127.0.0.1', list)).toBe(true);
    expect(ipAllowed('::ffff:127.0.0.1', list)).toBe(true);
    expect(ipAllowed('10.1.200.3', list)).toBe(true);
    expect(ipAllowed('10.2.0.1', list)).toBe(false);
    expect(ipAllowed('2001:db8:1::5', list)).toBe(true);
    expect(ipAllowed('::1', list)).toBe(false);
    expect(ipAllowed('::1', ['::1'])).toBe(true);
    expect(ipAllowed('127.0.0.1', ['::1'])).toBe(false);
    expect(ipAllowed('not-an-ip', list)).toBe(false);
  });
});
