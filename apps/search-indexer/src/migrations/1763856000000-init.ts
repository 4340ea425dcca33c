import { outboxInitMigration } from '@mp/platform';

export class Init1763856000000 extends outboxInitMigration('search') {
  override name = 'Init1763856000000';
}
