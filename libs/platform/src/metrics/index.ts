export * from './metrics.service';
export * from './metrics.controller';
export * from './metrics-http-server';
