const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'application/zip': 'zip',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
};

/** The usual extension of the seed's allowed content types. */
export function extensionOfType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  return EXTENSIONS[contentType.split(';')[0].trim().toLowerCase()];
}
