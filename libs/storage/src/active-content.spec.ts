import { isActiveContentType } from './active-content';

describe('isActiveContentType', () => {
  it('marks documents a browser would run', () => {
    for (const type of [
      'text/html',
      'TEXT/HTML; charset=utf-8',
      'image/svg+xml',
      'application/xml',
      'application/rss+xml',
      'text/javascript',
      '',
      null,
      'garbage',
    ])
      expect(isActiveContentType(type)).toBe(true);
  });

  it('leaves passive media alone', () => {
    for (const type of [
      'image/png',
      'image/jpeg',
      'application/pdf',
      'application/json',
      'text/plain',
      'video/mp4',
      'application/zip',
    ])
      expect(isActiveContentType(type)).toBe(false);
  });
});
