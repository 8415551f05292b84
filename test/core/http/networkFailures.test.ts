// Requests that get no answer: refused, timed out, untrusted, aborted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/core/http/httpClient.js';
import { NetworkError } from '../../../src/core/http/networkError.js';
import { ExitCode, UserError } from '../../../src/core/errors.js';
import { closedPort, startLocalServer, type LocalServer } from './helpers/localServers.js';

const noWait = async (): Promise<void> => {};

// Both stacks: node:http (one-shot commands) and undici (the shell, proxies).
describe.each(['node', 'undici'] as const)('%s stack', (stack) => {
  describe('network failures', () => {
    let silent: LocalServer;
    let tls: LocalServer;
    beforeAll(async () => {
      // Reads the request and never answers.
      silent = await startLocalServer(() => {});
      tls = await startLocalServer((_req, res) => res.end('ok'), 'https');
    });
    afterAll(async () => {
      await silent.close();
      await tls.close();
    });

    it('connection refused: NetworkError, exit code 4, one sentence naming the host', async () => {
      const port = await closedPort();
      const client = new HttpClient({ baseUrl: `http://127.0.0.1:${port}`, env: {}, stack, sleep: noWait });
      try {
        const err = await client.request({ method: 'POST', path: '/x', body: { json: {} }, headers: { Authorization: 'Bearer s3cret-token' } }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(NetworkError);
        expect(err).toBeInstanceOf(UserError);
        expect((err as NetworkError).exitCode).toBe(ExitCode.network);
        expect((err as NetworkError).message).toBe(
          `Cannot reach 127.0.0.1:${port} (connection refused). Check the base URL, your network or proxy settings.`,
        );
        expect(JSON.stringify({ ...(err as object), message: (err as Error).message })).not.toContain('s3cret');
      } finally {
        await client.close();
      }
    });

    it('a GET to a closed port is retried, then gives up', async () => {
      const port = await closedPort();
      const retries: number[] = [];
      const client = new HttpClient({ baseUrl: `http://127.0.0.1:${port}`, env: {}, stack, sleep: noWait, onRetry: (i) => retries.push(i.attempt) });
      try {
        const err = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
        expect((err as NetworkError).kind).toBe('refused');
        expect((err as NetworkError).details).toEqual(['Gave up after 5 attempts.']);
        expect(retries).toEqual([2, 3, 4, 5]);
      } finally {
        await client.close();
      }
    });

    it('a server that never answers times out quickly with a clear sentence', async () => {
      const client = new HttpClient({ baseUrl: silent.url, env: {}, stack, timeoutMs: 200 });
      const started = performance.now();
      try {
        const err = await client.request({ method: 'POST', path: '/slow', body: { json: {} } }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(NetworkError);
        expect((err as NetworkError).kind).toBe('timeout');
        expect((err as NetworkError).message).toBe(
          `The request to 127.0.0.1:${silent.port} timed out after 0.2 s. Raise --timeout or try again.`,
        );
        expect(performance.now() - started).toBeLessThan(2000);
      } finally {
        await client.close();
      }
    });

    it('a timed-out GET is retried; a timed-out POST is not', async () => {
      const retried: string[] = [];
      const client = new HttpClient({ baseUrl: silent.url, env: {}, stack, timeoutMs: 100, sleep: noWait, retry: { maxRetries: 2 }, onRetry: (i) => retried.push(i.reason) });
      try {
        const get = await client.request({ method: 'GET', path: '/slow' }).catch((e: unknown) => e);
        expect((get as NetworkError).kind).toBe('timeout');
        expect((get as NetworkError).details).toEqual(['Gave up after 3 attempts.']);
        expect(retried).toEqual(['network', 'network']);
        retried.length = 0;
        const post = await client.request({ method: 'POST', path: '/slow', body: { json: {} } }).catch((e: unknown) => e);
        expect((post as NetworkError).kind).toBe('timeout');
        expect(retried).toEqual([]);
      } finally {
        await client.close();
      }
    });

    it('an untrusted certificate names the cause and suggests --insecure; --insecure gets through', async () => {
      const strict = new HttpClient({ baseUrl: tls.url, env: {}, stack, sleep: noWait });
      const lax = new HttpClient({ baseUrl: tls.url, env: {}, stack, insecure: true });
      try {
        const err = await strict.request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(NetworkError);
        expect((err as NetworkError).message).toBe(
          `The TLS certificate of 127.0.0.1:${tls.port} is not trusted (self-signed certificate). Fix the certificate chain, or pass --insecure to trust any certificate.`,
        );
        expect((err as NetworkError).details).toEqual([]);
        const res = await lax.request({ method: 'GET', path: '/' });
        expect(res.status).toBe(200);
      } finally {
        await strict.close();
        await lax.close();
      }
    });

    it('an abort stops the request at once with an AbortError, without retrying', async () => {
      const retries: unknown[] = [];
      const client = new HttpClient({ baseUrl: silent.url, env: {}, stack, onRetry: (i) => retries.push(i) });
      const controller = new AbortController();
      try {
        const arrived = silent.nextRequest();
        const pending = client.request({ method: 'GET', path: '/wait', signal: controller.signal }).catch((e: unknown) => e);
        await arrived;
        controller.abort();
        const err = await pending;
        expect((err as Error).name).toBe('AbortError');
        expect(err).not.toBeInstanceOf(NetworkError);
        expect(retries).toEqual([]);
      } finally {
        await client.close();
      }
    });

    it('an abort during a retry wait ends the wait', async () => {
      const port = await closedPort();
      const controller = new AbortController();
      const client = new HttpClient({ baseUrl: `http://127.0.0.1:${port}`, env: {}, stack, retry: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.5, onRetry: () => controller.abort() });
      try {
        const err = await client.request({ method: 'GET', path: '/', signal: controller.signal }).catch((e: unknown) => e);
        expect((err as Error).name).toBe('AbortError');
      } finally {
        await client.close();
      }
    });

    it('an answer cut off before its declared length is a network failure (exit 4), not a shorter answer', async () => {
      const cut = await startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"resources":[');
        setImmediate(() => res.socket?.destroy());
      });
      const client = new HttpClient({ baseUrl: cut.url, env: {}, stack, sleep: noWait, retry: { maxRetries: 0 } });
      try {
        const err = await client.request({ method: 'POST', path: '/x', body: { json: {} } }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(NetworkError);
        expect((err as NetworkError).exitCode).toBe(ExitCode.network);
      } finally {
        await client.close();
        await cut.close();
      }
    });

    it('an answer without a length that grows past the cap is refused as it arrives, with one sentence', async () => {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const endless = await startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const more = (left: number): void => {
          if (left === 0 || res.destroyed) return void res.end();
          res.write(chunk, () => more(left - 1));
        };
        more(48); // 3 MB in 64 KB chunks, chunked encoding
      });
      const client = new HttpClient({ baseUrl: endless.url, env: {}, stack, sleep: noWait, maxResponseBytes: 1024 * 1024 });
      try {
        const err = await client.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UserError);
        expect((err as UserError).message).toMatch(/^The response is larger than 1 MB, so talon stopped reading it/);
      } finally {
        await client.close();
        await endless.close();
      }
    });

    it('rejects a bad base URL with one sentence', () => {
      expect(() => new HttpClient({ baseUrl: 'api.crowdstrike.com', stack })).toThrow(
        "The base URL 'api.crowdstrike.com' is not valid: use a form such as https://api.crowdstrike.com.",
      );
    });
  });
});
