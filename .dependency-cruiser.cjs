/**
 * The layering of the repository as dependency-cruiser rules: what may import what. ARCHITECTURE.md describes
 * the folders; these rules are what holds them to it. test/unit/layering/layering.test.ts runs them on every
 * `npm test` and names each offending import as "from → to (rule)"; the same file works from the command line:
 *
 *   npx depcruise --config .dependency-cruiser.cjs client server language protocol cloud peer cli emulator scripts test
 *
 * Paths are relative to the repository root. A dependency's `to` is its resolved file (node_modules/<package>/...
 * for a package, the bare name for a Node built-in or an import that does not resolve), so the package patterns
 * below match all three forms.
 */

/** The folders of the programs and shared parts (tests and fixtures excluded). */
const PRODUCT = '^(client|server|language|protocol|cloud|peer|lab|cli|emulator|scripts)/';

/** A pattern matching a dependency on one of the packages `names` (or a subpath of one), resolved or not. */
function packages(...names) {
  const alternatives = names.map((name) => name.replace(/[.]/g, '\\.')).join('|');
  return `(^|/)node_modules/(@types/)?(${alternatives})(/|$)|^(${alternatives})(/|$)`;
}

/** A pattern matching a Node built-in, written with or without the `node:` prefix. */
function builtins(...names) {
  return `^(node:)?(${names.join('|')})$`;
}

/**
 * The library's folders from the bottom up: a folder may import the ones before it, never one after it.
 * language/types.ts is the vocabulary every module shares; the entry (languageService.ts, pipeline.ts,
 * index.ts) is what the hosts call.
 */
const LAYERS = [
  { name: 'types', path: '^language/types\\.ts$' },
  { name: 'values', path: '^language/values/' },
  { name: 'parsing', path: '^language/parsing/' },
  { name: 'schema', path: '^language/schema/' },
  { name: 'account', path: '^language/account/' },
  { name: 'peer', path: '^language/peer/' },
  { name: 'rules', path: '^language/rules/' },
  { name: 'edits', path: '^language/edits/' },
  { name: 'features', path: '^language/features/' },
  { name: 'entry', path: '^language/(languageService|pipeline|index)\\.ts$' },
];

const ANY_LAYER = `(${LAYERS.map((layer) => layer.path).join('|')})`;

/** One rule per layer between the two ends: nothing in it imports a layer above it (types.ts has its own rule). */
const layerRules = LAYERS.slice(1, -1).map((layer, index) => ({
  name: `language-${layer.name}-imports-upward`,
  severity: 'error',
  comment: `language/ is layered ${LAYERS.map((l) => l.name).join(' ← ')}; ${layer.name} may import only the layers before it.`,
  from: { path: layer.path },
  to: {
    path: LAYERS.slice(index + 2)
      .map((higher) => `(${higher.path})`)
      .join('|'),
  },
}));

/**
 * The protocol runtimes of LSP. vscode-languageserver-types and vscode-languageserver-textdocument are not among
 * them and the library may use them: they are plain data types (Position, Range, Diagnostic, TextEdit) and a text
 * buffer with offset/position conversion, no connection and no I/O; vscode-json-languageservice, the pure JSON
 * library the server is modelled on, depends on exactly these two.
 */
const LSP_RUNTIME = packages(
  'vscode-languageserver',
  'vscode-languageserver-protocol',
  'vscode-jsonrpc',
  'vscode-languageclient',
);

/** Modules that open sockets: Node's network built-ins, the HTTP client and the Tencent Cloud SDK built on it. */
const NETWORK = `${builtins('http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'dns/promises')}|${packages('node-fetch', 'tencentcloud-sdk-nodejs-common')}`;

/** Modules that reach the file system or start processes. */
const FILE_SYSTEM = builtins('fs', 'fs/promises', 'child_process');

