export * from './callback.events';
export * from './event-map';
export * from './file.events';
export * from './generation.events';
export * from './storage-object.event';
