/**
 * A measurement, not a test: how much of a 10,000-entry locator Bundle the app reads before it
 * refuses it (issue 7 point 5), against reading and parsing the whole Bundle as it did before.
 *
 *   node e2e/bench/run.mjs bounds-bench.ts [--runs 9] [--warmup 1]
 *
 * Runs in Node the production client code (createNrlClient → callService → ServiceReply with
 * REPLY_BYTE_LIMITS.nrl) over the shared mocks' `locatorOverLarge` answer. The mock's Bundle is
 * made once; every run then serves its bytes as a stream of 64 KB chunks made only as the client
 * pulls them (mocks/http/chunked-response.ts), so "bytes read" is what the client pulled. The
 * clock is performance.now() around the search, from the call until it rejects.
 * The baseline reads the same stream whole and parses it, as `Response.text()` + `JSON.parse`
 * did before the limit. Prints medians; writes e2e/.output/bench/bounds-bench.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import type { NhsNumber } from '../../app/domain/nhs-number';
import { createNrlClient } from '../../app/services/nrl-client';
import { isServiceError } from '../../app/services/service-error';
import { REPLY_BYTE_LIMITS } from '../../app/services/service-request';
import type { Transport } from '../../app/services/transport';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { OVER_LARGE_BUNDLE_ENTRIES } from '../../mocks/data/scenarios/locator-over-large';
import { createHandlers } from '../../mocks/handlers';
import { chunkedResponse } from '../../mocks/http/chunked-response';
import { TEST_SERVICE_BASES } from '../../mocks/service-bases';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const outputFile = join(root, 'e2e/.output/bench/bounds-bench.json');
const CHUNK = 64 * 1024;

function readOptions(): { runs: number; warmup: number } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { runs: { type: 'string', default: '9' }, warmup: { type: 'string', default: '1' } },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(runs) || runs < 7) throw new Error('--runs must be a whole number, at least 7 (medians of fewer say little)');
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error('--warmup must be a whole number');
  return { runs, warmup };
}

const nhsNumber = SCENARIOS.locatorOverLarge.nhsNumber as NhsNumber;
const context = { correlationId: 'bounds-bench' };

/** The mocks' answer for the over-large scenario, as bytes, made once with the request the client really sends. */
async function overLargeBundle(): Promise<{ bytes: Uint8Array; headers: Headers }> {
  const handlers = createHandlers(TEST_SERVICE_BASES);
  let captured: { bytes: Uint8Array; headers: Headers } | undefined;
  const transport: Transport = async (request) => {
    const answer = await getResponse(handlers, request);
    if (!answer) throw new Error(`no mock answers ${request.url}`);
    captured = { bytes: new Uint8Array(await answer.clone().arrayBuffer()), headers: answer.headers };
    return answer;
  };
  await createNrlClient({ transport, baseUrl: TEST_SERVICE_BASES.nrl, organisationOds: () => 'RX8' }).searchPointers(nhsNumber, context).catch(() => undefined);
  if (!captured) throw new Error('the mock NRL was not asked');
  return captured;
}

interface Reading {
  readonly refusedMs: number;
  readonly bytesRead: number;
  readonly fullReadMs: number;
}

async function oneRun(bundle: { bytes: Uint8Array; headers: Headers }): Promise<Reading> {
  // Refusal: the production client over a chunked stream of the Bundle.
  let pulled = { bytesPulled: 0, cancelled: false };
  const transport: Transport = async () => {
    const body = chunkedResponse(bundle.bytes, { status: 200, headers: bundle.headers }, CHUNK);
    pulled = body.seen;
    return body.response;
  };
  const nrl = createNrlClient({ transport, baseUrl: TEST_SERVICE_BASES.nrl, organisationOds: () => 'RX8', timeoutMs: 60_000 });
  const started = performance.now();
  const outcome = await nrl.searchPointers(nhsNumber, context).then(
    () => undefined,
    (error: unknown) => error,
  );
  const refusedMs = performance.now() - started;
  if (!isServiceError(outcome) || outcome.kind !== 'too-large') throw new Error(`expected a too-large refusal, got ${String(outcome)}`);
  if (!pulled.cancelled) throw new Error('the body was not cancelled');

  // Baseline: the same stream read whole and parsed, as before the limit.
  const whole = chunkedResponse(bundle.bytes, { status: 200, headers: bundle.headers }, CHUNK);
  const fullStarted = performance.now();
  const parsed = JSON.parse(await whole.response.text()) as { entry?: unknown[] };
  const fullReadMs = performance.now() - fullStarted;
  if (parsed.entry?.length !== OVER_LARGE_BUNDLE_ENTRIES) throw new Error('baseline did not read every entry');

  return { refusedMs, bytesRead: pulled.bytesPulled, fullReadMs };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

async function main(): Promise<void> {
  const { runs, warmup } = readOptions();
  const bundle = await overLargeBundle();
  const limit = REPLY_BYTE_LIMITS.nrl;
  console.log(
    `bounds-bench: ${runs} runs (+${warmup} warm-up), Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}; ` +
      `${OVER_LARGE_BUNDLE_ENTRIES.toLocaleString('en-GB')}-entry Bundle of ${mb(bundle.bytes.byteLength)}, NRL limit ${mb(limit)}`,
  );
  const readings: Reading[] = [];
  for (let run = 1 - warmup; run <= runs; run++) {
    const reading = await oneRun(bundle);
    const label = run <= 0 ? 'warm-up' : `run ${run}/${runs}`;
    console.log(`  ${label}: refused in ${reading.refusedMs.toFixed(1)} ms after ${mb(reading.bytesRead)}; whole read + parse ${reading.fullReadMs.toFixed(1)} ms`);
    if (run > 0) readings.push(reading);
  }
  const summary = {
    entries: OVER_LARGE_BUNDLE_ENTRIES,
    bundleBytes: bundle.bytes.byteLength,
    limitBytes: limit,
    chunkBytes: CHUNK,
    runs,
    medianRefusedMs: median(readings.map((r) => r.refusedMs)),
    medianBytesRead: median(readings.map((r) => r.bytesRead)),
    medianFullReadMs: median(readings.map((r) => r.fullReadMs)),
  };
  console.log('');
  console.log(`Median time to refusal:          ${summary.medianRefusedMs.toFixed(1)} ms`);
  console.log(`Median bytes read before refusal: ${mb(summary.medianBytesRead)} (${((summary.medianBytesRead / summary.bundleBytes) * 100).toFixed(1)}% of the Bundle; limit ${mb(limit)})`);
  console.log(`Full Bundle:                      ${mb(summary.bundleBytes)}`);
  console.log(`Median whole read + parse:        ${summary.medianFullReadMs.toFixed(1)} ms (${(summary.medianFullReadMs / summary.medianRefusedMs).toFixed(1)}× the refusal)`);
  mkdirSync(dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, `${JSON.stringify({ ...summary, samples: readings, node: process.version, cores: os.cpus().length }, null, 2)}\n`);
  console.log(`Samples: ${outputFile}`);
}

await main();
