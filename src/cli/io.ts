/** What a command may touch of the outside world: its output streams, the environment, the app. */
import type { IntmApp } from '../app';
import type { Actor } from '../domain/actor';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface CommandEnv {
  io: CliIo;
  app: IntmApp;
  /** The operator running the command: the Koordinierungsstelle. */
  actor: Actor;
}

/** Wrong usage: unknown command or option, a missing or malformed option. Exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A request the command line refuses before any service is asked (a missing data directory). Exit status 1. */
export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}
