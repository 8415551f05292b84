// The architecture check (`npm run arch`): the layers' import rules, so a
// wrong import fails CI. core is logic without React, Ink, ui or cli; sim is
// the simulator and imports nothing of talon outside itself; ui never
// imports cli (one-shot commands must not load the UI, and the UI reaches
// storage through core).
import tseslint from 'typescript-eslint';

const UI_LIBRARIES = ['react', 'react/*', 'react-dom', 'ink', 'ink/*', 'ink-*'];

const restrict = (groups, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/core/catalog/data/'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  { files: ['src/core/**/*.{ts,tsx}'], rules: restrict([...UI_LIBRARIES, '**/ui/**', '**/cli/**'], 'src/core holds the logic: no React, Ink, ui or cli.') },
  // Climbing out of src/sim takes one more ../ per folder level.
  ...['src/sim/*', 'src/sim/*/*', 'src/sim/*/*/*'].map((dir, depth) => ({
    files: [`${dir}.{ts,tsx}`],
    rules: restrict([...UI_LIBRARIES, '**/core/**', '**/ui/**', '**/cli/**', `${'../'.repeat(depth + 1)}*`], 'src/sim imports nothing outside itself.'),
  })),
  { files: ['src/ui/**/*.{ts,tsx}'], rules: restrict(['**/cli/**'], 'src/ui never imports cli.') },
);
