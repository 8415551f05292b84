// `talon simulate`: runs the Falcon API simulator until SIGINT/SIGTERM.
import { startSimulator } from '../sim/server.js';
import { parseFaultSpec, type FaultOptions } from '../sim/faults.js';
import { UserError } from '../core/errors.js';
import { integerFlag } from './integerFlag.js';

export interface SimulateFlags {
  port: string;
  host: string;
  seed: string;
  hosts: string;
  tokenTtl: string;
  rateLimit: string;
  faults?: string;
  containmentDelay: string;
  region?: string;
}

/** The clouds a simulator can play, as the SDKs name them. */
const REGIONS = ['us-1', 'us-2', 'eu-1', 'us-gov-1', 'us-gov-2'];

/** A cloud name with or without the dash, any case (`US2`, `us-2`), as the SDKs accept it. */
function regionFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const compact = value.trim().toLowerCase().replace(/-/g, '');
  const region = REGIONS.find((r) => r.replace(/-/g, '') === compact);
  if (!region) throw new UserError(`--region: unknown cloud '${value}'. Use one of ${REGIONS.join(', ')}.`);
  return region;
}


export async function runSimulate(flags: SimulateFlags): Promise<void> {
  let faults: FaultOptions | undefined;
  try {
    faults = flags.faults ? parseFaultSpec(flags.faults) : undefined;
  } catch (e) {
    throw new UserError(`--faults: ${(e as Error).message}`);
  }
  const sim = await startSimulator({
    port: integerFlag('--port', flags.port, 0, 65535),
    host: flags.host,
    seed: integerFlag('--seed', flags.seed, 0, 2 ** 31 - 1),
    hosts: integerFlag('--hosts', flags.hosts, 1, 100_000),
    tokenTtl: integerFlag('--token-ttl', flags.tokenTtl, 1, 86_400),
    rateLimit: integerFlag('--rate-limit', flags.rateLimit, 1, 1_000_000),
    containmentDelayMs: integerFlag('--containment-delay', flags.containmentDelay, 0, 3_600_000),
    faults,
    region: regionFlag(flags.region),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new UserError(`Port ${flags.port} on ${flags.host} is already in use; pick another with --port, or --port 0 for a free one.`);
    if (e.code === 'EACCES') throw new UserError(`Port ${flags.port} needs privileges talon does not have (ports below 1024 usually do): pick one from 1024 up with --port, or --port 0 for a free one.`);
    if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') throw new UserError(`Cannot listen on host '${flags.host}': no such local address.`);
    throw e;
  });

  const { demo, readOnly } = sim.clients;
  const lines = [
    `talon simulator listening on ${sim.url}`,
    `client id: ${demo.id}`,
    `client secret: ${demo.secret}`,
    `read-only client id: ${readOnly.id}`,
    `read-only client secret: ${readOnly.secret}`,
    ...sim.samples.hostnames.slice(0, 3).map((h) => `sample hostname: ${h}`),
    ...(sim.samples.reusedHostname ? [`sample reused hostname: ${sim.samples.reusedHostname}`] : []),
    ...sim.samples.sha256.slice(0, 3).map((h) => `sample sha256: ${h}`),
    `sample md5: ${sim.samples.md5[0] ?? ''}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  process.stderr.write(
    `Serving ${sim.tenant.hosts.size} hosts (seed ${sim.options.seed})${sim.options.regionHeader ? ` as ${sim.options.region}` : ''}. Try:\n` +
      `  export FALCON_BASE_URL=${sim.url} FALCON_CLIENT_ID=${demo.id} FALCON_CLIENT_SECRET=${demo.secret}\n` +
      `Press Ctrl+C to stop.\n`,
  );

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sim.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
