// The extension manifest as users and translators meet it: every string localisable, every command in the SVC
// category, settings described, the walkthrough's pages present and its completion events pointing at real
// contributions (commands, views, context keys a feature sets), activation only on triggers VS Code does not already derive from the contributions.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

interface Manifest {
  activationEvents?: string[];
  main: string;
  browser: string;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string; enumDescriptions?: string[]; enum?: unknown[] }> };
    views: Record<string, { id: string }[]>;
    languages: { id: string }[];
    walkthroughs: { id: string; steps: { id: string; media: { markdown?: string; image?: unknown }; completionEvents?: string[] }[] }[];
  };
}

const manifestText = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

suite('package.json', () => {
  test('every %key% placeholder has a string in package.nls.json, and every string there is used', () => {
    const used = new Set([...manifestText.matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]));
    assert.ok(used.size > 50, 'the manifest takes its strings from package.nls.json');
    for (const key of used) assert.ok(key && nls[key], `package.nls.json has no "${key}"`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json key "${key}" is not used`);
  });

  test('user-visible strings go through package.nls.json', () => {
    const { commands, configuration } = manifest.contributes;
    for (const command of commands) assert.match(command.title, /^%.+%$/, `${command.command} has a literal title`);
    for (const [key, setting] of Object.entries(configuration.properties)) {
      const description = setting.markdownDescription ?? setting.description;
      assert.ok(description, `${key} has no description`);
      assert.match(description, /^%.+%$/, `${key} has a literal description`);
      if (setting.enum) assert.equal(setting.enumDescriptions?.length, setting.enum.length, `${key} describes each of its values`);
    }
    assert.match(configuration.title, /^%.+%$/);
  });

  test('every command is in the SVC category', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'SVC', command.command);
  });

  test('activation events list only what contributions do not already imply', () => {
    const implied = [
      ...manifest.contributes.commands.map((command) => `onCommand:${command.command}`),
      ...Object.values(manifest.contributes.views).flat().map((view) => `onView:${view.id}`),
      ...manifest.contributes.languages.map((language) => `onLanguage:${language.id}`),
    ];
    for (const event of manifest.activationEvents ?? []) assert.ok(!implied.includes(event), `${event} is implied by a contribution`);
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'no activation on startup');
  });

  test('the walkthrough pages exist and their completion events name real contributions', () => {
    const featuresDir = path.join(ROOT, 'src', 'features');
    const featureSources = readdirSync(featuresDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(path.join(featuresDir, file), 'utf8'));
    const commands = new Set(manifest.contributes.commands.map((command) => command.command));
    const views = new Set(Object.values(manifest.contributes.views).flat().map((view) => view.id));
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough && walkthrough.steps.length >= 5);
    for (const step of walkthrough.steps) {
      const page = step.media.markdown;
      assert.ok(page && existsSync(path.join(ROOT, page)), `step ${step.id} has no page`);
      assert.ok(step.completionEvents?.length, `step ${step.id} never completes`);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(target ?? ''), `${step.id}: ${event} is no contributed command`);
        if (kind === 'onView') assert.ok(views.has(target ?? ''), `${step.id}: ${event} is no contributed view`);
        if (kind === 'onContext') assert.ok(featureSources.some((source) => source.includes(`'${target}'`)), `${step.id}: no feature sets the context key of ${event}`);
      }
    }
  });

  test('main and browser point at bundles the VSIX ships, with the bundles that main loads on first use', () => {
    const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    // Each lazy bundle of esbuild.mjs is dist/<name>.js, which its seam loads at run time.
    const lazyBundleConfig = /const LAZY_BUNDLES = \[([\s\S]*?)\n\];/.exec(readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8'))?.[1] ?? '';
    const lazyBundles = [...lazyBundleConfig.matchAll(/name: '(\w+)'/g)].map((match) => `./dist/${match[1]}.js`);
    assert.deepEqual(lazyBundles.sort(), ['./dist/coverage.js', './dist/diagrams.js', './dist/documentExport.js', './dist/terminologyChecker.js', './dist/yamlParsers.js']);
    for (const entry of [manifest.main, manifest.browser, ...lazyBundles]) {
      assert.ok(ignore.includes(`!${entry.replace(/^\.\//, '')}`), `.vscodeignore does not ship ${entry}`);
    }
  });
});
