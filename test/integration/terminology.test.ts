import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceUri } from './util';
import { resetWorkspaceSettings, restoreWorkspaceSettingsAfterSuite } from './settings';

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'ITIL 4');
}

/** The diagnostics once they match `expected` (the names they cover, in order). */
async function diagnosticsCovering(document: vscode.TextDocument, expected: string[]): Promise<vscode.Diagnostic[]> {
  let last: string[] = [];
  try {
    return await waitFor(() => {
      const diagnostics = ourDiagnostics(document.uri);
      last = diagnostics.map((diagnostic) => document.getText(diagnostic.range));
      return JSON.stringify(last) === JSON.stringify(expected) ? diagnostics : undefined;
    }, `diagnostics on ${expected.join(', ') || 'nothing'}`);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

let untitledCount = 0;

/**
 * A new untitled document under a name never used before: this host may hand back the previous document's
 * content when a generated name ("Untitled-2") is reused after a close.
 */
async function openUntitled(language: 'markdown' | 'plaintext', content: string): Promise<vscode.TextDocument> {
  untitledCount++;
  const uri = vscode.Uri.parse(`untitled:terminology-test-${untitledCount}.${language === 'markdown' ? 'md' : 'txt'}`);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  assert.equal(document.languageId, language);
  assert.equal(document.getText(), content);
  return document;
}

function openMarkdown(content: string): Promise<vscode.TextDocument> {
  return openUntitled('markdown', content);
}

async function codeActionsAt(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, range, kind);
  return actions.filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action || 'isPreferred' in action);
}

async function setTerminology(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('svc.terminology').update(key, value, vscode.ConfigurationTarget.Workspace);
}

const PROPOSAL_FINDINGS = [
  'Request Fulfilment',
  'Change Management',
  'Service Asset and Configuration Management',
  'Capacity Management',
  'Demand Management',
  'Continual Service Improvement',
];

