export * from './job-item';
