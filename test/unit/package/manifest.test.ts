/**
 * The parts of package.json a new user meets first, read as VS Code reads them: the getting-started walkthrough
 * (each step's command links name a command that exists, its picture is a file the .vsix ships), the settings
 * page (one titled category without the "Tencentcloud Vpn:" prefix, Markdown descriptions so code spans render
 * instead of showing backticks), the editor defaults of our two languages (2-space indentation, as the examples
 * are written) and the API request language following the UI.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './grammarSupport';
import { SETTINGS_SECTION } from '../../../protocol/settings';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; svg?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const NLS_FILES = ['package.nls.json', 'package.nls.zh-cn.json'];
/** Every setting of every category. */
const SETTING_PROPERTIES: Record<string, any> = Object.assign(
  {},
  ...(pkg.contributes.configuration as { properties: object }[]).map((category) => category.properties),
);
const nlsFiles: Record<string, Record<string, string>> = Object.fromEntries(
  NLS_FILES.map((file) => [file, JSON.parse(readFileSync(join(ROOT, file), 'utf8'))]),
);
/** VS Code's own commands the walkthrough may link to. */
const BUILT_IN_COMMANDS = new Set(['workbench.action.openSettings', 'workbench.actions.view.problems']);

/** The text of a `%key%` manifest string in one nls file. */
function localized(value: string, file: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  assert.ok(key, `${value} is not a %key%`);
  const text = nlsFiles[file][key];
  assert.equal(typeof text, 'string', `${key} missing from ${file}`);
  return text;
}

/** Every command a Markdown text links to (`[label](command:id?args)`). */
function linkedCommands(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.-]+)(\?[^)]*)?\)/g)].map((m) => m[1]);
}

const contributedCommands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
const viewFocusCommands = new Set<string>(
  Object.values(pkg.contributes.views as Record<string, Array<{ id: string }>>)
    .flat()
    .map((view) => `${view.id}.focus`),
);

describe('package.json: the first things a new user meets', () => {
  const [walkthrough] = pkg.contributes.walkthroughs as Array<{ steps: Step[]; title: string }>;

  it('has a getting-started walkthrough: credentials, an example, a fix, a submit, the task', () => {
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ['credentials', 'example', 'fix', 'submit', 'follow'],
    );
    for (const file of NLS_FILES) assert.ok(localized(walkthrough.title, file));
  });

  for (const file of NLS_FILES) {
    it(`every step links at least one command that exists, in ${file}`, () => {
      for (const step of walkthrough.steps) {
        assert.ok(localized(step.title, file), step.id);
        const commands = linkedCommands(localized(step.description, file));
        assert.ok(commands.length > 0, `${step.id} links no command`);
        for (const command of commands)
          assert.ok(
            contributedCommands.has(command) || viewFocusCommands.has(command) || BUILT_IN_COMMANDS.has(command),
            `${step.id}: ${command} is neither contributed nor a known built-in`,
          );
        assert.ok(localized(step.media.altText!, file), `${step.id} alt text`);
      }
    });
  }

  it("every step's picture exists, is an SVG or PNG the .vsix allowlist ships, and is well-formed", () => {
    const allowlist = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const step of walkthrough.steps) {
      const image = step.media.image!;
      assert.match(image, /\.(svg|png)$/, step.id);
      assert.ok(existsSync(join(ROOT, image)), `${image} exists`);
      const folder = image.split('/').slice(0, -1).join('/');
      assert.ok(allowlist.includes(`!${folder.split('/')[0]}/${folder.split('/')[1]}/**`), `${image} is packaged`);
      if (image.endsWith('.svg')) {
        const svg = readFileSync(join(ROOT, image), 'utf8');
        assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.match(svg, /<\/svg>\s*$/);
      }
    }
  });

  it('the steps complete on the commands they link to', () => {
    for (const step of walkthrough.steps) assert.ok((step.completionEvents ?? []).length > 0, step.id);
  });

  it('the settings are categories whose ids start with the section, so no "Tencentcloud Vpn:" prefix shows', () => {
    // VS Code trims a setting's prefix by the category id only when there are two or more categories (with one, by
    // the extension id, which is not the section): code-server 4.139.1's settings tree. The UI checks look.
    const categories = pkg.contributes.configuration as { id: string; title: string }[];
    assert.ok(Array.isArray(categories) && categories.length >= 2);
    for (const category of categories) {
      assert.ok(category.id.startsWith(`${SETTINGS_SECTION}.`), category.id);
      for (const file of NLS_FILES) assert.ok(localized(category.title, file), category.title);
    }
  });

  it('every setting has a Markdown description (code spans render), never a plain one showing backticks', () => {
    for (const [id, property] of Object.entries(
      SETTING_PROPERTIES as Record<string, { description?: string; markdownDescription?: string }>,
    )) {
      assert.equal(property.description, undefined, `${id} has a plain description`);
      for (const file of NLS_FILES) assert.ok(localized(property.markdownDescription!, file), id);
    }
  });

  it('our two languages indent with 2 spaces by default, as their examples are written', () => {
    const ids = (pkg.contributes.languages as Array<{ id: string }>).map((language) => language.id);
    assert.deepEqual(ids.sort(), ['tencentcloud-vpn-json', 'tencentcloud-vpn-yaml']);
    for (const id of ids)
      assert.deepEqual(pkg.contributes.configurationDefaults[`[${id}]`], {
        'editor.tabSize': 2,
        'editor.insertSpaces': true,
      });
  });

  it('the API request language follows the UI unless set (default "auto")', () => {
    const setting = SETTING_PROPERTIES['tencentcloudVpn.requestLanguage'];
    assert.equal(setting.default, 'auto');
    assert.deepEqual(setting.enum, ['auto', 'zh-CN', 'en-US']);
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
  });
});
