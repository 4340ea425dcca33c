export * from './embedded-s3-server';
