// One line at the top: who and where (profile, cloud or URL, member CID),
// the token's time to expiry, rate limit left, and the last call's status.
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { StatusInfo } from '../../core/shell/shellBackend.js';
import { color, statusRole } from '../theme.js';

function expiresIn(ms: number): string {
  if (ms <= 0) return 'expired';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function StatusBar({ status, width, now = Date.now }: { status: StatusInfo; width: number; now?: () => number }): React.JSX.Element {
  // Tick once a second so the expiry countdown moves.
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 1000);
    t.unref?.();
    return () => clearInterval(t);
  }, []);
  const where = status.cloud && status.cloud !== 'custom' ? status.cloud : status.baseUrl.replace(/^https?:\/\//, '');
  const token = status.error
    ? 'not connected'
    : status.tokenExpiresAt
      ? `token ${expiresIn(status.tokenExpiresAt - now())}`
      : 'connecting…';
  return (
    <Box width={width} flexShrink={0}>
      {status.demo && (
        <Text backgroundColor={color('warn')} color={color('badge')} bold>
          {' DEMO '}
        </Text>
      )}
      <Text wrap="truncate">
        <Text bold color={color('accent')}>
          {' '}
          {status.target}
        </Text>
        <Text color={color('muted')}> @ </Text>
        <Text>{where}</Text>
        {status.memberCid && <Text color={color('muted')}> child {status.memberCid.slice(0, 8)}…</Text>}
        {status.readOnly && <Text color={color('warn')}> read-only</Text>}
        <Text color={color('muted')}> │ </Text>
        <Text color={status.error ? color('error') : undefined}>{token}</Text>
        {status.rateLimitRemaining !== undefined && (
          <>
            <Text color={color('muted')}> │ </Text>
            <Text>rate {status.rateLimitRemaining}</Text>
          </>
        )}
        {status.lastStatus !== undefined && (
          <>
            <Text color={color('muted')}> │ </Text>
            <Text color={color(statusRole(status.lastStatus))}>{status.lastStatus}</Text>
            <Text> {Math.round(status.lastDurationMs ?? 0)} ms</Text>
          </>
        )}
      </Text>
    </Box>
  );
}
