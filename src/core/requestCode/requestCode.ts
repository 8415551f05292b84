// The request as code, in the formats talon writes: curl, FalconPy and the
// TypeScript SDK. None of them carries a token or secret: curl reads
// $FALCON_TOKEN, the SDKs read FALCON_CLIENT_ID and FALCON_CLIENT_SECRET.
import type { ApiRequest } from '../http/types.js';
import type { CatalogOperation } from '../catalog/types.js';
import { toCurl } from '../curl/toCurl.js';
import { toTalonCommand } from '../curl/toTalonCommand.js';
import { toFalconPy } from './toFalconPy.js';
import { toTypeScript } from './toTypeScript.js';

export const CODE_FORMATS = ['curl', 'falconpy', 'typescript', 'talon'] as const;
export type CodeFormat = (typeof CODE_FORMATS)[number];

/** The file extension a format is saved with. */
export const CODE_EXTENSIONS: Record<CodeFormat, string> = { curl: 'sh', falconpy: 'py', typescript: 'ts', talon: 'sh' };

export function isCodeFormat(text: string): text is CodeFormat {
  return (CODE_FORMATS as readonly string[]).includes(text);
}

export function requestAsCode(format: CodeFormat, req: ApiRequest, options: { baseUrl: string; operation?: CatalogOperation }): string {
  switch (format) {
    case 'curl':
      return toCurl(req, options.baseUrl);
    case 'talon':
      return toTalonCommand(req);
    case 'falconpy':
      return toFalconPy(req, options.operation);
    case 'typescript':
      return toTypeScript(req, options.operation);
  }
}
