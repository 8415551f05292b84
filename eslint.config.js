// Lint: ESLint's and typescript-eslint's recommended rules, React's rules of
// hooks, over the TypeScript sources and tests, and the plain JavaScript that
// runs beside them: bin/, bench/ and scripts/ (`npm run lint`). The layering
// rules live in eslint.arch.config.js (`npm run arch`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/core/catalog/data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Tests read loosely typed JSON answers.
  { files: ['test/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Node scripts: module hooks loaded by tests, benches, build scripts.
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  // bin/ is CommonJS (bin/package.json): talon's entry and its code cache.
  {
    files: ['bin/*.js', 'bin/talon'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
