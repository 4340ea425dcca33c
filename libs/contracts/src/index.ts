export * from './dto';
export * from './errors';
export * from './events';
export * from './jobs';
export * from './rpc';
