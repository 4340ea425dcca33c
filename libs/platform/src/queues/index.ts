export * from './job-handler.decorator';
export * from './job-queue';
export * from './job-worker-host';
export * from './redis-connection';
