import { parseProviderRoutes, providerKindFor } from './provider-routes';

describe('parseProviderRoutes', () => {
  it('reads a model=provider list and a JSON object alike', () => {
    expect(parseProviderRoutes('seedream-4.5=ark, seedream-4.0 = local')).toEqual({
      'seedream-4.5': 'ark',
      'seedream-4.0': 'local',
    });
    expect(parseProviderRoutes('{"seedream-4.5":"ark","*":"local"}')).toEqual({ 'seedream-4.5': 'ark', '*': 'local' });
    expect(parseProviderRoutes('  ')).toEqual({});
  });

  it.each([
    ['seedream-4.5=openai', /known providers: ark, local/],
    ['seedream-4.5', /is not model=provider/],
    ['a=ark,a=local', /listed twice/],
    ['{"a": 1}', /names provider 1/],
    ['{"a": ', /not valid JSON/],
    ['{', /not valid JSON/],
  ])('refuses %j', (value, message) => {
    expect(() => parseProviderRoutes(value)).toThrow(message);
  });
});

describe('providerKindFor', () => {
  it('uses local for every model when nothing is configured', () => {
    expect(providerKindFor({}, 'seedream-4.5')).toBe('local');
  });

  it('uses the listed provider, then `*`, else none', () => {
    expect(providerKindFor({ a: 'ark', '*': 'local' }, 'a')).toBe('ark');
    expect(providerKindFor({ a: 'ark', '*': 'local' }, 'b')).toBe('local');
    expect(providerKindFor({ a: 'ark' }, 'b')).toBeUndefined();
  });
});
