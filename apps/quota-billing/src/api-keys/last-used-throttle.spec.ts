import { LastUsedThrottle } from './last-used-throttle';

describe('LastUsedThrottle', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('records a never-used key once, then not again within the interval', () => {
    const throttle = new LastUsedThrottle(60_000, 100, clock);
    expect(throttle.shouldRecord('k1', null)).toBe(true);
    expect(throttle.shouldRecord('k1', null)).toBe(false);
    now += 59_999;
    expect(throttle.shouldRecord('k1', null)).toBe(false);
    now += 1;
    expect(throttle.shouldRecord('k1', null)).toBe(true);
  });

  it('trusts a recent stored value (another instance recorded it)', () => {
    const throttle = new LastUsedThrottle(60_000, 100, clock);
    expect(throttle.shouldRecord('k1', new Date(now - 30_000))).toBe(false);
    expect(throttle.shouldRecord('k1', new Date(now - 60_000))).toBe(true);
  });

  it('tracks keys independently', () => {
    const throttle = new LastUsedThrottle(60_000, 100, clock);
    expect(throttle.shouldRecord('k1', null)).toBe(true);
    expect(throttle.shouldRecord('k2', null)).toBe(true);
  });

  it('stays within its memory bound', () => {
    const throttle = new LastUsedThrottle(60_000, 3, clock);
    for (const id of ['a', 'b', 'c']) expect(throttle.shouldRecord(id, null)).toBe(true);
    now += 60_000;
    // full: stale entries go first, so 'a' is forgotten and recorded again
    expect(throttle.shouldRecord('d', null)).toBe(true);
    expect(throttle.shouldRecord('a', null)).toBe(true);
    expect(throttle.shouldRecord('e', null)).toBe(true);
    expect(throttle.shouldRecord('d', null)).toBe(false);
    // full of fresh entries: it starts over rather than grow
    expect(throttle.shouldRecord('f', null)).toBe(true);
    expect(throttle.shouldRecord('d', null)).toBe(true);
  });
});
