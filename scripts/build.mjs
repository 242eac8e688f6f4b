// Bundles the extension client, the language server and the CLI with esbuild.
// Usage: node scripts/build.mjs [--watch] [--minify] [--sourcemap]
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify') || process.env.CI === 'true';
// The bundles that ship (.vsix, npm tarball) carry no `sourceMappingURL` to a map the package leaves out: maps
// are written, and linked, only when asked for (`npm run build -- --sourcemap`, for debugging a local build).
const sourcemap = process.argv.includes('--sourcemap') ? 'linked' : false;

/** Every bundle is CommonJS for Node 20+; no source maps unless --sourcemap. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap,
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
const importMeta = 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;';
const bin = {
  banner: { js: `#!/usr/bin/env node\n"use strict";\n${importMeta}` },
  define: { 'import.meta.url': '__importMetaUrl' },
};
/** A bundle an entry runs (server/boot/codeCache.ts): no shebang, the same import.meta.url. */
const runBundle = { banner: { js: `"use strict";\n${importMeta}` }, define: bin.define };

/**
 * The SDK's `node-fetch` import goes to cloud/loopbackFetch.ts, which sends requests bound for the local
 * emulator to 127.0.0.1 by URL (VS Code's proxy layer replaces the agent of any other URL). Only the SDK's own
 * import is redirected: loopbackFetch.ts itself imports the real node-fetch.
 */
const sdkFetchThroughLoopback = {
  name: 'sdk-fetch-through-loopback',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, (args) =>
      /[\\/]tencentcloud-sdk-nodejs-common[\\/]/.test(args.importer)
        ? { path: fileURLToPath(new URL('../cloud/loopbackFetch.ts', import.meta.url)) }
        : undefined,
    );
  },
};

/**
 * vscode-languageserver pins its own vscode-languageserver-protocol (with its vscode-jsonrpc and types), older than
 * the one the client's library and our protocol/ import: the server bundle carried both copies (about 290 KB of
 * 1.6 MB). Our server code is sent to the server library's copy, so the bundle holds one.
 */
const oneProtocolCopy = {
  name: 'one-protocol-copy',
  setup(build) {
    const serverLibrary = fileURLToPath(new URL('../node_modules/vscode-languageserver/', import.meta.url));
    build.onResolve({ filter: /^vscode-(languageserver-protocol|jsonrpc|languageserver-types)(\/|$)/ }, (args) =>
      args.pluginData === 'one-protocol-copy' || args.importer.includes('node_modules')
        ? undefined
        : build.resolve(args.path, { kind: args.kind, resolveDir: serverLibrary, pluginData: 'one-protocol-copy' }),
    );
  },
};

const entries = [
  {
    entryPoints: ['client/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode', 'encoding'],
    plugins: [sdkFetchThroughLoopback],
  },
  // The server and its validation worker thread (loaded from beside the server: server/largeDocuments.ts): each a
  // small entry that runs its bundle from V8's code cache (server/boot/).
  { entryPoints: ['server/boot/serverEntry.ts'], outfile: 'dist/server.js', ...bin },
  { entryPoints: ['server/main.ts'], outfile: 'dist/serverMain.js', ...runBundle, plugins: [oneProtocolCopy] },
  { entryPoints: ['server/boot/workerEntry.ts'], outfile: 'dist/validationWorker.js' },
  { entryPoints: ['server/validationWorker.ts'], outfile: 'dist/validationWorkerMain.js', ...runBundle },
  { entryPoints: ['cli/boot.ts'], outfile: 'dist/cli.js', ...bin },
  { entryPoints: ['cli/main.ts'], outfile: 'dist/cliMain.js', ...runBundle, plugins: [sdkFetchThroughLoopback] },
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
    if (entry.banner === bin.banner) chmodSync(entry.outfile, 0o755);
  }
}
if (!watch) console.log(`built ${entries.map((e) => e.outfile).join(', ')}`);
