// Runs `talon replay`: the saved request with its variables filled in goes
// through executeRequest, like talon request. Variables are resolved before
// any connection is opened, so a missing one costs no token.
import { executeRequest, type RequestFlags } from './runRequest.js';
import { existingCollectionDir, loadSaved } from '../core/saved/collection.js';
import { applyVariables, missingVariablesError, parseVarFlags, resolveVariables } from '../core/saved/variables.js';

export interface ReplayFlags extends RequestFlags {
  collection?: string;
  var: string[];
}

export async function runReplay(name: string, flags: ReplayFlags): Promise<number> {
  const saved = loadSaved(existingCollectionDir(flags.collection), name);
  const { values, missing } = resolveVariables(saved, { vars: parseVarFlags(flags.var), env: process.env });
  if (missing.length) throw missingVariablesError(saved, missing);
  const req = applyVariables(saved, values);
  return executeRequest({ flags, label: name, build: () => req });
}
