/**
 * How an activity's contributed colour (`svc.activity.*`, which themes and users may override) is referred to: in
 * webview CSS, as classes for pages whose CSP forbids inline styles, and in workbench Markdown.
 */
import { ACTIVITIES, getActivity, type ActivityId } from '../itil';

/**
 * CSS custom property VS Code defines in webviews for an activity's contributed colour, ready to use in
 * `var(...)`. VS Code replaces only the first dot of the colour id (`svc.activity.plan` becomes
 * `--vscode-svc-activity.plan`), so the remaining dots are escaped for CSS.
 */
export function activityColorVariable(activity: ActivityId): string {
  return `--vscode-${getActivity(activity).colorId.replace('.', '-').replace(/\./g, '\\.')}`;
}

/** The class that carries an activity's colour when `cardToHtml` runs with `activityColors: 'class'`. */
export function activityColorClass(activity: ActivityId): string {
  return `svc-activity-${activity}`;
}

/** CSS rules giving each activity class the `--card-accent` and `--chip-color` that inline styles would set. */
export function activityColorCss(): string {
  return ACTIVITIES.map((activity) => {
    const color = `var(${activityColorVariable(activity.id)})`;
    return `.${activityColorClass(activity.id)}{--card-accent:${color};--chip-color:${color};}`;
  }).join('\n');
}

/** The activity's contributed colour as a CSS value inside webviews: follows the theme and the user's colour customizations. */
export function activityColorReference(activity: ActivityId): string {
  return `var(${activityColorVariable(activity)})`;
}

/**
 * The activity's contributed colour as a CSS value in workbench Markdown (hovers, tree tooltips). The
 * workbench, unlike webviews, replaces every dot of the colour id, and its Markdown sanitizer accepts
 * `color:var(--vscode-…)` made of letters, digits and dashes only.
 */
export function workbenchColorReference(activity: ActivityId): string {
  return `var(--vscode-${getActivity(activity).colorId.replace(/\./g, '-')})`;
}
