/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['app/test-setup.ts'],
    restoreMocks: true,
  },
});
