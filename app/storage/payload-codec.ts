/**
 * Turns a record into bytes to encrypt, and back. JSON alone would lose what clinical records
 * hold: PDF bytes (Uint8Array) and fields that are present but `undefined` (a restricted
 * patient's address). Base64 would grow every PDF by a third, so bytes travel as raw binary
 * after the JSON:
 *
 *   [format 1 byte][JSON length, uint32 big-endian][JSON, UTF-8][binary parts, back to back]
 *
 * In the JSON, `{"\u0000b":[offset,length]}` stands for a Uint8Array and `{"\u0000u":0}` for
 * undefined. Input objects may not own keys starting with U+0000 (no FHIR or domain field does);
 * anything that would not survive the trip (Date, Map, NaN, functions…) is refused, not mangled.
 */

const FORMAT = 1;
const HEADER_BYTES = 5;
const BYTES_MARK = '\u0000b';
const UNDEFINED_MARK = '\u0000u';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodePayload(value: unknown): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  let binaryLength = 0;

  const toJson = (item: unknown, path: string): Json => {
    if (item === undefined) return { [UNDEFINED_MARK]: 0 };
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return item;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) throw new TypeError(`Cannot encode a non-finite number at ${path}`);
      return item;
    }
    if (item instanceof Uint8Array) {
      const mark = { [BYTES_MARK]: [binaryLength, item.byteLength] };
      parts.push(item);
      binaryLength += item.byteLength;
      return mark;
    }
    if (Array.isArray(item)) return item.map((entry, i) => toJson(entry, `${path}[${i}]`));
    if (isPlainObject(item)) {
      const out: Record<string, Json> = {};
      for (const [key, entry] of Object.entries(item)) {
        if (key.startsWith('\u0000')) throw new TypeError(`Cannot encode a key starting with U+0000 at ${path}`);
        out[key] = toJson(entry, `${path}.${key}`);
      }
      return out;
    }
    throw new TypeError(`Cannot encode a ${describeType(item)} at ${path}`);
  };

  const json = new TextEncoder().encode(JSON.stringify(toJson(value, '$')));
  const out = new Uint8Array(HEADER_BYTES + json.byteLength + binaryLength);
  const view = new DataView(out.buffer);
  view.setUint8(0, FORMAT);
  view.setUint32(1, json.byteLength);
  out.set(json, HEADER_BYTES);
  let offset = HEADER_BYTES + json.byteLength;
  for (const part of parts) {
    // `set` copies the view's own bytes, honouring byteOffset (a PDF may be a slice of a larger buffer).
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

export function decodePayload(bytes: Uint8Array): unknown {
  if (bytes.byteLength < HEADER_BYTES) throw new TypeError('Payload is shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint8(0);
  if (format !== FORMAT) throw new TypeError(`Unknown payload format ${format}`);
  const jsonLength = view.getUint32(1);
  const binaryStart = HEADER_BYTES + jsonLength;
  if (binaryStart > bytes.byteLength) throw new TypeError('Payload JSON runs past its end');
  const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES, binaryStart)));
  const binary = bytes.subarray(binaryStart);

  const fromJson = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(fromJson);
    if (item === null || typeof item !== 'object') return item;
    const entries = Object.entries(item);
    if (entries.length === 1) {
      const [key, mark] = entries[0]!;
      if (key === UNDEFINED_MARK) return undefined;
      if (key === BYTES_MARK) return bytesAt(binary, mark);
    }
    const out: Record<string, unknown> = {};
    for (const [key, entry] of entries) out[key] = fromJson(entry);
    return out;
  };

  return fromJson(json);
}

function bytesAt(binary: Uint8Array, mark: unknown): Uint8Array {
  if (!Array.isArray(mark) || mark.length !== 2) throw new TypeError('Malformed bytes mark');
  const [offset, length] = mark as unknown[];
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) throw new TypeError('Malformed bytes mark');
  const start = offset as number;
  const end = start + (length as number);
  if (start < 0 || end < start || end > binary.byteLength) throw new TypeError('Bytes mark points outside the payload');
  // A copy, so each document owns its buffer (pdf.js may transfer it to a worker).
  return binary.slice(start, end);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describeType(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
