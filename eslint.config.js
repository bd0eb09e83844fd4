import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** Only the few rules that catch real bugs (STYLE.md 9); formatting is nobody's business here. */
const restrictedTests = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip', 'todo'].map((property) => ({ object, property, message: `${object}.${property} leaves tests out of the run; use skipIf with a loud reason, or delete the test.` })),
)

export default defineConfig(
  { ignores: ['**/dist/**', 'packages/collector/dashboard/**', 'packages/collector/demo-flows/**', '**/node_modules/**', 'test/.tmp/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-implied-eval': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': ['error', ...restrictedTests],
      'no-restricted-globals': ['error', { name: 'fit', message: 'A focused test.' }, { name: 'xit', message: 'A skipped test.' }, { name: 'xdescribe', message: 'Skipped tests.' }],
    },
  },
  {
    // Shipped code never parses markup: content becomes preact nodes (DESIGN.md "Content"). Tests may
    // build their host pages however they like.
    files: ['packages/*/src/**/*.{ts,tsx}', 'demo/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'No markup from strings: build nodes (preact, createElement, textContent).' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]", message: 'No markup from strings: build nodes.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write.' },
      ],
    },
  },
  {
    // The SDK's core takes the page through its seams (STYLE.md 3): init.ts hands `window` to the
    // browser implementations, which take it as an argument; nothing else reaches for the globals.
    files: ['packages/sdk/src/{core,engine,stores}/**/*.{ts,tsx}'],
    ignores: ['packages/sdk/src/core/init.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'window', message: 'Take the window from a seam (init.ts passes it in).' },
        { name: 'document', message: 'Take the document from a seam (init.ts passes the window in).' },
        { name: 'fit', message: 'A focused test.' }, { name: 'xit', message: 'A skipped test.' }, { name: 'xdescribe', message: 'Skipped tests.' },
      ],
    },
  },
)
