import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from './payload-codec';

describe('payload codec', () => {
  it('keeps bytes (honouring the view offset), undefined fields, nesting and unicode', () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 0, 255, 9]);
    const value = {
      pdf: backing.subarray(2, 7),
      empty: new Uint8Array(0),
      address: undefined,
      list: [1, undefined, 'Zoë ✓', null, true, { deep: new Uint8Array([42]) }],
    };
    const decoded = decodePayload(encodePayload(value)) as typeof value;
    expect(decoded).toEqual(value);
    expect('address' in decoded).toBe(true);
    expect([...decoded.pdf]).toEqual([1, 2, 3, 0, 255]);
    // Each decoded array owns its own buffer (pdf.js may transfer it).
    expect(decoded.pdf.byteOffset).toBe(0);
    expect(decoded.pdf.buffer.byteLength).toBe(5);
  });

  it('refuses what would not survive the trip instead of mangling it', () => {
    expect(() => encodePayload({ at: new Date() })).toThrow(/Date/);
    expect(() => encodePayload({ map: new Map() })).toThrow(/Map/);
    expect(() => encodePayload({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => encodePayload({ '\u0000b': [0, 1] })).toThrow(/U\+0000/);
  });

  it('rejects bytes that are not a payload', () => {
    expect(() => decodePayload(new Uint8Array([1, 0]))).toThrow();
    expect(() => decodePayload(new Uint8Array([2, 0, 0, 0, 2, 0x7b, 0x7d]))).toThrow(/format/);
    expect(() => decodePayload(new Uint8Array([1, 0, 0, 0, 99, 0x7b, 0x7d]))).toThrow(/past its end/);
    const outOfRange = new TextEncoder().encode(JSON.stringify({ '\u0000b': [0, 10] }));
    const bytes = new Uint8Array(5 + outOfRange.byteLength);
    bytes[0] = 1;
    new DataView(bytes.buffer).setUint32(1, outOfRange.byteLength);
    bytes.set(outOfRange, 5);
    expect(() => decodePayload(bytes)).toThrow(/outside/);
  });
});
