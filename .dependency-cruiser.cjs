// The layers of the app and no import cycles, checked by `npm run lint` (depcruise src).
// Functional core, imperative shell: the inner layers never reach outwards, so each can be tested and reasoned
// about without the ones around it.

// Anything of the app outside the given folders (packages and Node's built-ins are left alone).
const appExcept = (...allowed) => ({ path: '^src/', pathNot: allowed.map((folder) => `^src/${folder}`) });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No import cycles of any kind, type-only ones included: a cycle means two files are one concept split in ' +
        'two, or a shared piece lives in the wrong file. Move it to the module that owns it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-only-shared',
      comment:
        'src/shared is read by main, preload and renderer alike: it may depend on packages (zod) but on nothing ' +
        'else of the app.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: appExcept('shared/'),
    },
    {
      name: 'core-imports-only-shared',
      comment:
        'src/main/core holds the decisions as pure functions: it may use src/shared, never the I/O of services ' +
        'or the shell. A value core needs from services belongs in core.',
      severity: 'error',
      from: { path: '^src/main/core/' },
      to: appExcept('main/core/', 'shared/'),
    },
    {
      name: 'services-import-core-and-shared',
      comment:
        'src/main/services does the I/O without Electron: it uses core and shared, and never the shell ' +
        '(src/main/electron, src/main/index.ts), the preview host, preload or the renderer.',
      severity: 'error',
      from: { path: '^src/main/services/' },
      to: appExcept('main/services/', 'main/core/', 'shared/'),
    },
    {
      name: 'shell-imports-services-core-shared',
      comment:
        'The Electron shell (src/main/electron, src/main/index.ts) wires services, core and shared together; it ' +
        'never reaches into the renderer, preload or the browser preview host.',
      severity: 'error',
      from: { path: ['^src/main/electron/', '^src/main/index\\.ts$'] },
      to: appExcept('main/electron/', 'main/index\\.ts$', 'main/services/', 'main/core/', 'shared/'),
    },
    {
      name: 'preview-imports-services-core-shared',
      comment:
        'The browser preview host (src/main/preview) is a second shell next to Electron: like it, it may use ' +
        'services, core and shared, and none of the Electron shell.',
      severity: 'error',
      from: { path: '^src/main/preview/' },
      to: appExcept('main/preview/', 'main/services/', 'main/core/', 'shared/'),
    },
    {
      name: 'preload-imports-only-shared',
      comment:
        'src/preload runs in the window before the page: it only bridges the contract of src/shared to IPC and ' +
        'must not pull main or renderer code into that context.',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: appExcept('preload/', 'shared/'),
    },
    {
      name: 'renderer-imports-only-shared',
      comment:
        'src/renderer runs in the sandboxed window and talks to main only through the API of src/shared/contract: ' +
        'it never imports main or preload code.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: appExcept('renderer/', 'shared/'),
    },
    {
      name: 'electron-only-in-shell',
      comment:
        'Only the shell (src/main/electron, src/main/index.ts) and preload may import electron and the packages ' +
        'that need it, so everything else runs and is tested in plain Node. ESLint says the same with a message ' +
        'at the line; this rule also catches type-only imports and imports through other files.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/main/electron/', '^src/main/index\\.ts$', '^src/preload/'] },
      to: { path: '^(node_modules/)?(electron|electron-store|electron-updater)(/|$)' },
    },
    {
      name: 'src-imports-no-tests',
      comment: 'tests, bench and scripts use the app, never the other way round: nothing in src imports them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'no-unresolvable',
      comment:
        'An import depcruise cannot resolve escapes every rule above, so a path that does not resolve is an error ' +
        'here too (tsc reports it as well).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are kept: a cycle or a layer break through types is one all the same.
    tsPreCompilationDeps: true,
    // Main, preload and shared are resolved as tsconfig.node.json says; the renderer imports with explicit
    // `.ts`/`.tsx` extensions, which resolve the same way under either tsconfig.
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
