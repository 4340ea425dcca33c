import { outboxInitMigration } from '@mp/platform';

export class Init1763856000000 extends outboxInitMigration('files') {
  override name = 'Init1763856000000';
}
