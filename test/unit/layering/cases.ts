/**
 * The layering self-test's fixtures: for each rule of .dependency-cruiser.cjs, a small tree with the kind of import
 * it forbids and the exact violations it must report; and one tree of imports the layering allows, which must
 * report none. Paths are relative to the tree's root, as the rules are to the repository's.
 */
import type { SourceFiles } from './fixtureTree';

/** A tree that breaks one rule, and the "from → to (rule)" lines the rules must report for it, no more. */
export interface BadImportCase {
  rule: string;
  files: SourceFiles;
  expected: string[];
}

/** Stand-ins' entry files (see fixtureTree.ts): where a package import resolves in a fixture tree. */
const LSP_SERVER_NODE = 'node_modules/vscode-languageserver/node.js';
const VSCODE_TYPES = 'node_modules/@types/vscode/index.d.ts';

/** One layer importing the one above it. */
function upward(layer: string, file: string, specifier: string, target: string): BadImportCase {
  const rule = `language-${layer}-imports-upward`;
  return { rule, files: { [file]: [`import '${specifier}';`] }, expected: [`${file} → ${target} (${rule})`] };
}

export const BAD_IMPORT_CASES: BadImportCase[] = [
  {
    rule: 'no-circular',
    files: {
      'server/state.ts': ["import type { Handlers } from './handlers';"],
      'server/handlers.ts': ["import type { State } from './state';"],
    },
    // dependency-cruiser reports a cycle once, at one of its edges.
    expected: ['server/handlers.ts → server/state.ts (no-circular)'],
  },
  {
    rule: 'no-circular-folders',
    files: {
      'cli/submit/run.ts': ["import '../validate/options';"],
      'cli/validate/run.ts': ["import '../submit/options';"],
    },
    expected: ['cli/submit → cli/validate (no-circular-folders)', 'cli/validate → cli/submit (no-circular-folders)'],
  },
  {
    rule: 'language-types-imports-nothing',
    files: {
      'language/types.ts': [
        "import type { Range } from 'vscode-languageserver-types';",
        "import type { Params } from './values/values';",
      ],
    },
    expected: [
      'language/types.ts → node_modules/vscode-languageserver-types/main.js (language-types-imports-nothing)',
      'language/types.ts → language/values/values.ts (language-types-imports-nothing)',
    ],
  },
  upward('values', 'language/values/ip.ts', '../parsing/tree', 'language/parsing/tree.ts'),
  upward('parsing', 'language/parsing/tree.ts', '../schema/schemaLookup', 'language/schema/schemaLookup.ts'),
  upward('schema', 'language/schema/paramsValidation.ts', '../rules/engine', 'language/rules/engine.ts'),
  upward('account', 'language/account/documentFacts.ts', '../rules/context', 'language/rules/context.ts'),
  upward('peer', 'language/peer/problems.ts', '../rules/rule', 'language/rules/rule.ts'),
  upward('rules', 'language/rules/spd.ts', '../edits/fixes', 'language/edits/fixes.ts'),
  upward('edits', 'language/edits/codeActions.ts', '../features/diagnostics', 'language/features/diagnostics.ts'),
  upward('features', 'language/features/diagnostics.ts', '../pipeline', 'language/pipeline.ts'),
  {
    rule: 'language-file-outside-layers',
    files: { 'language/util/strings.ts': ["import type { Lang } from '../types';"] },
    expected: ['language/util/strings.ts → language/types.ts (language-file-outside-layers)'],
  },
  {
    rule: 'language-imports-file-outside-layers',
    files: { 'language/features/hover.ts': ["import '../helpers';"] },
    expected: ['language/features/hover.ts → language/helpers.ts (language-imports-file-outside-layers)'],
  },
  {
    rule: 'library-imports-lsp-runtime',
    files: {
      'language/features/connection.ts': [
        "import { createConnection } from 'vscode-languageserver/node';",
        "import { RequestType } from 'vscode-jsonrpc';",
        "import { LanguageClient } from 'vscode-languageclient/node';",
      ],
    },
    expected: [
      `language/features/connection.ts → ${LSP_SERVER_NODE} (library-imports-lsp-runtime)`,
      'language/features/connection.ts → node_modules/vscode-jsonrpc/main.js (library-imports-lsp-runtime)',
      'language/features/connection.ts → vscode-languageclient/node (library-imports-lsp-runtime)',
    ],
  },
  {
    rule: 'library-imports-file-system',
    files: {
      'language/parsing/readFile.ts': [
        "import * as fs from 'node:fs';",
        "import { readFile } from 'fs/promises';",
        "import { spawn } from 'node:child_process';",
      ],
    },
    expected: [
      'language/parsing/readFile.ts → fs (library-imports-file-system)',
      'language/parsing/readFile.ts → fs/promises (library-imports-file-system)',
      'language/parsing/readFile.ts → child_process (library-imports-file-system)',
    ],
  },
  {
    rule: 'network-outside-cloud-and-emulator',
    files: {
      'server/accountLookup.ts': ["import * as https from 'node:https';", "import fetch from 'node-fetch';"],
      'language/account/snapshot.ts': ["import { CommonClient } from 'tencentcloud-sdk-nodejs-common';"],
      'client/probe.ts': ["import * as net from 'net';"],
    },
    expected: [
      'server/accountLookup.ts → https (network-outside-cloud-and-emulator)',
      'server/accountLookup.ts → node_modules/node-fetch/index.js (network-outside-cloud-and-emulator)',
      'language/account/snapshot.ts → tencentcloud-sdk-nodejs-common (network-outside-cloud-and-emulator)',
      'client/probe.ts → net (network-outside-cloud-and-emulator)',
    ],
  },
  {
    rule: 'vscode-outside-client',
    files: {
      'server/main.ts': ["import * as vscode from 'vscode';"],
      'language/features/hover.ts': ["import type { Hover } from 'vscode';"],
      'test/unit/client/tree.test.ts': ["import * as vscode from 'vscode';"],
    },
    expected: [
      `server/main.ts → ${VSCODE_TYPES} (vscode-outside-client)`,
      `language/features/hover.ts → ${VSCODE_TYPES} (vscode-outside-client)`,
      `test/unit/client/tree.test.ts → ${VSCODE_TYPES} (vscode-outside-client)`,
    ],
  },
  {
    rule: 'library-imports-a-program',
    files: {
      'language/features/accountHover.ts': ["import '../../cloud/accountService';", "import '../../peer/index';"],
      'protocol/messages.ts': ["import '../server/serverState';"],
    },
    expected: [
      'language/features/accountHover.ts → cloud/accountService.ts (library-imports-a-program)',
      'language/features/accountHover.ts → peer/index.ts (library-imports-a-program)',
      'protocol/messages.ts → server/serverState.ts (library-imports-a-program)',
    ],
  },
  {
    rule: 'server-imports-client-side',
    files: { 'server/accountLookup.ts': ["import '../cloud/credentials';", "import '../client/config';"] },
    expected: [
      'server/accountLookup.ts → cloud/credentials.ts (server-imports-client-side)',
      'server/accountLookup.ts → client/config.ts (server-imports-client-side)',
    ],
  },
  {
    rule: 'cli-imports-server',
    files: { 'cli/validate.ts': ["import '../server/handlers';"] },
    expected: ['cli/validate.ts → server/handlers.ts (cli-imports-server)'],
  },
  {
    rule: 'client-imports-another-program',
    files: { 'client/languageClient.ts': ["import '../server/handlers';", "import '../emulator/store';"] },
    expected: [
      'client/languageClient.ts → server/handlers.ts (client-imports-another-program)',
      'client/languageClient.ts → emulator/store.ts (client-imports-another-program)',
    ],
  },
  {
    rule: 'cloud-imports-a-host',
    files: { 'cloud/submission.ts': ["import '../client/outputLog';", "import '../cli/main';"] },
    expected: [
      'cloud/submission.ts → client/outputLog.ts (cloud-imports-a-host)',
      'cloud/submission.ts → cli/main.ts (cloud-imports-a-host)',
    ],
  },
  {
    rule: 'peer-imports-beyond-library',
    files: {
      'peer/index.ts': ["import '../cloud/mask';", "import '../client/config';", "import '../protocol/settings';"],
    },
    expected: [
      'peer/index.ts → cloud/mask.ts (peer-imports-beyond-library)',
      'peer/index.ts → client/config.ts (peer-imports-beyond-library)',
      'peer/index.ts → protocol/settings.ts (peer-imports-beyond-library)',
    ],
  },
  {
    rule: 'peer-imports-file-system',
    files: { 'peer/generators/write.ts': ["import * as fs from 'node:fs';"] },
    expected: ['peer/generators/write.ts → fs (peer-imports-file-system)'],
  },
  {
    rule: 'lab-imports-beyond-library',
    files: { 'lab/run.ts': ["import '../cloud/mask';", "import '../cli/main';", "import '../peer/index';"] },
    expected: [
      'lab/run.ts → cloud/mask.ts (lab-imports-beyond-library)',
      'lab/run.ts → cli/main.ts (lab-imports-beyond-library)',
    ],
  },
  {
    rule: 'program-imports-lab',
    files: { 'client/labCommand.ts': ["import '../lab/index';"], 'peer/index.ts': ["import '../lab/diagnose';"] },
    expected: [
      'client/labCommand.ts → lab/index.ts (program-imports-lab)',
      'peer/index.ts → lab/diagnose.ts (program-imports-lab)',
      'peer/index.ts → lab/diagnose.ts (peer-imports-beyond-library)',
    ],
  },
  {
    rule: 'emulator-imports-beyond-library',
    files: { 'emulator/pipeline.ts': ["import '../cloud/apiError';", "import '../protocol/settings';"] },
    expected: [
      'emulator/pipeline.ts → cloud/apiError.ts (emulator-imports-beyond-library)',
      'emulator/pipeline.ts → protocol/settings.ts (emulator-imports-beyond-library)',
    ],
  },
  {
    rule: 'scripts-import-test-internals',
    files: { 'scripts/bench.ts': ["import '../test/lsp/fixtures';"] },
    expected: ['scripts/bench.ts → test/lsp/fixtures.ts (scripts-import-test-internals)'],
  },
];

