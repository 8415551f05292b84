// Options every command that talks to the API shares: credentials (flags
// beat environment beat profile) and HTTP settings.
import { Option, type Command } from 'commander';

export interface ConnectionFlags {
  profile?: string;
  clientId?: string;
  clientSecret?: string;
  cloud?: string;
  baseUrl?: string;
  memberCid?: string;
  proxy?: string;
  insecure?: boolean;
  timeout?: string;
}

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--profile <name>', 'use this profile instead of the default one'))
    .addOption(new Option('--client-id <id>', 'API client id (or FALCON_CLIENT_ID)'))
    .addOption(new Option('--client-secret <secret>', 'API client secret (or FALCON_CLIENT_SECRET; visible in process lists, prefer the variable)'))
    .addOption(new Option('--cloud <name>', 'us-1, us-2, eu-1, us-gov-1, us-gov-2, or auto (or FALCON_CLOUD)'))
    .addOption(new Option('--base-url <url>', 'API base URL, instead of a cloud (or FALCON_BASE_URL)'))
    .addOption(new Option('--member-cid <cid>', 'act for an MSSP child CID (or FALCON_MEMBER_CID)'))
    .addOption(new Option('--proxy <url>', 'HTTP(S) proxy (HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured too)'))
    .addOption(new Option('--insecure', 'trust any TLS certificate (not secure)'))
    .addOption(new Option('--timeout <seconds>', 'time limit per HTTP attempt').default('30'));
}
