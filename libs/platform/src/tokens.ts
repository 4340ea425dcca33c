/** Injection tokens provided by PlatformModule. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_NAME = Symbol('APP_NAME');
export const LOGGER = Symbol('LOGGER');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');
/** The app's wire names (`wireNames(NAMESPACE)`). */
export const WIRE_NAMES = Symbol('WIRE_NAMES');
