/**
 * The time the files service decides with: activation and expiry, visibility, the expiry sweep.
 * Injected so tests can move it; production uses the system clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
