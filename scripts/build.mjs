// Bundles the extension client, the language server and the CLI with esbuild.
// Usage: node scripts/build.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify') || process.env.CI === 'true';

/** Every bundle is CommonJS for Node 20+, with sources maps kept out of the .vsix. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minify,
  logLevel: 'warning',
  // The SDK's optional proxy dependencies and node-fetch's optional encoding support are never used.
  external: ['encoding'],
  // jsonc-parser's "main" is a UMD build whose internal requires esbuild cannot follow; its ES module build bundles.
  mainFields: ['module', 'main'],
};

/**
 * The two package.json bins (tcvpn, tcvpn-language-server) run directly, so they start with a shebang. ES module
 * builds bundled into CommonJS lose import.meta.url (tinyglobby's fdir calls createRequire(import.meta.url)):
 * define it from __filename.
 */
const bin = {
  banner: { js: '#!/usr/bin/env node\n"use strict";\nconst __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const entries = [
  { entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode', 'encoding'] },
  { entryPoints: ['server/lsp/main.ts'], outfile: 'dist/server.js', ...bin },
  { entryPoints: ['client/cli/main.ts'], outfile: 'dist/cli.js', ...bin },
];

mkdirSync('dist', { recursive: true });
for (const entry of entries) {
  const options = { ...common, ...entry };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  } else {
    await esbuild.build(options);
    // `npx tcvpn-language-server` in a clone runs the file itself (npm install sets the mode, a build must too).
    if (entry.banner) chmodSync(entry.outfile, 0o755);
  }
}
if (!watch) console.log(`built ${entries.map((e) => e.outfile).join(', ')}`);
