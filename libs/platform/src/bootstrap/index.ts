export * from './start-service';
export * from './stop-on-signals';
