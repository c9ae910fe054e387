import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const shell = ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'];
const electronBan = {
  paths: [
    {
      name: 'electron',
      message: 'Only the shell (src/main/electron, src/main/index.ts, src/preload) may import electron.',
    },
  ],
  patterns: [
    { group: ['electron/*'], message: 'Only the shell may import electron.' },
    {
      group: ['electron-store'],
      message: 'electron-store needs Electron: open files through the OpenRawFile of the shell.',
    },
    {
      group: ['electron-updater'],
      message: 'electron-updater needs Electron: the shell hands services an Updater (src/main/electron/updates.ts).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.tools/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/bluesky-server/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', electronBan],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: shell,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/main/preview/bridge.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
