import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * The dashboard's build: `index.html` and content-hashed files in `dist/assets/`, served by the
 * collector at `/dashboard/` (see docs/dashboard.md). No inline scripts or styles, so it runs under
 * `script-src 'self'; style-src 'self'` and Trusted Types.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be an inline script; every browser the dashboard supports preloads modules.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    target: 'es2022',
  },
})
