/**
 * The strip of figures above the value-stream diagrams (lead time, work, waiting, flow efficiency, critical path,
 * time per activity) and its what-if: pick a step, type another duration, and the figures show the new values
 * beside the written ones while the diagrams redraw; Apply asks the host to write the tried durations, Reset
 * forgets them. One stream at a time, picked here or by selecting a step in a diagram or in the source.
 */
import { isTriedDuration } from '../../model/diagrams/diagramProtocol';
import { formatTime, timeAxisLabel } from '../../model/valueStreams/valueStreamMetricsText';
import type { ValueStream } from '../../model/valueStreams/valueStreamTypes';
import { localized } from './host';

export interface StripState {
  /** The streams as the diagrams show them, tried durations included. */
  readonly shown: readonly ValueStream[];
  /** The streams as written. */
  readonly written: readonly ValueStream[];
  readonly streamIndex: number;
  readonly stepIndex: number | undefined;
  /** Durations tried in the shown stream, by step position. */
  readonly tried: ReadonlyMap<number, number>;
}

export interface StripActions {
  pickStream(streamIndex: number): void;
  pickStep(stepIndex: number): void;
  /** `undefined`: back to the written duration. */
  tryDuration(stepIndex: number, duration: number | undefined): void;
  apply(): void;
  reset(): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  if (text) created.textContent = text;
  return created;
}

function option(value: number, text: string): HTMLOptionElement {
  const created = document.createElement('option');
  created.value = String(value);
  created.textContent = text;
  return created;
}

