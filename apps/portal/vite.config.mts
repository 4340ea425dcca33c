import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * A static build served by the gateway at /portal: hashed assets under assets/, no inline script
 * (the CSP forbids it), no CDN, no plugin needed (esbuild compiles TSX with the automatic runtime).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/portal/',
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
