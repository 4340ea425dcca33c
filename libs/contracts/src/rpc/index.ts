export * from './rpc-map';
