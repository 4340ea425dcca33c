export * from './embedded/embedded-s3-server';
export * from './object-storage';
export * from './object-storage.types';
export * from './s3-event-record';
export * from './safe-filename';
export * from './storage-config';
