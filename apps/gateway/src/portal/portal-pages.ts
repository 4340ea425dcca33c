const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>${text}</p><p><a href="/portal/">Customer portal</a></p></body></html>`;

export const PORTAL_NOT_FOUND_PAGE = page('Not found', 'There is no such page or file in the customer portal.');
export const PORTAL_NOT_BUILT_PAGE = page(
  'Portal not built',
  'The customer portal has not been built on this server (pnpm build builds it).',
);
