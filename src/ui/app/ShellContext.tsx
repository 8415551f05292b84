// The shell's backend (connection, status, profiles) and workspace (history,
// saved requests, audit, exports) for every component below App, so no
// component is handed an environment or a backend through props.
import React, { createContext, useContext } from 'react';
import type { ShellBackend } from '../../core/shell/shellBackend.js';
import type { ShellWorkspace } from '../../core/shell/workspace.js';

export interface ShellServices {
  backend: ShellBackend;
  workspace: ShellWorkspace;
  /** gives the terminal to `run` (an editor) and takes it back, redrawn; tests run it as it is */
  suspend<T>(run: () => T): T;
}

const Context = createContext<ShellServices | undefined>(undefined);

export function ShellProvider({ value, children }: { value: ShellServices; children: React.ReactNode }): React.JSX.Element {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useShellServices(): ShellServices {
  const services = useContext(Context);
  if (!services) throw new Error('useShellServices needs a ShellProvider above it');
  return services;
}
