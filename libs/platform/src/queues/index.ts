export * from './job-handler.decorator';
export * from './job-queue';
export * from './job-retry-policy';
export * from './job-skip';
export * from './job-worker-host';
export * from './redis-connection';
export * from './scheduled-sweep.decorator';
export * from './sweep-runner';