/** The VS Code extension API, which exists only inside the extension host. */
const VSCODE = packages('vscode');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle between files: type-only imports count, a cycle of types is still a cycle.',
      from: { path: PRODUCT },
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'No import cycle between folders: two folders that import each other are one concern in two places.',
      scope: 'folder',
      from: { path: PRODUCT },
      to: { circular: true },
    },
    {
      name: 'language-types-imports-nothing',
      severity: 'error',
      comment:
        'language/types.ts is the shared vocabulary: it imports nothing, not even a type, so every module may use it.',
      from: { path: '^language/types\\.ts$' },
      to: {},
    },
    ...layerRules,
    {
      name: 'language-file-outside-layers',
      severity: 'error',
      comment:
        'Every file of language/ belongs to one of the layers; a new folder or root file goes into LAYERS first.',
      from: { path: '^language/', pathNot: ANY_LAYER },
      to: {},
    },
    {
      name: 'language-imports-file-outside-layers',
      severity: 'error',
      comment:
        'Every file of language/ belongs to one of the layers; a new folder or root file goes into LAYERS first.',
      from: {},
      to: { path: '^language/', pathNot: ANY_LAYER },
    },
    {
      name: 'library-imports-lsp-runtime',
      severity: 'error',
      comment:
        'The language library takes text or a parsed tree and returns plain data; the LSP connection is server/ (see LSP_RUNTIME for the data-type packages it may use).',
      from: { path: '^language/' },
      to: { path: LSP_RUNTIME },
    },
    {
      name: 'library-imports-file-system',
      severity: 'error',
      comment: 'The language library reads no file and starts no process: its hosts (server, CLI) hand it the text.',
      from: { path: '^language/' },
      to: { path: FILE_SYSTEM },
    },
    {
      name: 'network-outside-cloud-and-emulator',
      severity: 'error',
      comment: 'Only the cloud client and the emulator open sockets (cli/ hosts both; scripts/ and test/ drive them).',
      from: { path: PRODUCT, pathNot: '^(cloud|emulator|cli|scripts)/' },
      to: { path: NETWORK },
    },
    {
      name: 'vscode-outside-client',
      severity: 'error',
      comment: 'The `vscode` module exists only in the extension host: client/ and the in-editor tests (test/editor/).',
      from: { pathNot: '^(client|test/editor)/' },
      to: { path: VSCODE },
    },
    {
      name: 'library-imports-a-program',
      severity: 'error',
      comment: 'language/ and protocol/ are shared by the programs; they import none of them.',
      from: { path: '^(language|protocol)/' },
      to: { path: '^(client|server|cloud|peer|cli|emulator)/' },
    },
    {
      name: 'server-imports-client-side',
      severity: 'error',
      comment: 'The language server reads no credentials and opens no socket: it asks the client through protocol/.',
      from: { path: '^server/' },
      to: { path: '^(client|cloud|cli|emulator)/' },
    },
    {
      name: 'cli-imports-server',
      severity: 'error',
      comment:
        'tcvpn is its own program: of the language server it uses only the code-cache loader its entry runs (server/boot/).',
      from: { path: '^cli/' },
      to: { path: '^server/', pathNot: '^server/boot/' },
    },
    {
      name: 'client-imports-another-program',
      severity: 'error',
      comment:
        'The extension talks to the server through protocol/ only; the CLI and the emulator are separate programs.',
      from: { path: '^client/' },
      to: { path: '^(server|cli|emulator)/' },
    },
    {
      name: 'cloud-imports-a-host',
      severity: 'error',
      comment:
        'The cloud client serves the extension and the CLI alike, so it imports neither (nor the server, nor the emulator).',
      from: { path: '^cloud/' },
      to: { path: '^(client|server|cli|emulator)/' },
    },
    {
      name: 'peer-imports-beyond-library',
      severity: 'error',
      comment:
        'peer/ (the peer-device configuration) is a pure library on language/: no program, no file system, no process.',
      from: { path: '^peer/' },
      to: { dependencyTypes: ['local'], pathNot: '^(peer|language)/' },
    },
    {
      name: 'peer-imports-file-system',
      severity: 'error',
      comment: 'peer/ reads no file and starts no process: its hosts (the CLI, the extension) hand it the parameters.',
      from: { path: '^peer/' },
      to: { path: FILE_SYSTEM },
    },
    {
      name: 'lab-imports-beyond-library',
      severity: 'error',
      comment:
        'lab/ (the tunnel lab) proves the peer configuration against a modelled Tencent gateway: it builds on language/ and peer/ only.',
      from: { path: '^lab/' },
      to: { dependencyTypes: ['local'], pathNot: '^(lab|language|peer)/' },
    },
    {
      name: 'program-imports-lab',
      severity: 'error',
      comment:
        'The tunnel lab starts daemons and makes network namespaces as root: only the CLI, scripts/ and the tests may use it.',
      from: { path: '^(client|server|language|protocol|cloud|peer|emulator)/' },
      to: { path: '^lab/' },
    },
    {
      name: 'emulator-imports-beyond-library',
      severity: 'error',
      comment:
        'The emulator is a fake VPC API built on the language library alone (and the API reference data in schemas/).',
      from: { path: '^emulator/' },
      to: { dependencyTypes: ['local'], pathNot: '^(emulator|language|schemas)/' },
    },
    {
      name: 'scripts-import-test-internals',
      severity: 'error',
      comment: 'Scripts may share the test helpers in test/support/, not the internals of a test tier.',
      from: { path: '^scripts/' },
      to: { path: '^test/', pathNot: '^test/support/' },
    },
  ],
  options: {
    // Type-only imports are dependencies too (a cycle of types is still a cycle; types.ts imports no type either).
    tsPreCompilationDeps: true,
    // Packages are leaves: which package is imported matters, not what it imports.
    doNotFollow: { path: 'node_modules' },
    // Build output and test data are not code of the repository. (node_modules stays: excluding it would drop
    // the dependencies on packages that the rules look for.)
    exclude: { path: '^(out|dist|test/fixtures)/' },
    // Resolve package subpaths ("vscode-languageserver/node") through their "exports", as esbuild does.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    // Imports that break a rule and are being fixed elsewhere, each as { type: 'dependency', from, to,
    // rule: { name, severity: 'error' }, comment } with the reason: they are reported as ignored instead of failing
    // the test, and the test fails when one no longer occurs, so the list only shrinks. None today: the last ones (language/schema/paramsValidation.ts
    // → language/rules/engine.ts, scripts/ → test/lsp/ and test/unit/hardening/) went before this list was needed.
    knownViolations: [],
  },
};
