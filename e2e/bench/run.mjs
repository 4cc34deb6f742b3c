// Runs one TypeScript script from this folder through Vite's module runner: the same TS
// transform and bundler-style imports as the rest of the project, with no extra dependency.
//   node e2e/bench/run.mjs lookup-bench.ts [script arguments]
// The script sees only its own arguments in process.argv.slice(2).
import { runnerImport } from 'vite';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node e2e/bench/run.mjs <script.ts> [arguments]');
  process.exit(2);
}
process.argv.splice(2, process.argv.length - 2, ...args);

try {
  await runnerImport(new URL(script, import.meta.url).pathname);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
