export * from './outbox-init-migration';
export * from './outbox-table.sql';
export * from './outbox.service';
