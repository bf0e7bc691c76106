// Vite build and Vitest configuration of the kubetel web UI. The UI is served under /ui/
// (kubectl proxy --www-prefix=/ui/), so assets use relative paths. `npm run dev` proxies the
// Kubernetes API paths to KUBETEL_API (default: a kubectl proxy on 127.0.0.1:8001).
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const api = process.env.KUBETEL_API ?? 'http://127.0.0.1:8001';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/apis': api, '/api': api, '/version': api },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