suite('Terminology checker', function () {
  // Settings writes and debounced checks take seconds when other builds share the machine.
  this.timeout(60_000);
  restoreWorkspaceSettingsAfterSuite();

  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await resetWorkspaceSettings('svc.terminology', ['severity', 'languages', 'ignore', 'maxFileSize']);
    // Untitled documents would ask to be saved: revert and close every editor the test opened.
    for (let open = 0; open < 10 && vscode.window.activeTextEditor; open++) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('flags the outdated names of the sample proposal, not those in code, in the disabled region or inside ITIL 4 names', async () => {
    const proposal = await vscode.workspace.openTextDocument(workspaceUri('proposal.md'));
    await vscode.window.showTextDocument(proposal);
    const diagnostics = await diagnosticsCovering(proposal, PROPOSAL_FINDINGS);
    const changeManagement = diagnostics[1];
    assert.equal(changeManagement.source, 'ITIL 4');
    assert.equal(changeManagement.code, 'svc/legacy-term');
    assert.equal(changeManagement.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(changeManagement.message, '“Change Management” is the ITIL v3/2011 name — ITIL 4 uses “change enablement”.');
    assert.match(diagnostics[4].message, /ITIL 4 has no demand management practice/);
  });

  test('a rename has one preferred quick fix that applies through workspace.applyEdit', async () => {
    const document = await openMarkdown('# Plan\n\nOur Change Management board meets weekly.\n');
    const [diagnostic] = await diagnosticsCovering(document, ['Change Management']);
    const actions = await codeActionsAt(document, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.deepEqual(preferred.map((action) => action.title), ['Replace with “Change Enablement”']);
    assert.ok(actions.some((action) => action.title === 'Ignore “Change Management” in this workspace'));
    const replace = preferred[0]?.edit;
    assert.ok(replace);
    assert.ok(await vscode.workspace.applyEdit(replace));
    assert.equal(document.getText(), '# Plan\n\nOur Change Enablement board meets weekly.\n');
    await diagnosticsCovering(document, []);
  });

  test('a split offers each ITIL 4 practice and the combined phrase', async () => {
    const document = await openMarkdown('We run release and deployment management monthly.\n');
    const [diagnostic] = await diagnosticsCovering(document, ['release and deployment management']);
    const actions = await codeActionsAt(document, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const replacements = actions.filter((action) => action.edit).map((action) => action.title);
    assert.deepEqual(replacements, [
      'Replace with “release management”',
      'Replace with “deployment management”',
      'Replace with “release management and deployment management”',
    ]);
    assert.ok(actions.every((action) => !action.isPreferred));
    const combined = actions.find((action) => action.title.includes(' and deployment management”'))?.edit;
    assert.ok(combined);
    assert.ok(await vscode.workspace.applyEdit(combined));
    assert.equal(document.getText(), 'We run release management and deployment management monthly.\n');
  });

  test('an absorbed term explains instead of replacing', async () => {
    const document = await openMarkdown('Access Management is handled by the service desk, beside incident and problem management, as ITIL suggests.\n');
    const [diagnostic] = await diagnosticsCovering(document, ['Access Management']);
    assert.match(diagnostic.message, /identity and access management is part of information security management/);
    const actions = await codeActionsAt(document, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.every((action) => !action.edit), 'no replacement for an absorbed term');
    const explain = actions.find((action) => action.command?.command === 'svc.terminology.explain');
    assert.ok(explain?.command, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    await vscode.commands.executeCommand(explain.command.command, ...(explain.command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document, document);
    assert.equal(document.offsetAt(vscode.window.activeTextEditor.selection.active), 0);
  });

  test('fix all replaces every certain rename, as a command and as source.fixAll.svc; splits and absorbed names stay for the writer', async () => {
    const content = 'Change Management, Demand Management and SACM.\n\nCapacity Management too, for the service desk, incident management and problem management.\n';
    const document = await openMarkdown(content);
    await diagnosticsCovering(document, ['Change Management', 'Demand Management', 'SACM', 'Capacity Management']);
    const [fixAll] = await codeActionsAt(document, new vscode.Range(0, 0, 0, 0), 'source.fixAll.svc');
    assert.equal(fixAll?.title, 'Replace all outdated ITIL terms in file');
    assert.equal(fixAll?.kind?.value, 'source.fixAll.svc');
    assert.ok(fixAll?.edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const expected = 'Change Enablement, Demand Management and SACM.\n\nCapacity and Performance Management too, for the service desk, incident management and problem management.\n';
    assert.equal(document.getText(), expected);
    await diagnosticsCovering(document, ['Demand Management', 'SACM']);

    const again = await openMarkdown(content);
    assert.equal(await vscode.commands.executeCommand('svc.terminology.fixAll', again.uri), 2);
    assert.equal(again.getText(), expected);
  });

  test('disable comments switch the check off for a region', async () => {
    const document = await openMarkdown('Change Management\n<!-- svc-disable -->\nChange Management\n<!-- svc-enable -->\nRequest Fulfilment\n');
    await diagnosticsCovering(document, ['Change Management', 'Request Fulfilment']);
    assert.equal(ourDiagnostics(document.uri)[1].range.start.line, 4);
  });

  test('code blocks, value-stream blocks and inline code are not checked', async () => {
    const document = await openMarkdown('`Change Management`\n\n```valuestream\nname: Event Management\n```\n\n~~~\nCSI\n~~~\nCSI, as ITIL v3 called it, fed the service desk.\n');
    await diagnosticsCovering(document, ['CSI']);
  });

  test('diagnostics follow typing after a pause, and leave when the document closes', async () => {
    const document = await openMarkdown('Nothing old here.\n');
    await diagnosticsCovering(document, []);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    for (const piece of ['We ', 'use ', 'Request ', 'Fulfilment', '.']) {
      await editor.edit((builder) => builder.insert(document.positionAt(document.getText().length), piece));
    }
    await diagnosticsCovering(document, ['Request Fulfilment']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => ourDiagnostics(document.uri).length === 0, 'diagnostics to clear on close');
  });

  test('severity comes from svc.terminology.severity, and "off" removes every diagnostic', async () => {
    const document = await openMarkdown('Request Fulfilment reports monthly.\n');
    await diagnosticsCovering(document, ['Request Fulfilment']);
    await setTerminology('severity', 'error');
    await waitFor(() => ourDiagnostics(document.uri)[0]?.severity === vscode.DiagnosticSeverity.Error, 'error severity');
    await setTerminology('severity', 'off');
    await diagnosticsCovering(document, []);
    assert.deepEqual(await codeActionsAt(document, new vscode.Range(0, 0, 0, 5), vscode.CodeActionKind.QuickFix.value), []);
    await setTerminology('severity', 'hint');
    await waitFor(() => ourDiagnostics(document.uri)[0]?.severity === vscode.DiagnosticSeverity.Hint, 'hint severity');
  });

  test('svc.terminology.languages chooses the documents that are checked', async () => {
    const plain = await openUntitled('plaintext', 'Request Fulfilment\n');
    await diagnosticsCovering(plain, ['Request Fulfilment']);
    await setTerminology('languages', ['markdown']);
    await diagnosticsCovering(plain, []);
  });

  test('"Ignore in this workspace" writes svc.terminology.ignore and the term is no longer flagged', async () => {
    const document = await openMarkdown('Request Fulfilment and Change Management.\n');
    const [fulfilment] = await diagnosticsCovering(document, ['Request Fulfilment', 'Change Management']);
    const actions = await codeActionsAt(document, fulfilment.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((action) => action.title === 'Ignore “Request Fulfilment” in this workspace');
    assert.ok(ignore?.command);
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    const inspected = vscode.workspace.getConfiguration('svc.terminology').inspect<string[]>('ignore');
    assert.deepEqual(inspected?.workspaceValue, ['Request Fulfilment']);
    await diagnosticsCovering(document, ['Change Management']);
  });

  test('a likely finding is information, offers its fix without preferring it, and fix all leaves it', async () => {
    const content = 'Every change request goes to the CAB; Change Management publishes the change schedule.\n';
    const document = await openMarkdown(content);
    const [cab, changeManagement] = await diagnosticsCovering(document, ['CAB', 'Change Management']);
    assert.equal(cab.severity, vscode.DiagnosticSeverity.Information);
    assert.match(cab.message, /A CAB can still be the change authority/);
    assert.equal(changeManagement.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await codeActionsAt(document, cab.range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((action) => action.title === 'Replace with “change authority”');
    assert.ok(replace, `actions: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(!replace.isPreferred);
    assert.equal(await vscode.commands.executeCommand('svc.terminology.fixAll', document.uri), 1);
    assert.equal(document.getText(), 'Every change request goes to the CAB; Change Enablement publishes the change schedule.\n');
  });

  test('front matter: the title, description and excerpt are checked with fixes written as their YAML needs, other keys are not', async () => {
    const content = [
      '---',
      'title: "Our \\"new\\" Change Management handbook"',
      "description: 'Request Fulfilment and the CAB'",
      'excerpt: >-',
      '  How Continual Service',
      '  Improvement works here.',
      'permalink: /change-management/',
      'tags: [Request Fulfilment]',
      '---',
      '',
      'Every change needs a change record and a backout plan.',
      '',
    ].join('\n');
    const document = await openMarkdown(content);
    const diagnostics = await diagnosticsCovering(document, [
      'Change Management',
      'Request Fulfilment',
      'CAB',
      'Continual Service\n  Improvement',
    ]);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.severity]),
      [
        [1, vscode.DiagnosticSeverity.Warning],
        [2, vscode.DiagnosticSeverity.Warning],
        [2, vscode.DiagnosticSeverity.Information],
        [4, vscode.DiagnosticSeverity.Warning],
      ],
    );
    const actions = await codeActionsAt(document, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.find((action) => action.isPreferred);
    assert.equal(preferred?.title, 'Replace with “Change Enablement”');
    assert.equal(await vscode.commands.executeCommand('svc.terminology.fixAll', document.uri), 3);
    assert.deepEqual(document.getText().split('\n').slice(1, 7), [
      'title: "Our \\"new\\" Change Enablement handbook"',
      "description: 'Service Request Management and the CAB'",
      'excerpt: >-',
      '  How Continual',
      '  Improvement works here.',
      'permalink: /change-management/',
    ]);
    await diagnosticsCovering(document, ['CAB']);
  });

  test('a long document is checked a slice at a time: its findings arrive and the host keeps answering', async () => {
    const paragraph = 'The service desk logs every incident, and problem management looks for causes in the records every week.\n\n';
    const content = `${paragraph.repeat(Math.ceil((6 * 1024 * 1024) / paragraph.length))}Approvals still go through Change Management.\n`;
    const uri = workspaceUri('terminology-long-document.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    try {
      // Opening hands the host the whole text, which is VS Code's work; the check runs from then on. Checked in one
      // go, nothing else could run until the finding arrived: the longest wait of a timer would be about the whole
      // check. Checked in slices, the timer runs in between; a loaded machine slows the slices and the whole alike.
      // (Here the longest wait is a fifth to a third of the check.)
      const document = await vscode.workspace.openTextDocument(uri);
      const started = performance.now();
      let lastTick = started;
      let longestWait = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        longestWait = Math.max(longestWait, now - lastTick);
        lastTick = now;
      }, 1);
      // The clock stops when the finding is published, not when a poll next looks.
      const published = new Promise<number>((resolve) => {
        const listener = vscode.languages.onDidChangeDiagnostics(() => {
          if (ourDiagnostics(document.uri).length !== 1) return;
          listener.dispose();
          resolve(performance.now());
        });
      });
      assert.equal(ourDiagnostics(document.uri).length, 0, 'the check had not begun when the document opened');
      let checkMs: number;
      try {
        await waitFor(() => ourDiagnostics(document.uri).length === 1, 'the finding at the end of a 6 MB document', 60_000);
        checkMs = (await published) - started;
      } finally {
        clearInterval(ticker);
      }
      assert.equal(document.getText(ourDiagnostics(document.uri)[0].range), 'Change Management');
      assert.ok(longestWait < (checkMs * 2) / 3, `the host was busy for ${Math.round(longestWait)} ms at a time of the ${Math.round(checkMs)} ms the check took`);

      await setTerminology('maxFileSize', 1);
      await waitFor(() => ourDiagnostics(document.uri).length === 0, 'no check above svc.terminology.maxFileSize');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});

