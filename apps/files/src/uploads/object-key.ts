import { safeFilename } from '@mp/storage';

/** Shared with the gateway (LoRA uploads): the rules live in @mp/storage. */
export { safeFilename };

/** `<prefix>/<team>/<folder>/<epoch_ms>_<safe filename>`: team-scoped and ordered by time. */
export function buildObjectKey(parts: {
  prefix: string;
  teamId: string;
  folder: string;
  epochMs: number;
  filename: string;
}): string {
  return `${parts.prefix}/${parts.teamId}/${parts.folder}/${parts.epochMs}_${safeFilename(parts.filename)}`;
}

export function extensionOf(filename: string): string | null {
  const dot = filename.lastIndexOf('.');
  if (dot <= 0 || dot === filename.length - 1) return null;
  return filename.slice(dot + 1).toLowerCase();
}
