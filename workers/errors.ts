import type { BenchErrorName } from './protocol.ts';

/** An error whose message is written for the user. Comlink carries name and message across. */
export class BenchError extends Error {
  constructor(name: BenchErrorName, message: string) {
    super(message);
    this.name = name;
  }
}
