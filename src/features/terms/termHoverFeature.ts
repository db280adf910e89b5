import * as vscode from 'vscode';
import { type EffectiveTerms, TermHoverRenderer } from '../../model/terms';
import { isSwitchedOffByFrontMatter, fencedBlocks, isValueStreamBlock } from '../../model/documents';
import { currentEdition } from '../itil';
import type { GlossaryService } from '../glossary';
import { HOVER_CARD, cardMarkdownString } from '../shared';

const DEFAULT_LANGUAGES = ['markdown', 'plaintext', 'valuestream'];
export const HOVER_CARD_SHOWN_CONTEXT = 'svc.hoverCardShown';

/** How far around the mouse the hover reads: enough for the matcher to find where a name begins. */
const CHARACTERS_BEFORE = 4096;
const CHARACTERS_AFTER = 512;
/** Front matter that switches the file off (`svc: off`) sits in the first lines. */
const FRONT_MATTER_LINES = 500;

/** A provider that shows its own, more specific card at some positions (e.g. fields of a value stream). */
export interface SpecificHover {
  showsCardAt(document: vscode.TextDocument, position: vscode.Position): boolean;
}

/**
 * ITIL cards on hover over practice names, activities, concepts and outdated ITIL v3 names, and over the
 * terms of the document's workspace glossary.
 */
export class TermHoverFeature implements vscode.HoverProvider, vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  private readonly configurationListener: vscode.Disposable;
  private cardShown = false;
  /** One renderer per term set, so each keeps its rendered cards until its glossary changes. */
  private readonly renderers = new WeakMap<EffectiveTerms, TermHoverRenderer>();

  constructor(
    private readonly specificHover: SpecificHover,
    private readonly glossary: GlossaryService,
  ) {
    this.register();
    this.configurationListener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('svc.hover')) this.register();
    });
  }

  private register(): void {
    this.registration?.dispose();
    this.registration = undefined;
    const configuration = vscode.workspace.getConfiguration('svc.hover');
    if (!configuration.get<boolean>('enabled', true)) return;
    const languages = configuration.get<unknown>('languages', DEFAULT_LANGUAGES);
    const selector = (Array.isArray(languages) ? languages : DEFAULT_LANGUAGES)
      .filter((language): language is string => typeof language === 'string' && language.length > 0)
      .map((language) => ({ language }));
    if (selector.length > 0) this.registration = vscode.languages.registerHoverProvider(selector, this);
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (document.languageId === 'markdown' && isSwitchedOffByFrontMatter(document.getText(new vscode.Range(0, 0, FRONT_MATTER_LINES, 0)))) return undefined;
    const offset = document.offsetAt(position);
    // Whole lines around the position: the hover never copies or scans the whole document.
    const firstLine = document.positionAt(Math.max(0, offset - CHARACTERS_BEFORE)).line;
    const lastLine = document.positionAt(offset + CHARACTERS_AFTER).line;
    const window = new vscode.Range(firstLine, 0, lastLine, document.lineAt(lastLine).range.end.character);
    const windowStart = document.offsetAt(window.start);
    const text = document.getText(window);
    const hover = this.rendererFor(this.glossary.termsFor(document.uri)).hoverAt(text, offset - windowStart, currentEdition());
    if (!hover) return undefined;
    // Only value-stream text can have a more specific card; asking elsewhere would parse the whole document.
    if (inValueStream(document, text, offset - windowStart) && this.specificHover.showsCardAt(document, position)) return undefined;
    const markdown = cardMarkdownString(hover.markdown);
    const range = new vscode.Range(document.positionAt(windowStart + hover.start), document.positionAt(windowStart + hover.end));
    if (!this.cardShown) {
      // Completes the "hover an ITIL term" step of the getting-started walkthrough.
      this.cardShown = true;
      void vscode.commands.executeCommand('setContext', HOVER_CARD_SHOWN_CONTEXT, true);
    }
    return new vscode.Hover(markdown, range);
  }

  private rendererFor(terms: EffectiveTerms): TermHoverRenderer {
    let renderer = this.renderers.get(terms);
    if (!renderer) {
      renderer = new TermHoverRenderer(HOVER_CARD, terms);
      this.renderers.set(terms, renderer);
    }
    return renderer;
  }

  dispose(): void {
    this.registration?.dispose();
    this.configurationListener.dispose();
  }
}

/** Value-stream text: a value-stream document, or (as far as the window shows) a ```valuestream block. */
function inValueStream(document: vscode.TextDocument, window: string, offset: number): boolean {
  if (document.languageId === 'valuestream') return true;
  return fencedBlocks(window).some((block) => block.range.start <= offset && offset < block.range.end && isValueStreamBlock(block));
}
