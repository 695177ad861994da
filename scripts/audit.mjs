// `npm run audit -- FILE [--kind organization|individual] [--json]`. Loads the TypeScript audit core
// through Vite's module runner (Vite is already here: no build step, no extra dependency) and hands
// it the file as a stream.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const cli = fileURLToPath(new URL('../src/audit/cli.ts', import.meta.url));
const { module } = await runnerImport(cli, { configFile: false, logLevel: 'silent' });

async function* open(path) {
  await access(path);
  yield* createReadStream(path, { highWaterMark: 256 * 1024 });
}

const code = await module.runCli(process.argv.slice(2), {
  open,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