/** Imports the layering allows, one or more of each kind the rules draw a line next to. */
export const ALLOWED_IMPORTS: SourceFiles = {
  // The CLI's entry runs its bundle through the server's code-cache loader.
  'cli/boot.ts': ["import '../server/boot/codeCache';"],
  'language/types.ts': ["export type Lang = 'zh' | 'en';"],
  'language/features/completion.ts': [
    "import type { Lang } from '../types';",
    "import '../rules/registry';",
    "import '../values/values';",
    "import type { Range } from 'vscode-languageserver-types';",
    "import { TextDocument } from 'vscode-languageserver-textdocument';",
  ],
  // A folder and its subfolder may use each other (rules/ collects rules/account/, which builds on rules/rule.ts).
  'language/rules/registry.ts': ["import './account/existenceRules';"],
  'language/rules/account/existenceRules.ts': ["import '../rule';", "import '../../account/documentFacts';"],
  'language/schema/actionSchemas.ts': ["import schema from '../../schemas/CreateVpnConnection.schema.json';"],
  'language/index.ts': ["export * from './pipeline';", "export * from './languageService';"],
  'language/languageService.ts': ["import './pipeline';", "import './features/completion';"],
  'protocol/messages.ts': ["import { RequestType } from 'vscode-jsonrpc';"],
  'server/main.ts': [
    "import { createConnection } from 'vscode-languageserver/node';",
    "import '../protocol/messages';",
    "import '../language/index';",
  ],
  'client/extension.ts': [
    "import * as vscode from 'vscode';",
    "import '../cloud/submission';",
    "import '../protocol/messages';",
    "import '../language/index';",
  ],
  'cloud/endpoint.ts': [
    "import * as https from 'node:https';",
    "import * as fs from 'node:fs';",
    "import fetch from 'node-fetch';",
    "import '../language/types';",
  ],
  'peer/index.ts': ["import '../language/peer/problems';", "import '../language/values/ip';", "import './context';"],
  'cli/peerConfig.ts': ["import '../peer/index';"],
  'lab/run.ts': [
    "import '../language/index';",
    "import '../peer/index';",
    "import './diagnose';",
    "import { spawn } from 'node:child_process';",
  ],
  'scripts/tunnel-lab.ts': ["import '../lab/index';"],
  'cli/diagnose.ts': ["import '../lab/diagnose';"],
  'client/peerConfigView.ts': ["import * as vscode from 'vscode';", "import '../peer/index';"],
  'cloud/tcClient.ts': ["import { CommonClient } from 'tencentcloud-sdk-nodejs-common';", "import './endpoint';"],
  'emulator/httpServer.ts': [
    "import * as http from 'node:http';",
    "import '../language/index';",
    "import '../schemas/source/regions.json';",
    "import './store';",
  ],
  'cli/main.ts': [
    "import '../emulator/httpServer';",
    "import '../cloud/tcClient';",
    "import '../language/index';",
    "import * as net from 'node:net';",
  ],
  'scripts/bench.ts': [
    "import '../test/support/lspClient';",
    "import { spawn } from 'node:child_process';",
    "import * as net from 'node:net';",
  ],
  'test/editor/suite/diagnostics.test.ts': ["import * as vscode from 'vscode';"],
  'test/unit/cloud/endpoint.test.ts': ["import * as http from 'node:http';", "import '../../../cloud/endpoint';"],
};
