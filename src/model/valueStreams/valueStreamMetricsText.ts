/**
 * The value-stream metrics in words and numbers, the same wherever they are shown (preview strip, hovers, the
 * Value Streams view, `svc-check metrics`, exports): the time unit a stream is measured in, figures rounded
 * for reading, shares as percentages, and the one-line summary.
 */
import { getActivity } from '../itil';
import { TIME_UNITS, type MetricsFigure, type StepMetrics, type TimeUnit, type ValueStreamMetrics } from './valueStreamTypes';

const SINGULAR: Readonly<Record<TimeUnit | 'units', string>> = {
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
  weeks: 'week',
  months: 'month',
  units: 'unit',
};

/** The unit a writer means by `text`, singular or plural, in any case ("Day", "days"); undefined otherwise. */
export function resolveTimeUnit(text: string): TimeUnit | undefined {
  const written = text.trim().toLowerCase();
  return TIME_UNITS.find((unit) => unit === written || SINGULAR[unit] === written);
}

/** A figure for reading: at most two decimals, no exponent, no "-0". */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 100) / 100 || 0;
  // String() is many times faster than Intl, and writes plain digits below 1e21; every step's timing is worded.
  return Math.abs(rounded) < 1e21 ? String(rounded) : rounded.toLocaleString('en-US', { useGrouping: false });
}

/** A time with its unit: "6 days", "1 day", "2.5 hours", "3 units" for a stream without a unit. */
export function formatTime(value: number, unit: TimeUnit | undefined): string {
  const figure = formatFigure(value);
  const plural = unit ?? 'units';
  return `${figure} ${figure === '1' ? SINGULAR[plural] : plural}`;
}

/** The label of a time axis: "days", or "relative units" for a stream without a unit. */
export function timeAxisLabel(unit: TimeUnit | undefined): string {
  return unit ?? 'relative units';
}

/**
 * A share as a percentage: whole per cent, except that a share just short of all (or just above none) keeps one
 * decimal, so "100%" and "0%" are only ever exact; "—" when there is no share (an empty stream).
 */
export function formatShare(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '—';
  const percent = fraction * 100;
  const whole = Math.round(percent);
  // The 1e-9 keeps 99.8 (which the multiplication may make 99.79999…) from dropping to 99.7.
  if (whole === 100 && fraction < 1) return `${formatFigure(Math.floor(percent * 10 + 1e-9) / 10)}%`;
  if (whole === 0 && fraction > 0) return `${formatFigure(Math.ceil(percent * 10 - 1e-9) / 10)}%`;
  return `${whole}%`;
}

/** The critical chains as "plan → engage → deliver; improve", with how many more there are when not all are listed. */
export function criticalPathText(metrics: Pick<ValueStreamMetrics, 'criticalChains' | 'criticalChainCount'>): string {
  if (metrics.criticalChains.length === 0) return 'none';
  const listed = metrics.criticalChains.map((chain) => chain.join(' → ')).join('; ');
  const more = metrics.criticalChainCount - metrics.criticalChains.length;
  return more > 0 ? `${listed}; and ${more} more tied chain${more === 1 ? '' : 's'}` : listed;
}

/** "Lead time 6 days · work 8 days · waiting 0 days · flow efficiency 100%". */
export function metricsSummary(metrics: Pick<ValueStreamMetrics, 'leadTime' | 'workTime' | 'waiting' | 'flowEfficiency'>, unit: TimeUnit | undefined): string {
  return [
    `Lead time ${formatTime(metrics.leadTime, unit)}`,
    `work ${formatTime(metrics.workTime, unit)}`,
    `waiting ${formatTime(metrics.waiting, unit)}`,
    `flow efficiency ${formatShare(metrics.flowEfficiency)}`,
  ].join(' · ');
}

/** "Engage 1 day · Deliver & Support 2 days", in the value chain's order. */
export function activityTimesText(metrics: Pick<ValueStreamMetrics, 'byActivity'>, unit: TimeUnit | undefined): string {
  return metrics.byActivity.map((entry) => `${getActivity(entry.activity).name} ${formatTime(entry.workTime, unit)}`).join(' · ');
}

/** The figures of a stream in the order the hover, the Value Streams view and the preview's strip list them. */
export function metricsFigures(
  metrics: Pick<ValueStreamMetrics, 'leadTime' | 'workTime' | 'waiting' | 'flowEfficiency' | 'criticalChains' | 'criticalChainCount' | 'byActivity'>,
  unit: TimeUnit | undefined,
): MetricsFigure[] {
  const figures: MetricsFigure[] = [
    { kind: 'leadTime', label: 'Lead time', value: formatTime(metrics.leadTime, unit) },
    { kind: 'workTime', label: 'Work', value: formatTime(metrics.workTime, unit) },
    { kind: 'waiting', label: 'Waiting', value: formatTime(metrics.waiting, unit) },
    { kind: 'flowEfficiency', label: 'Flow efficiency', value: formatShare(metrics.flowEfficiency) },
    { kind: 'criticalPath', label: 'Critical path', value: criticalPathText(metrics) },
  ];
  if (metrics.byActivity.length > 0) figures.push({ kind: 'byActivity', label: 'Time per activity', value: activityTimesText(metrics, unit) });
  return figures;
}

/** When a step runs and how much it may slip: "0 to 2 days · critical", "1 to 2 days · slack 3 days". */
export function stepTimingText(step: Pick<StepMetrics, 'start' | 'end' | 'slack' | 'critical'>, unit: TimeUnit | undefined): string {
  const slip = step.critical ? 'critical' : `slack ${formatTime(step.slack, unit)}`;
  return `${formatFigure(step.start)} to ${formatTime(step.end, unit)} · ${slip}`;
}
