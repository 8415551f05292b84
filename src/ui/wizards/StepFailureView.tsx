// A wizard step that failed: the sentence, the API's messages and trace id,
// and how to go on (the state is kept, so retrying does not start over).
import React from 'react';
import { Text } from 'ink';
import type { StepFailure } from '../../core/wizards/stepFailure.js';
import { color } from '../theme.js';

export function StepFailureView({ failure }: { failure: StepFailure }): React.JSX.Element {
  return (
    <>
      <Text color={color('error')}>{failure.message}</Text>
      {failure.details.map((d, i) => (
        <Text key={i} color={color('muted')}>
          {d}
        </Text>
      ))}
      <Text color={color('muted')}>r retries this step · Esc goes back</Text>
    </>
  );
}
