import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // A focused test silently skips every other journey; `forbidOnly` also stops it at run time.
      'no-restricted-properties': [
        'error',
        { object: 'test', property: 'only', message: 'Do not commit focused tests.' },
        { object: 'describe', property: 'only', message: 'Do not commit focused tests.' },
      ],
    },
  },
];
