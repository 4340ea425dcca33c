export * from './outbox-table.sql';
export * from './outbox.service';
