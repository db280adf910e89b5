import * as vscode from 'vscode';
import { ACTIVITY_TABLE_TEMPLATE, BLANK_TEMPLATE, EXAMPLE_TEMPLATES, fencedTemplate, snippetDefaults } from '../../model/valueStreams';
import { isInsideFencedBlock } from '../../model/documents';

const TEMPLATE_WORDS = ['valuestream', 'svc'];

/**
 * Markdown turns quick suggestions off, so the Markdown snippets would only show on Ctrl+Space. This provider
 * offers the same templates when a line starts a fence (```) or ends in "valuestream" or "svc": the last
 * characters of those words are its trigger characters.
 */
export class MarkdownTemplateCompletion implements vscode.CompletionItemProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, this, '`', '~', 'm', 'c');
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const line = document.lineAt(position.line).text;
    const prefix = line.slice(0, position.character);
    const typed = /^ {0,3}(`{1,3}|~{1,3})?[A-Za-z-]*$/.exec(prefix)?.[0].trimStart();
    if (typed === undefined) return undefined;
    const word = typed.replace(/^[`~]+/, '').toLowerCase();
    if (!TEMPLATE_WORDS.some((templateWord) => templateWord.startsWith(word))) return undefined;
    if (isInsideFencedBlock(document.getText(), document.offsetAt(position))) return undefined;
    const start = position.character - typed.length;
    // An editor that auto-closed the backticks leaves them after the cursor; the template replaces them too.
    const closingFence = /^[`~]*\s*$/.exec(line.slice(position.character))?.[0].length ?? 0;
    const range = new vscode.Range(position.line, start, position.line, position.character + closingFence);
    const templates = [fencedTemplate(BLANK_TEMPLATE), ...EXAMPLE_TEMPLATES.map(fencedTemplate)];
    const items = templates.map((template, index) => {
      const label = index === 0 ? '```valuestream block' : `\`\`\`valuestream: ${template.label}`;
      return templateItem(label, template.description, template.snippet, range, typed, index);
    });
    items.push(templateItem('SVC activity table', ACTIVITY_TABLE_TEMPLATE.description, ACTIVITY_TABLE_TEMPLATE.snippet, range, typed, items.length));
    return items;
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function templateItem(label: string, description: string, snippet: string, range: vscode.Range, typed: string, index: number): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label, description }, vscode.CompletionItemKind.Snippet);
  item.insertText = new vscode.SnippetString(snippet);
  item.range = range;
  // Whatever the user typed so far (```, ~~~, "val", "svc") keeps every template in the list.
  item.filterText = `${typed}${label}`;
  item.sortText = String(index).padStart(2, '0');
  item.documentation = new vscode.MarkdownString().appendCodeblock(snippetDefaults(snippet), 'markdown');
  return item;
}
