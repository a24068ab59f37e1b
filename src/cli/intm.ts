#!/usr/bin/env node
/** Entry point of the `intm` command (see main.ts). */
import { runCli } from './main';

/**
 * A reader that stops early (`intm status … | head -1`) closes the pipe: the rest of the output is
 * dropped quietly – no stack trace – and the command still finishes what it started (and releases its locks).
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', () => {
    closed = true;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text + '\n');
  };
}

runCli(process.argv.slice(2), {
  out: quietWhenClosed(process.stdout),
  err: quietWhenClosed(process.stderr),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    if (!process.stderr.destroyed) process.stderr.write('Interner Fehler.\n');
    process.exitCode = 1;
  },
);
