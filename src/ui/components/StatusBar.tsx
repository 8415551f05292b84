// One line at the top: who and where (profile, cloud or URL, member CID),
// the token's time to expiry, rate limit left, and the last call's status.
import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { StatusInfo } from '../../core/shell/shellBackend.js';
import { color, statusRole } from '../theme.js';

/** Minutes while there are minutes left, then seconds: the line changes once a minute, not once a second. */
export function expiresIn(ms: number): string {
  if (ms <= 0) return 'expired';
  return ms >= 60_000 ? `${Math.ceil(ms / 60_000)} min` : `${Math.ceil(ms / 1000)} s`;
}

/** Milliseconds until `expiresIn` shows something else. */
export function untilNextChange(ms: number): number {
  if (ms <= 0) return 0;
  const unit = ms > 60_000 ? 60_000 : 1000;
  return (ms % unit || unit) + 1;
}

export function StatusBar({ status, width, now = Date.now }: { status: StatusInfo; width: number; now?: () => number }): React.JSX.Element {
  // Redrawn only when the countdown's text changes (once a minute; each second in the last one), so an idle shell stays quiet.
  const [tick, setTick] = useState(0);
  const left = status.tokenExpiresAt !== undefined ? status.tokenExpiresAt - now() : undefined;
  useEffect(() => {
    if (left === undefined || left <= 0) return;
    const t = setTimeout(() => setTick((n) => n + 1), untilNextChange(left));
    t.unref?.();
    return () => clearTimeout(t);
  }, [tick, status.tokenExpiresAt]);
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
