/**
 * A test double of `T` made of the members a test stubs; reading any other member throws, so an
 * unexpected call fails the test instead of returning undefined. (`then` reads as undefined so the
 * double can be awaited or returned from async code.)
 */
export function strictMock<T extends object>(stubs: Partial<T>): T {
  return new Proxy(stubs, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      if (prop === 'then') return undefined;
      throw new Error(`Unexpected access to ${String(prop)} (not stubbed)`);
    },
  }) as T;
}
