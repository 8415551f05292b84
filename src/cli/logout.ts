// `talon logout`: revokes the cached token of a profile (or the given
// credentials) and removes it from the token cache.
import type { Command } from 'commander';
import { addConnectionOptions, type ConnectionFlags } from './commonOptions.js';

export function registerLogoutCommand(program: Command): void {
  const cmd = program.command('logout').description('revoke the cached token and remove it from the cache');
  addConnectionOptions(cmd).action(async (flags: ConnectionFlags) => {
    const { openCliConnection } = await import('./cliConnection.js');
    const conn = openCliConnection(flags);
    try {
      const revoked = await conn.session.logout();
      process.stderr.write(revoked ? 'talon: token revoked and removed from the cache.\n' : 'talon: no cached token for these credentials (client id, secret and base URL); nothing to revoke.\n');
    } finally {
      await conn.close();
    }
  });
}
