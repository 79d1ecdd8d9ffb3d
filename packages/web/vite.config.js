// Plain JS on purpose: the root tsconfig only covers packages/*/src and test, and the lint
// project service would reject a vite.config.ts outside it.
import process from 'node:process';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const config = {
  plugins: [react()],
  server: {
    port: 5173,
    // The dashboard talks to the API over HTTP only; in dev, Vite forwards /api to a running server.
    proxy: { '/api': { target: process.env.STOCKWISE_API ?? 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    // Keep earlier hashed chunks: a tab opened before a rebuild can still lazy-load its pages, and a
    // rebuild never leaves a window where assets are missing. Old files are small and harmless.
    emptyOutDir: false,
    sourcemap: false,
    // Report gzip sizes in the build log; scripts/bundle-size.js enforces the budget.
    reportCompressedSize: true,
    // scripts/bundle-size.js reads the manifest to find what the overview route loads first.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
};

export default defineConfig(({ command }) => {
  // A stray NODE_ENV (vitest sets "test") would make `vite build` ship React's development runtime.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
