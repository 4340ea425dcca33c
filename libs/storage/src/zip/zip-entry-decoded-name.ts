import type { Entry } from 'yauzl';
import * as yauzl from 'yauzl';

/** yauzl's own decoder (missing from its typings): UTF-8 when flagged or Info-ZIP Unicode Path, otherwise CP437. */
const getFileNameLowLevel = (
  yauzl as unknown as {
    getFileNameLowLevel(flags: number, name: Buffer, extraFields: Entry['extraFields'], strict: boolean): string;
  }
).getFileNameLowLevel;

/** The entry's name as written (strict: backslashes are kept so that our own name check sees them). */
export function decodedEntryName(entry: Entry): string {
  return getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, true);
}
