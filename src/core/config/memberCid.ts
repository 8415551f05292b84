// MSSP member (child) CIDs: 32 hex characters. Console copies often carry a
// "-XX" checksum suffix and upper case; both are accepted and normalised,
// as PSFalcon does.
import { ExitCode, UserError } from '../errors.js';

export function normaliseMemberCid(input: string): string {
  const cid = input.trim().toLowerCase().replace(/-[0-9a-f]{2}$/, '');
  if (!/^[0-9a-f]{32}$/.test(cid)) {
    throw new UserError(
      `"${input.trim()}" is not a member CID: a CID is 32 hexadecimal characters, optionally followed by a -XX checksum.`,
      ExitCode.usage,
    );
  }
  return cid;
}
