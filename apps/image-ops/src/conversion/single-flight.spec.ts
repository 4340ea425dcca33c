import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('runs concurrent calls for one key once and shares the result', async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    let release!: (v: number) => void;
    const work = () => {
      runs++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const calls = [flight.run('k', work), flight.run('k', work), flight.run('k', work)];
    release(7);
    expect(await Promise.all(calls)).toEqual([7, 7, 7]);
    expect(runs).toBe(1);
  });

  it('runs different keys separately and starts afresh after settling, also after a failure', async () => {
    const flight = new SingleFlight<string>();
    let runs = 0;
    await expect(
      flight.run('a', async () => {
        runs++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await flight.run('a', async () => {
        runs++;
        return 'ok';
      }),
    ).toBe('ok');
    expect(
      await flight.run('b', async () => {
        runs++;
        return 'b';
      }),
    ).toBe('b');
    expect(runs).toBe(3);
  });
});
