// Starts `talon simulate` in its own process (so a bench may block on
// spawnSync while the simulator answers) and reads its URL and credentials.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/talon', import.meta.url));

export function startSimProcess(args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'simulate', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the simulator did not start: ${out}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      const id = /^client id: (\S+)/m.exec(out)?.[1];
      const secret = /^client secret: (\S+)/m.exec(out)?.[1];
      const sha = /^sample sha256: (\S+)/m.exec(out)?.[1];
      if (url && id && secret && sha) {
        clearTimeout(timer);
        resolve({ url, id, secret, sha, stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => reject(new Error(`the simulator exited (${code}): ${out}`)));
  });
}
