#!/usr/bin/env node
/** Entry point of the `intm` command (see main.ts). */
import { runCli } from './main';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('Interner Fehler.\n');
    process.exitCode = 1;
  },
);
