import { extensionAttempts, initialReservation } from './reservation-growth';

describe('reservation growth', () => {
  it('asks for nothing while the streamed bytes are covered', () => {
    expect(extensionAttempts(100, 100, 64)).toEqual([]);
    expect(extensionAttempts(10, 100, 64)).toEqual([]);
  });

  it('asks for a whole step first, then exactly the missing bytes', () => {
    expect(extensionAttempts(110, 100, 64)).toEqual([64, 10]);
  });

  it('asks for the missing bytes once when they are a step or more', () => {
    expect(extensionAttempts(300, 100, 64)).toEqual([200]);
    expect(extensionAttempts(164, 100, 64)).toEqual([64]);
  });

  it('reserves the declared request length up front, bounded by the largest allowed upload', () => {
    expect(initialReservation(5000, 10_000, 100)).toBe(5000);
    expect(initialReservation(50_000, 10_000, 100)).toBe(10_100);
    expect(initialReservation(undefined, 10_000, 100)).toBe(0);
    expect(initialReservation(Number.NaN, 10_000, 100)).toBe(0);
    expect(initialReservation(-1, 10_000, 100)).toBe(0);
  });
});
