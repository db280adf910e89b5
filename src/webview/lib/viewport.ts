/**
 * Zoom and pan for a diagram: buttons, Ctrl/Cmd + wheel (around the pointer), plain wheel and drag to pan,
 * keyboard (+, -, 0 to fit, arrows to pan) and fit-to-window. The stage is moved with a CSS transform, so
 * re-rendering the content keeps the view where the user left it.
 */
export interface ViewState {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
  /** The view is an untouched fit: restoring it fits again (the window or the content may have changed). */
  readonly fitted?: boolean;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 8;
const FIT_PADDING = 16;
const DRAG_THRESHOLD = 4;
/**
 * The smallest size, in CSS pixels on screen, that a fit may shrink the diagrams' labels to (VS Code's own smallest
 * interface text). Labels are drawn at 13 px at least (Gantt bars, the value chain picture's terminals; flowchart
 * nodes at 14 px); only secondary text is smaller (the activity under a step's title, the picture's caption).
 */
export const READABLE_TEXT_PX = 11;
const SMALLEST_LABEL_PX = 13;
/** A fit never goes below this zoom: content that does not fit at it is panned (wheel or drag), not shrunk further. */
export const MIN_READABLE_SCALE = READABLE_TEXT_PX / SMALLEST_LABEL_PX;
/** Nor above this one, so that a small diagram in a large panel does not turn into a poster. */
export const MAX_FIT_SCALE = 1.5;

export function isViewState(value: unknown): value is ViewState {
  if (typeof value !== 'object' || value === null) return false;
  const { scale, x, y } = value as Record<string, unknown>;
  return [scale, x, y].every((number) => typeof number === 'number' && Number.isFinite(number)) && (scale as number) >= MIN_SCALE && (scale as number) <= MAX_SCALE;
}

export class ZoomPanViewport {
  private state: ViewState = { scale: 1, x: 0, y: 0 };
  private drag: { pointerId: number; startX: number; startY: number; origin: ViewState; moved: boolean } | undefined;
  private suppressClick = false;
  /** True while the view is a fit the user has not changed: resizes and new content then fit again. */
  private fitted = false;

  /**
   * `fit` decides what "fit to window" means: the whole content (`contain`), or its width, leaving tall
   * content to be panned down (`width`, for stacked diagrams that would otherwise become unreadably small).
   */
  constructor(
    private readonly viewport: HTMLElement,
    private readonly stage: HTMLElement,
    private readonly onChange: (state: ViewState) => void,
    private readonly fitMode: 'contain' | 'width' = 'contain',
  ) {
    viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    viewport.addEventListener('pointermove', (event) => this.onPointerMove(event));
    viewport.addEventListener('pointerup', (event) => this.onPointerUp(event));
    viewport.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    // A drag must not end in a click on the node under the pointer.
    viewport.addEventListener('click', (event) => {
      if (this.suppressClick) {
        event.stopPropagation();
        event.preventDefault();
        this.suppressClick = false;
      }
    }, true);
    viewport.addEventListener('keydown', (event) => this.onKeyDown(event));
    new ResizeObserver(() => this.refit()).observe(viewport);
  }

  get view(): ViewState {
    return this.state;
  }

  /** Shows `state` (a saved view or a user's change); the view is no longer a fit. */
  setView(state: ViewState): void {
    this.fitted = false;
    this.apply(state);
  }

  /** Fits again if the view is still an untouched fit, e.g. after the content changed. */
  refit(): void {
    if (this.fitted) this.fit();
  }

  private apply(state: ViewState): void {
    this.state = { scale: clamp(state.scale, MIN_SCALE, MAX_SCALE), x: state.x, y: state.y };
    this.stage.style.transform = `translate(${this.state.x}px, ${this.state.y}px) scale(${this.state.scale})`;
    this.onChange({ ...this.state, fitted: this.fitted });
  }

  /** Zooms by `factor` keeping the point `center` (viewport coordinates) in place. */
  zoomBy(factor: number, center?: { x: number; y: number }): void {
    const rect = this.viewport.getBoundingClientRect();
    const focus = center ?? { x: rect.width / 2, y: rect.height / 2 };
    const scale = clamp(this.state.scale * factor, MIN_SCALE, MAX_SCALE);
    const ratio = scale / this.state.scale;
    this.setView({ scale, x: focus.x - (focus.x - this.state.x) * ratio, y: focus.y - (focus.y - this.state.y) * ratio });
  }

