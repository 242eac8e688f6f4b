// tsconfig uses moduleResolution "node", which ignores package.json "exports", and dependency-cruiser has no
// "types" besides it; this maps its documented entry point to the declarations it ships, so the layering test
// is type-checked against the real API instead of `any`.
declare module 'dependency-cruiser' {
  export * from 'dependency-cruiser/types/dependency-cruiser.mjs';
}
