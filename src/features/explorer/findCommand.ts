import * as vscode from 'vscode';
import { getActivity, isActivityId } from '../../model/itil';
import type { EditionId } from '../../model/itil/editions';
import { findItems, type FindItem, type FindTargetKind } from '../../model/explorer';
import type { DetailsPanel } from './detailsPanel';
import { currentEdition } from '../itil';
import type { ExplorerViews } from './explorerViews';
import type { ItemRef } from '../../model/cards';

interface FindPick extends vscode.QuickPickItem {
  readonly item?: FindItem;
}

const SECTIONS: readonly { readonly label: string; readonly kinds: readonly FindTargetKind[] }[] = [
  { label: 'Service value chain', kinds: ['demand', 'activity', 'value'] },
  { label: 'Practices', kinds: ['practice'] },
  { label: 'Concepts, principles and dimensions', kinds: ['concept'] },
  { label: 'Outdated ITIL v3 terms', kinds: ['legacy'] },
];

const KIND_ICONS: Record<Exclude<FindTargetKind, 'activity'>, string> = {
  demand: 'inbox',
  value: 'star-full',
  practice: 'tools',
  concept: 'book',
  legacy: 'history',
};

function iconFor(item: FindItem): vscode.ThemeIcon {
  if (item.kind === 'activity' && isActivityId(item.id)) {
    const activity = getActivity(item.id);
    return new vscode.ThemeIcon(activity.icon, new vscode.ThemeColor(activity.colorId));
  }
  return new vscode.ThemeIcon(KIND_ICONS[item.kind as Exclude<FindTargetKind, 'activity'>]);
}

function pickFor(item: FindItem): FindPick {
  const aliases = item.aliases.length > 0 ? ` — ${item.aliases.join(', ')}` : '';
  return { label: item.name, description: `${item.category}${aliases}`, detail: item.summary, iconPath: iconFor(item), item };
}

/**
 * `SVC: Find Activity, Practice or Term…`: a quick pick over the whole model. Names match fuzzily, other
 * names (aliases, abbreviations, old spellings) and categories through the description; picking an item
 * reveals it in its tree (when it has one) and opens its card.
 */
export class FindCommand implements vscode.Disposable {
  private readonly registration: vscode.Disposable;
  /** The picks of the edition they were built for: practices are categorised by their group in it. */
  private picks: { readonly edition: EditionId; readonly items: FindPick[] } | undefined;

  constructor(
    private readonly views: ExplorerViews,
    private readonly details: DetailsPanel,
  ) {
    this.registration = vscode.commands.registerCommand('svc.find', (initialQuery?: unknown) =>
      this.find(typeof initialQuery === 'string' ? initialQuery : ''),
    );
  }

  /** What the quick pick lists now: section separators and one pick per item, for the current edition. */
  allPicks(): readonly FindPick[] {
    const edition = currentEdition();
    if (this.picks?.edition !== edition.id) {
      const items = findItems(edition);
      this.picks = {
        edition: edition.id,
        items: SECTIONS.flatMap((section) => [
          { label: section.label, kind: vscode.QuickPickItemKind.Separator },
          ...items.filter((item) => section.kinds.includes(item.kind)).map(pickFor),
        ]),
      };
    }
    return this.picks.items;
  }

  /** Resolves with the item that was jumped to, or undefined when the pick was dismissed. */
  private find(initialQuery: string): Promise<ItemRef | undefined> {
    const quickPick = vscode.window.createQuickPick<FindPick>();
    quickPick.title = vscode.l10n.t('Find Activity, Practice or Term');
    quickPick.placeholder = vscode.l10n.t('Type a name or abbreviation, e.g. SLM, Design and Transition, Change Management');
    quickPick.matchOnDescription = true;
    // Names match on the label, other names and categories on the description; the one-sentence summary
    // is there to read, not to match, or every definition that mentions a word would crowd the list.
    quickPick.matchOnDetail = false;
    quickPick.items = this.allPicks();
    quickPick.value = initialQuery;
    return new Promise((resolve) => {
      let accepted = false;
      quickPick.onDidAccept(async () => {
        const item = quickPick.selectedItems[0]?.item;
        accepted = true;
        quickPick.hide();
        const chosen: ItemRef | undefined = item ? { kind: item.kind, id: item.id } : undefined;
        if (chosen) await this.jump(chosen);
        resolve(chosen);
      });
      quickPick.onDidHide(() => {
        quickPick.dispose();
        if (!accepted) resolve(undefined);
      });
      quickPick.show();
    });
  }

  private async jump(ref: ItemRef): Promise<void> {
    await this.views.reveal(ref, { select: true, focus: false });
    this.details.show(ref, false);
  }

  dispose(): void {
    this.registration.dispose();
  }
}