  /**
   * Scales the content to fill the window (its width, or all of it for `contain`) and centres what fits, between
   * MIN_READABLE_SCALE and MAX_FIT_SCALE: in a narrow panel the text keeps a readable size and the rest is panned
   * to, starting from the top left.
   */
  fit(): void {
    const { width, height } = this.contentSize();
    const rect = this.viewport.getBoundingClientRect();
    if (width === 0 || height === 0 || rect.width === 0 || rect.height === 0) return;
    const widthScale = (rect.width - 2 * FIT_PADDING) / width;
    const heightScale = (rect.height - 2 * FIT_PADDING) / height;
    const scale = clamp(this.fitMode === 'width' ? widthScale : Math.min(widthScale, heightScale), MIN_READABLE_SCALE, MAX_FIT_SCALE);
    const centred = (room: number, size: number) => Math.max(FIT_PADDING, (room - size * scale) / 2);
    this.fitted = true;
    this.apply({ scale, x: centred(rect.width, width), y: this.fitMode === 'width' ? FIT_PADDING : centred(rect.height, height) });
  }

  /** 100 %, content at the top left. */
  actualSize(): void {
    this.setView({ scale: 1, x: FIT_PADDING, y: FIT_PADDING });
  }

  /** Pans so that `element` (inside the stage) is at the top of the viewport. */
  reveal(element: Element): void {
    const stageRect = this.stage.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    const offsetX = (rect.left - stageRect.left) / this.state.scale;
    const offsetY = (rect.top - stageRect.top) / this.state.scale;
    this.setView({ scale: this.state.scale, x: FIT_PADDING - offsetX * this.state.scale, y: FIT_PADDING - offsetY * this.state.scale });
  }

  /**
   * Pans just enough to bring `element` (inside the stage) into view, keeping the zoom; an element larger than
   * the viewport is aligned with its top left corner. Nothing moves when it is already in view. `context` (such as
   * the heading of the element's section) is brought into view with it when both fit.
   */
  ensureVisible(element: Element, context?: Element): void {
    const view = this.viewport.getBoundingClientRect();
    const rect = withContext(element.getBoundingClientRect(), context?.getBoundingClientRect(), view);
    const shift = (start: number, end: number, viewStart: number, viewEnd: number): number => {
      if (start >= viewStart + FIT_PADDING && end <= viewEnd - FIT_PADDING) return 0;
      if (end - start > viewEnd - viewStart - 2 * FIT_PADDING || start < viewStart + FIT_PADDING) return viewStart + FIT_PADDING - start;
      return viewEnd - FIT_PADDING - end;
    };
    const dx = shift(rect.left, rect.right, view.left, view.right);
    const dy = shift(rect.top, rect.bottom, view.top, view.bottom);
    if (dx !== 0 || dy !== 0) this.setView({ scale: this.state.scale, x: this.state.x + dx, y: this.state.y + dy });
  }

  private contentSize(): { width: number; height: number } {
    return { width: this.stage.scrollWidth, height: this.stage.scrollHeight };
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      const rect = this.viewport.getBoundingClientRect();
      this.zoomBy(Math.exp(-event.deltaY * 0.002), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    } else {
      const deltaX = event.shiftKey ? event.deltaY : event.deltaX;
      const deltaY = event.shiftKey ? 0 : event.deltaY;
      this.setView({ ...this.state, x: this.state.x - deltaX, y: this.state.y - deltaY });
    }
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, origin: this.state, moved: false };
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!drag.moved) {
      drag.moved = true;
      this.viewport.setPointerCapture(event.pointerId);
      this.viewport.classList.add('svc-panning');
    }
    this.setView({ ...drag.origin, x: drag.origin.x + dx, y: drag.origin.y + dy });
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    if (drag.moved) {
      this.suppressClick = true;
      this.viewport.releasePointerCapture(event.pointerId);
      this.viewport.classList.remove('svc-panning');
    }
    this.drag = undefined;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.target !== this.viewport) return;
    const step = 40;
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(1.25),
      '=': () => this.zoomBy(1.25),
      '-': () => this.zoomBy(0.8),
      '0': () => this.fit(),
      ArrowLeft: () => this.setView({ ...this.state, x: this.state.x + step }),
      ArrowRight: () => this.setView({ ...this.state, x: this.state.x - step }),
      ArrowUp: () => this.setView({ ...this.state, y: this.state.y + step }),
      ArrowDown: () => this.setView({ ...this.state, y: this.state.y - step }),
    };
    const action = actions[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      action();
    }
  }
}

type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;

/** The box around `rect` and `context` when it fits in `view` (less the padding), else `rect` alone. */
function withContext(rect: Box, context: Box | undefined, view: Box): Box {
  if (!context) return rect;
  const union = { left: Math.min(rect.left, context.left), top: Math.min(rect.top, context.top), right: Math.max(rect.right, context.right), bottom: Math.max(rect.bottom, context.bottom) };
  const fits = union.right - union.left <= view.right - view.left - 2 * FIT_PADDING && union.bottom - union.top <= view.bottom - view.top - 2 * FIT_PADDING;
  return fits ? union : rect;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
