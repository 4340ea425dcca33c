export * from './callback.jobs';
export * from './job-item';
