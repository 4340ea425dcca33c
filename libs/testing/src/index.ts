export * from './admin-client';
export * from './boot-app';
export * from './free-port';
export * from './nats-server-process';
export * from './platform-processes';
export * from './storage-event-forwarder';
export * from './test-infra';
export * from './wait-for';
