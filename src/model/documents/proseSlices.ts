/**
 * A long document cut into slices that can be read for prose one at a time, so that checking it never holds
 * the editor for long: each slice ends at a blank line outside fenced code, outside a disabled region and
 * outside an HTML comment, with its inline code closed, where no Markdown construct continues into the next
 * slice. The prose of a slice is the prose of the whole document in that slice.
 */
import { fencedBlocks } from './fences';
import { frontMatter } from './frontMatter';
import { disabledRegions, proseRanges, type ProseFormat } from './proseRanges';
import type { TextRange } from './textRange';

/** About how much text one slice holds: a couple of milliseconds of checking. */
export const SLICE_SIZE = 64 * 1024;
/** A slice may grow this many times past its size looking for a clean end (odd backticks); then it ends anyway. */
const GROWTH_LIMIT = 8;

const BLANK_LINE = /\n[ \t]*\r?\n/g;

export class ProseSlices {
  /** Front matter, fenced code and disabled regions, which no slice may end in: found on the first slice of a long text. */
  private closed: readonly TextRange[] | undefined;
  private closedIndex = 0;
  private cursor = 0;

  /** `text` is read slice by slice from its start; a Markdown file switched off (`svc: off`) has no slice. */
  constructor(
    private readonly text: string,
    private readonly format: ProseFormat,
    private readonly size = SLICE_SIZE,
  ) {
    if (format === 'markdown' && frontMatter(text)?.svcOff) this.cursor = text.length;
  }

  get done(): boolean {
    return this.cursor >= this.text.length;
  }

  /** The prose of the next slice, as ranges of the whole text; empty once every slice is read. */
  next(): TextRange[] {
    if (this.done) return [];
    const start = this.cursor;
    const end = this.sliceEnd(start);
    this.cursor = end;
    if (start === 0 && end === this.text.length) return proseRanges(this.text, this.format);
    return proseRanges(this.text.slice(start, end), this.format).map((range) => ({ start: range.start + start, end: range.end + start }));
  }

  private sliceEnd(start: number): number {
    if (this.text.length - start <= this.size) return this.text.length;
    const inline = new InlineState(this.text, start);
    BLANK_LINE.lastIndex = start + this.size;
    for (;;) {
      const blank = BLANK_LINE.exec(this.text);
      if (!blank) return this.text.length;
      const end = blank.index + blank[0].length;
      inline.readTo(end);
      if (this.isCleanEnd(end, inline) || end - start > this.size * GROWTH_LIMIT) return end;
    }
  }

  private closedRegions(): TextRange[] {
    if (this.format === 'plaintext') return disabledRegions(this.text);
    const metadata = frontMatter(this.text);
    return [...(metadata ? [metadata.range] : []), ...fencedBlocks(this.text).map((block) => block.range), ...disabledRegions(this.text)].sort((a, b) => a.start - b.start);
  }

  private isCleanEnd(end: number, inline: InlineState): boolean {
    this.closed ??= this.closedRegions();
    while (this.closedIndex < this.closed.length && this.closed[this.closedIndex].end <= end) this.closedIndex++;
    const region = this.closed[this.closedIndex];
    if (region && region.start < end) return false;
    // Front matter is only read at the top of the text; a slice that starts with "---" could be taken for it.
    if (this.text.startsWith('---', end)) return false;
    return !inline.inComment && (this.format === 'plaintext' || inline.backticks % 2 === 0);
  }
}

/** Whether the text read so far leaves an HTML comment open, and how many backticks it holds. */
class InlineState {
  inComment = false;
  backticks = 0;

  constructor(
    private readonly text: string,
    private position: number,
  ) {}

  readTo(end: number): void {
    const { text } = this;
    for (let index = text.indexOf('`', this.position); index >= 0 && index < end; index = text.indexOf('`', index + 1)) this.backticks++;
    let index = this.position;
    while (index < end) {
      const next = text.indexOf(this.inComment ? '-->' : '<!--', index);
      if (next < 0 || next >= end) break;
      this.inComment = !this.inComment;
      index = next + 3;
    }
    this.position = Math.max(this.position, end);
  }
}

