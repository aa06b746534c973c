import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the dashboard runs on Vite's server and talks to the API on :3000;
// in production the API serves the built files at / on its own port.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The one workspace package the web may use, bundled from source (framework-free types and constants).
    alias: { '@resonance/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('recharts') || id.includes('d3-')) return 'charts';
          if (id.includes('@mantine')) return 'mantine';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
