// The format `talon history export` and `talon saved export` write: --format
// curl|falconpy|typescript|talon, with --curl and --talon kept as short forms.
import { UserError } from '../core/errors.js';
import { CODE_FORMATS, isCodeFormat, requestAsCode, type CodeFormat } from '../core/requestCode/requestCode.js';
import type { ApiRequest } from '../core/http/types.js';

export interface ExportFormatFlags {
  format?: string;
  curl?: boolean;
  talon?: boolean;
}

export function exportFormat(flags: ExportFormatFlags): CodeFormat {
  const chosen = [flags.format, flags.curl ? 'curl' : undefined, flags.talon ? 'talon' : undefined].filter((f): f is string => f !== undefined);
  if (new Set(chosen).size > 1) throw new UserError(`Choose one format: ${chosen.join(' or ')} were both given.`);
  const format = chosen[0] ?? 'curl';
  if (!isCodeFormat(format)) throw new UserError(`Unknown format "${format}": use one of ${CODE_FORMATS.join(', ')}.`);
  return format;
}

/** The request in `format`; the SDK formats look the operation up in the catalog. */
export async function exportRequest(format: CodeFormat, req: ApiRequest, baseUrl: string): Promise<string> {
  if (format !== 'falconpy' && format !== 'typescript') return requestAsCode(format, req, { baseUrl });
  const { loadCurrentCatalog } = await import('../core/catalog/currentCatalog.js');
  const { findOperationByPath } = await import('../core/catalog/findOperation.js');
  const operation = findOperationByPath(await loadCurrentCatalog(), req.method, req.path);
  return requestAsCode(format, req, { baseUrl, operation });
}
