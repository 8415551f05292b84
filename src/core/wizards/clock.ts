// Time as the wizards see it: injectable, so that watching a host for two
// minutes takes no time in a test.
import { abortableSleep } from '../http/abortableSleep.js';

export interface Clock {
  now(): number;
  /** waits `ms`, rejecting if `signal` aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: abortableSleep,
};
