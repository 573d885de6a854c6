// ESLint for the widget's sources (`make lint`): ES modules that run in the reader's browser, bundled by
// esbuild. The recommended rules catch what the bundler lets through: unused names, undefined globals,
// unreachable code, reassigned imports; the few added keep the style the sources already follow.
'use strict';

const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
  {
    files: ['widget/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        ...globals.browser,
        // The minified stylesheets, which server/assets.py hands esbuild as --define constants.
        PAGE_CSS: 'readonly',
        BAR_CSS: 'readonly',
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...js.configs.recommended.rules,
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
];
