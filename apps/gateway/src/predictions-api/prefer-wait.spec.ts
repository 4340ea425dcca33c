import { preferWaitSeconds } from './prefer-wait';

describe('preferWaitSeconds', () => {
  it('reads wait and wait=N among other preferences', () => {
    expect(preferWaitSeconds(undefined)).toBeUndefined();
    expect(preferWaitSeconds('respond-async')).toBeUndefined();
    expect(preferWaitSeconds('wait')).toBe(60);
    expect(preferWaitSeconds('wait=5')).toBe(5);
    expect(preferWaitSeconds('return=minimal, Wait = 7')).toBe(7);
    expect(preferWaitSeconds(['handling=lenient', 'wait=60'])).toBe(60);
  });

  it('refuses a wait outside 1–60 s with a ValidationFailed naming Prefer', () => {
    for (const bad of ['wait=0', 'wait=61', 'wait=abc', 'wait=1.5', 'wait=-1', 'wait=99999999']) {
      expect(() => preferWaitSeconds(bad)).toThrow(/Prefer: wait=.* must be a whole number of seconds from 1 to 60/);
    }
  });
});
