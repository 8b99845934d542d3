import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    // Exact match only: '@meridian/contracts/dto' holds server-only decorated classes and must not resolve.
    alias: [{ find: /^@meridian\/contracts$/, replacement: here('../../libs/contracts/src/index.ts') }],
  },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true, ws: true },
    },
  },
});
