import { describe, expect, it } from 'vitest';
import { FIT_WIDTH, largerZoom, readZoom, saveZoom, smallerZoom, zoomPercent } from './pdf-zoom';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('PDF zoom steps', () => {
  it('goes up and down through 50% to 300%, stopping at the ends', () => {
    expect(largerZoom(FIT_WIDTH)).toBe(1.5);
    expect(largerZoom(3)).toBe(3);
    expect(smallerZoom(FIT_WIDTH)).toBe(0.75);
    expect(smallerZoom(0.5)).toBe(0.5);
    expect(zoomPercent(2.5)).toBe('250%');
  });

  it('keeps the chosen zoom, and ignores anything that is not a step', () => {
    const storage = memoryStorage();
    expect(readZoom(storage)).toBe(FIT_WIDTH);
    saveZoom(storage, 2);
    expect(readZoom(storage)).toBe(2);
    storage.setItem('crl-pdf-zoom', '40');
    expect(readZoom(storage)).toBe(FIT_WIDTH);
    expect(readZoom(undefined)).toBe(FIT_WIDTH);
  });
});
