import { strictMock } from './strict-mock';

interface Greeter {
  greet(name: string): string;
  wave(): void;
}

describe('strictMock', () => {
  it('answers with the stubs', () => {
    expect(strictMock<Greeter>({ greet: (name) => `hi ${name}` }).greet('ann')).toBe('hi ann');
  });

  it('throws on members nobody stubbed', () => {
    const greeter = strictMock<Greeter>({ greet: () => 'hi' });
    expect(() => greeter.wave()).toThrow('Unexpected access to wave (not stubbed)');
  });

  it('can be awaited like any object that is not a promise', async () => {
    const greeter = strictMock<Greeter>({});
    await expect(Promise.resolve(greeter)).resolves.toBe(greeter);
  });
});
