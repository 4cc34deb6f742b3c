/**
 * Stands in for vite-plugin-pwa's `virtual:pwa-register` under Vitest (vite.config.ts `test.alias`):
 * the real module exists only in production builds. Tests inject their own register function.
 */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

export function registerSW(_options?: RegisterSWOptions): (reloadPage?: boolean) => Promise<void> {
  return async () => undefined;
}
