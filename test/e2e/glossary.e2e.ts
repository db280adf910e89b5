// An organisation glossary in a real workspace: its terms get hover cards in the editor, on light and dark themes.
import * as assert from 'node:assert/strict';
import { hoverCardOn, openFile, screenshot, setTheme, useWorkbench } from './workbench';

const UI_TIMEOUT_MS = 30_000;

const GLOSSARY = `version: 1
organisation: Contoso
terms:
  - name: Major incident review
    aliases: [MIR]
    definition: A blameless meeting held within five working days of every priority 1 incident, chaired by the problem manager.
    practices: [incident management, problem management]
preferredTerms:
  - use: service request
    insteadOf: [ticket]
    reason: Our service catalogue speaks of requests.
`;

const NOTES = `# Outage follow-up

After every MIR the problem manager files the actions.

Users raise a ticket when something is missing.
`;

suite('Organisation glossary in the editor', () => {
  const workbench = useWorkbench({
    files: { '.svc/glossary.yaml': GLOSSARY, 'follow-up.md': NOTES },
    userSettings: { 'workbench.colorTheme': 'Light Modern', 'editor.hover.delay': 100 },
  });

  suiteSetup(async () => {
    await openFile(workbench.page, 'follow-up.md');
  });

  test('an organisation term shows its own card with definition and related practices (light theme)', async () => {
    const { page } = workbench;
    const card = await hoverCardOn(page, 'MIR', 'Major incident review');
    const text = await card.innerText();
    assert.match(text, /Contoso term \(from the workspace glossary\)/);
    assert.match(text, /A blameless meeting held within five working days/);
    assert.match(text, /Also written as: MIR/);
    await card.locator('a', { hasText: 'Problem management' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'hover-glossary-term-light');
  });

  test('an avoided name is flagged and its card says what to write instead (dark theme)', async () => {
    const { page } = workbench;
    await page.mouse.move(5, 5);
    await setTheme(page, 'Dark Modern');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const card = await hoverCardOn(page, 'ticket', 'ticket');
    assert.match(await card.innerText(), /Contoso glossary — say “service request” instead/);
    await screenshot(page, 'hover-glossary-avoided-dark');
    const term = await hoverCardOn(page, 'MIR', 'Major incident review');
    assert.match(await term.innerText(), /Contoso term/);
    await screenshot(page, 'hover-glossary-term-dark');
  });
});