export class MetricsStrip {
  private readonly streamPicker = element('select', 'svc-metrics-stream');
  private readonly streamName = element('h2', 'svc-metrics-name');
  private readonly figures = element('dl', 'svc-figures');
  private readonly stepPicker = element('select', 'svc-whatif-step');
  private readonly duration = element('input', 'svc-whatif-duration');
  private readonly unit = element('span', 'svc-whatif-unit');
  private readonly applyButton = element('button', 'svc-button svc-whatif-apply', localized('apply', 'Apply'));
  private readonly resetButton = element('button', 'svc-button svc-whatif-reset', localized('reset', 'Reset'));
  private readonly status = element('p', 'svc-whatif-status');
  private state: StripState | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: StripActions,
  ) {
    const head = element('div', 'svc-metrics-head');
    this.streamPicker.setAttribute('aria-label', localized('stream', 'Value stream'));
    head.append(this.streamName, this.streamPicker);

    const whatIf = element('div', 'svc-whatif');
    whatIf.setAttribute('role', 'group');
    whatIf.setAttribute('aria-label', localized('whatIfGroup', 'Try another duration for a step'));
    const stepLabel = element('label', 'svc-whatif-label', localized('whatIf', 'What if'));
    stepLabel.htmlFor = this.stepPicker.id = 'svc-whatif-step';
    const durationLabel = element('label', 'svc-whatif-label', localized('took', 'took'));
    durationLabel.htmlFor = this.duration.id = 'svc-whatif-duration';
    this.duration.type = 'number';
    this.duration.min = '0';
    this.duration.step = 'any';
    this.duration.inputMode = 'decimal';
    this.duration.setAttribute('aria-describedby', 'svc-whatif-unit svc-whatif-status');
    this.unit.id = 'svc-whatif-unit';
    this.status.id = 'svc-whatif-status';
    this.status.setAttribute('aria-live', 'polite');
    for (const [button, title] of [
      [this.applyButton, localized('applyTitle', 'Write the tried durations into the document (undo with Ctrl+Z)')],
      [this.resetButton, localized('resetTitle', 'Forget the tried durations')],
    ] as const) {
      button.type = 'button';
      button.title = title;
    }
    // Kept together when the row wraps: the number with its unit, the two buttons.
    const amount = element('span', 'svc-whatif-group');
    amount.append(durationLabel, this.duration, this.unit);
    const buttons = element('span', 'svc-whatif-group');
    buttons.append(this.applyButton, this.resetButton);
    whatIf.append(stepLabel, this.stepPicker, amount, buttons);
    root.replaceChildren(head, this.figures, whatIf, this.status);

    this.streamPicker.addEventListener('change', () => actions.pickStream(Number(this.streamPicker.value)));
    this.stepPicker.addEventListener('change', () => actions.pickStep(Number(this.stepPicker.value)));
    this.duration.addEventListener('input', () => this.onDurationInput());
    this.applyButton.addEventListener('click', () => actions.apply());
    this.resetButton.addEventListener('click', () => actions.reset());
  }

  /** What the strip says, as a reader would read it. */
  get text(): string {
    return this.root.hidden ? '' : (this.root.innerText || (this.root.textContent ?? ''));
  }

  show(state: StripState): void {
    this.state = state;
    const shown = state.shown[state.streamIndex];
    const written = state.written[state.streamIndex];
    this.root.hidden = !shown || !written || shown.steps.length === 0;
    if (!shown || !written || this.root.hidden) return;

    this.streamName.textContent = shown.name;
    this.streamName.hidden = state.shown.length > 1;
    this.streamPicker.hidden = state.shown.length <= 1;
    this.streamPicker.replaceChildren(...state.shown.map((stream, index) => option(index, stream.name || `${index + 1}`)));
    this.streamPicker.value = String(state.streamIndex);

    const before = written.metrics.figures;
    this.figures.replaceChildren(
      ...shown.metrics.figures.map((figure, index) => {
        const entry = element('div', 'svc-figure');
        const value = element('dd', 'svc-figure-value', figure.value);
        const previous = before[index]?.value;
        if (state.tried.size > 0 && previous !== undefined && previous !== figure.value) {
          entry.classList.add('svc-figure-changed');
          // The time per activity is a list: the rule beside it says it changed, the list itself says how.
          if (figure.kind !== 'byActivity') value.append(' ', element('span', 'svc-was', `(${localized('was', 'was {0}').replace('{0}', previous)})`));
        }
        const label = element('dt', 'svc-figure-label', figure.label);
        // A key to the diagrams: the critical path is drawn with this heavier outline.
        if (figure.kind === 'criticalPath') label.prepend(element('span', 'svc-critical-key'));
        entry.append(label, value);
        return entry;
      }),
    );

    this.stepPicker.replaceChildren(...shown.steps.map((step, index) => option(index, step.title && step.title !== step.id ? `${step.title} (${step.id})` : step.id)));
    const stepIndex = state.stepIndex !== undefined && state.stepIndex < shown.steps.length ? state.stepIndex : 0;
    this.stepPicker.value = String(stepIndex);
    // Never overwrite what the user is typing.
    if (document.activeElement !== this.duration) {
      this.duration.value = String(state.tried.get(stepIndex) ?? written.steps[stepIndex]?.duration ?? '');
      this.duration.removeAttribute('aria-invalid');
    }
    this.unit.textContent = timeAxisLabel(shown.unit);
    this.applyButton.disabled = this.resetButton.disabled = state.tried.size === 0;
    this.say(this.triedText(shown, written, state.tried));
  }

  private triedText(shown: ValueStream, written: ValueStream, tried: ReadonlyMap<number, number>): string {
    if (tried.size === 0) return '';
    const steps = [...tried].map(([index, duration]) => {
      const was = written.steps[index]?.duration;
      return `${shown.steps[index]?.id ?? index} ${formatTime(duration, shown.unit)}${was === undefined ? '' : ` (${localized('was', 'was {0}').replace('{0}', formatTime(was, shown.unit))})`}`;
    });
    const lead = shown.metrics.figures[0];
    return `${localized('trying', 'Trying {0}.').replace('{0}', steps.join(', '))} ${lead ? `${lead.label} ${lead.value}.` : ''}`.trim();
  }

  /** Changes the live status only when its text changes, so screen readers hear each change once. */
  private say(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private onDurationInput(): void {
    const state = this.state;
    if (!state) return;
    const stepIndex = Number(this.stepPicker.value);
    const typed = this.duration.value.trim();
    if (typed === '') {
      this.actions.tryDuration(stepIndex, undefined);
      return;
    }
    const value = Number(typed);
    if (!isTriedDuration(value)) {
      this.duration.setAttribute('aria-invalid', 'true');
      this.say(localized('durationInvalid', 'A duration is a number above 0.'));
      return;
    }
    this.duration.removeAttribute('aria-invalid');
    const written = state.written[state.streamIndex]?.steps[stepIndex]?.duration;
    this.actions.tryDuration(stepIndex, value === written ? undefined : value);
  }
}
