import { DomainError } from '@mp/contracts';

/** A Swift feature the platform does not serve yet (listed in docs/compat/bucket-api.md). */
export const notServed = (feature: string) =>
  new DomainError('NotImplemented', `${feature} is not supported by this server yet`, { feature });

export const methodNotAllowed = (what: string) =>
  new DomainError('ValidationFailed', `${what} is not a request this API serves`, {});
