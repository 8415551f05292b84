// The change form: status (← →), assign, tag, comment; the focused text
// field is the wizard's one line field.
import React from 'react';
import { Box, Text } from 'ink';
import type { ChangeForm } from '../../../core/wizards/alerts/changeForm.js';
import { ALERT_STATUSES } from '../../../core/wizards/alerts/alertRecord.js';
import { terminalSafe as safe } from '../../../core/text/terminalSafe.js';
import type { LineField } from '../../components/LineInput.js';
import { color } from '../../theme.js';
import { FieldText } from '../../components/FieldText.js';

const LABELS = { status: 'status ', assign: 'assign ', tag: 'tag    ', comment: 'comment' } as const;
const HINTS = { assign: "a user id (with @) or a name; '-' unassigns", tag: 'tags, separated by commas', comment: 'a note for the alerts' } as const;

export function ChangeFormView({ form, field, count }: { form: ChangeForm; field: LineField; count: number }): React.JSX.Element {
  return (
    <>
      <Text bold>
        Change {count} alert{count === 1 ? '' : 's'} (Tab next field · Enter reviews · Esc cancels)
      </Text>
      <Box>
        <Text color={form.field === 'status' ? color('accent') : undefined}>{form.field === 'status' ? '▸ ' : '  '}{LABELS.status} </Text>
        <Text wrap="truncate">
          {['unchanged', ...ALERT_STATUSES].map((s, i) => {
            const on = (form.status ?? 'unchanged') === s;
            return (
              <Text key={s} inverse={on} color={on ? undefined : color('muted')}>
                {i ? ' ' : ''}
                {s}
              </Text>
            );
          })}
        </Text>
      </Box>
      {(['assign', 'tag', 'comment'] as const).map((f) => (
        <Box key={f}>
          <Text color={form.field === f ? color('accent') : undefined}>{form.field === f ? '▸ ' : '  '}{LABELS[f]} </Text>
          {form.field === f ? <FieldText field={field} focus placeholder={HINTS[f]} /> : <Text wrap="truncate">{safe(form[f])}</Text>}
        </Box>
      ))}
      {form.error && <Text color={color('error')}>{form.error}</Text>}
    </>
  );
}
