// tsconfig uses moduleResolution "node", which ignores package.json "exports"; this maps the documented
// subpath import to the file it names, so tsc sees the same module esbuild bundles.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
