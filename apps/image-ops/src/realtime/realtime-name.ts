import { splitExtension } from '../tree/image-path';

/** One reading of a requested name as `<sourceBase>_<operationId><suffix>.<extension>`. */
export interface RealtimeCandidate {
  sourceBase: string;
  operationId: string;
  /** `_0000`… for a piece of a slice or grid result, else empty. */
  suffix: string;
  extension: string;
}

const OPERATION_ID = /^[A-Za-z0-9_-]{1,20}$/;

/**
 * Every way a file name can name an operation result: names and operation ids may both contain `_`,
 * so each split is a candidate; the caller keeps those whose operation and source exist.
 */
export function realtimeCandidates(name: string): RealtimeCandidate[] {
  const [base, dotted] = splitExtension(name);
  if (!dotted) return [];
  const extension = dotted.slice(1).toLowerCase();
  const pieces = /((?:_\d{4})+)$/.exec(base);
  const readings: Array<[string, string]> = [[base, '']];
  if (pieces) readings.push([base.slice(0, -pieces[1].length), pieces[1]]);
  const out: RealtimeCandidate[] = [];
  for (const [stem, suffix] of readings) {
    for (let i = stem.indexOf('_'); i > 0; i = stem.indexOf('_', i + 1)) {
      const operationId = stem.slice(i + 1);
      if (OPERATION_ID.test(operationId)) out.push({ sourceBase: stem.slice(0, i), operationId, suffix, extension });
    }
  }
  return out;
}
