import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs let the same build load from Electron's app:// origin and the preview host.
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      // papaparse requires Node's `stream` only inside its Node-only duplex streamer, which the renderer never
      // builds; an empty module stands in for it instead of Vite's browser-external stub and its build warning.
      stream: fileURLToPath(new URL('renderer/src/node-stream-stub.ts', import.meta.url)),
    },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React is two fifths of the renderer and changes only with its version: a chunk of its own keeps the
          // app's chunk under Vite's 500 kB warning and lets Chromium keep React's compiled code across app builds.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
