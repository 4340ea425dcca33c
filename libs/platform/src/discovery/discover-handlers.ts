import { DiscoveryService, MetadataScanner } from '@nestjs/core';

export interface DiscoveredHandler<M> {
  meta: M;
  owner: string;
  call: (...args: unknown[]) => Promise<unknown>;
}

/** Finds every provider method carrying `metadataKey` (set by our handler decorators). */
export function discoverHandlers<M>(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  metadataKey: symbol,
): DiscoveredHandler<M>[] {
  const found: DiscoveredHandler<M>[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance);
    if (!prototype) continue;
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const method = prototype[methodName];
      const meta = Reflect.getMetadata(metadataKey, method) as M | undefined;
      if (meta === undefined) continue;
      found.push({
        meta,
        owner: `${instance.constructor.name}.${methodName}`,
        call: (...args) => Promise.resolve((method as (...a: unknown[]) => unknown).apply(instance, args)),
      });
    }
  }
  return found;
}

/**
 * A method decorator that only accepts methods assignable to `Method`: a handler whose parameters
 * do not accept what the platform passes (the subject's envelope, the job's data) fails to compile.
 */
export type HandlerDecorator<Method extends (...args: never[]) => unknown> = <Actual extends Method>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<Actual>,
) => TypedPropertyDescriptor<Actual>;

export function methodDecorator<M, Method extends (...args: never[]) => unknown = (...args: never[]) => unknown>(
  metadataKey: symbol,
  meta: M,
): HandlerDecorator<Method> {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(metadataKey, meta, descriptor.value as object);
    return descriptor;
  };
}

/** Refuses to boot when two handlers claim the same name. */
export function assertUnique<M>(handlers: DiscoveredHandler<M>[], nameOf: (m: M) => string, kind: string): void {
  const seen = new Map<string, string>();
  for (const h of handlers) {
    const name = nameOf(h.meta);
    const previous = seen.get(name);
    if (previous) throw new Error(`Two ${kind} handlers for "${name}": ${previous} and ${h.owner}`);
    seen.set(name, h.owner);
  }
}
