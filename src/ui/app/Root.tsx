// Boots the shell behind its first frame: picks demo mode (built-in
// simulator) when no credentials exist, opens the backend, and loads the
// catalog, none of which holds up the first paint. The shell's screen (App,
// its panes and everything they import) is itself loaded here, behind the
// first frame: the first chunk holds only Ink, React and this file.
import React, { useEffect, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { ConnectionFlags } from '../../core/connection.js';
import type { ShellBackend } from '../../core/shell/shellBackend.js';
import type { EndpointSource } from '../../core/shell/endpointSource.js';
import type { App as AppComponent } from './App.js';
import { color } from '../theme.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';

export interface RootOptions {
  flags: ConnectionFlags & { demo?: boolean; collection?: string };
  env: NodeJS.ProcessEnv;
  /** hands the terminal to an editor and takes it back */
  suspend?: <T>(run: () => T) => T;
}

interface Booted {
  backend: ShellBackend;
  App: typeof AppComponent;
  /** stops the in-process simulator in demo mode */
  stop?: () => Promise<void>;
}

async function boot(options: RootOptions): Promise<Booted> {
  // Compiled while the backend starts; both are needed before the endpoint line.
  const [{ App }, opened] = await Promise.all([import('./App.js'), openBackend(options)]);
  return { App, ...opened };
}

async function openBackend(options: RootOptions): Promise<Omit<Booted, 'App'>> {
  const { ShellBackend } = await import('../../core/shell/shellBackend.js');
  const { parseTimeout } = await import('../../core/timeoutFlag.js');
  const { flags, env } = options;
  const http = { proxy: flags.proxy, insecure: flags.insecure, timeoutMs: parseTimeout(flags.timeout) };
  const { hasAnyCredentials } = await import('../../core/auth/credentials.js');
  const { ProfileStore } = await import('../../core/config/profileStore.js');
  const { talonPaths } = await import('../../core/config/paths.js');
  const store = new ProfileStore(talonPaths(env).config);
  const demo = flags.demo === true || !hasAnyCredentials({ flags, env, store });
  if (demo) {
    const { startSimulator } = await import('../../sim/server.js');
    // Quiet: a line on stderr would draw over the shell's screen.
    const sim = await startSimulator({ port: 0, log: () => undefined });
    const base = { baseUrl: sim.url, clientId: sim.clients.demo.id, clientSecret: sim.clients.demo.secret };
    const targets = [
      { id: 'demo', label: 'demo', flags: base },
      ...sim.childCids.map((cid, i) => ({ id: `demo-child-${i + 1}`, label: `demo child ${i + 1} (MSSP)`, flags: { ...base, memberCid: cid } })),
      { id: 'demo-read-only', label: 'demo read-only client', flags: { ...base, clientId: sim.clients.readOnly.id, clientSecret: sim.clients.readOnly.secret } },
    ];
    // Demo credentials come from the flags only, never from FALCON_* variables.
    const cleanEnv = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('FALCON_')));
    const backend = new ShellBackend({ env: cleanEnv, http, targets, demo: true });
    return { backend, stop: () => sim.close() };
  }
  const start = startTarget(flags, env, store);
  return { backend: new ShellBackend({ env, http, targets: ShellBackend.targetsFrom(start, env), demo: false }) };
}

/**
 * The target the shell starts on, named as the status bar, history and the
 * audit log should name it: the profile (the default one by its name, so
 * Ctrl+P does not list it a second time), or the environment.
 */
function startTarget(flags: ConnectionFlags, env: NodeJS.ProcessEnv, store: { defaultName(): string | undefined }) {
  if (flags.profile) return { id: `profile:${flags.profile}`, label: flags.profile, flags };
  if (env.FALCON_CLIENT_ID || flags.clientId) return { id: 'start', label: flags.clientId ? 'flags' : 'environment', flags };
  let name: string | undefined;
  try {
    name = store.defaultName();
  } catch {
    // A damaged config is reported when the connection opens.
  }
  return name ? { id: `profile:${name}`, label: name, flags: { ...flags, profile: name } } : { id: 'start', label: 'default profile', flags };
}

export function Root(options: RootOptions): React.JSX.Element {
  const [booted, setBooted] = useState<Booted>();
  const [source, setSource] = useState<EndpointSource>();
  const [error, setError] = useState<string>();
  const size = useTerminalSize();
  const { exit } = useApp();

  useEffect(() => {
    let alive = true;
    let started: Booted | undefined;
    boot(options)
      .then((b) => {
        started = b;
        if (!alive) return;
        setBooted(b);
        void b.backend.connect();
        // The catalog is big: load it after the shell is up.
        void import('../../core/shell/catalogAdapter.js')
          .then(({ catalogEndpointSource }) => catalogEndpointSource(options.flags.profile, options.env))
          .then((source) => alive && setSource(source))
          .catch((e: Error) => alive && setError(`The endpoint catalog could not be loaded: ${e.message}`));
      })
      .catch((e: Error) => alive && setError(e.message));
    return () => {
      alive = false;
      void started?.backend.close();
      void started?.stop?.();
    };
  }, []);

  if (error) {
    return (
      <Box flexDirection="column">
        <Text color={color('error')}>talon: {error}</Text>
        <Text color={color('muted')}>Press Ctrl+C to quit.</Text>
      </Box>
    );
  }
  if (!booted) {
    return (
      <Box flexDirection="column" width={size.columns}>
        <Text>
          <Text bold color={color('accent')}>
            talon
          </Text>
          <Text color={color('muted')}> │ starting…</Text>
        </Text>
        <Text color={color('muted')}>GET    › </Text>
      </Box>
    );
  }
  const { App } = booted;
  return <App backend={booted.backend} env={options.env} source={source} size={size} onQuit={exit} collection={options.flags.collection} suspend={options.suspend} />;
}
