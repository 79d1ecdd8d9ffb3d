// Plain JS on purpose: the root tsconfig only covers packages/*/src and test, and the lint
// project service would reject a vite.config.ts outside it.
import process from 'node:process';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // The dashboard talks to the API over HTTP only; in dev, Vite forwards /api to a running server.
    proxy: { '/api': { target: process.env.STOCKWISE_API ?? 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Report gzip sizes in the build log; scripts/bundle-size.mjs enforces the budget.
    reportCompressedSize: true,
    // scripts/bundle-size.mjs reads the manifest to find what the overview route loads first.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
});
