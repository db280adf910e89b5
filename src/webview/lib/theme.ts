/**
 * The VS Code theme as the diagrams see it: the theme kind from the body class VS Code sets on every webview
 * (and on the Markdown preview), the activity colours from the contributed colour variables (so theme
 * overrides apply) and Mermaid's theme variables from the `--vscode-*` variables of the current theme.
 */
import type { MermaidConfig } from 'mermaid';
import { ACTIVITIES, type ActivityId } from '../../model/itil';
import { activityColorVariable } from '../../model/cards';
import { PRINT_PALETTE, type DiagramPalette } from '../../model/diagrams';
import { defaultActivityColors, isHexColor, type ActivityColors, type ThemeKind } from '../../model/diagrams/mermaid/mermaidText';

export function currentThemeKind(body: HTMLElement = document.body): ThemeKind {
  const classes = body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'highContrastLight';
  if (classes.contains('vscode-high-contrast')) return 'highContrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || getComputedStyle(document.body).getPropertyValue(name).trim();
}

/** `#rrggbb` for a CSS colour VS Code writes as hex (possibly with alpha, blended over `background`). */
function opaqueHex(color: string, background: string): string | undefined {
  if (!isHexColor(color)) return undefined;
  const digits = color.slice(1);
  const full = digits.length === 3 ? digits.replace(/./g, (digit) => digit + digit) : digits;
  if (full.length === 6) return `#${full.toLowerCase()}`;
  const alpha = parseInt(full.slice(6, 8), 16) / 255;
  const base = opaqueHex(background, '#ffffff') ?? '#ffffff';
  const channel = (offset: number) => {
    const mixed = Math.round(parseInt(full.slice(offset, offset + 2), 16) * alpha + parseInt(base.slice(1 + offset, 3 + offset), 16) * (1 - alpha));
    return mixed.toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(2)}${channel(4)}`;
}

/** The theme's colour for each activity, falling back to the model's palette for the theme kind. */
export function readActivityColors(kind: ThemeKind): ActivityColors {
  const fallback = defaultActivityColors(kind);
  const background = editorColors(kind).background;
  // activityColorVariable escapes the dots for CSS text; the style API takes the property's plain name.
  const read = (activity: ActivityId) => cssVariable(activityColorVariable(activity).replace(/\\/g, ''));
  return Object.fromEntries(ACTIVITIES.map((activity) => [activity.id, opaqueHex(read(activity.id), background) ?? fallback[activity.id]])) as Record<ActivityId, string>;
}

export type EditorColors = DiagramPalette;

const FALLBACK: Readonly<Record<ThemeKind, Omit<EditorColors, 'fontFamily'>>> = {
  light: PRINT_PALETTE,
  dark: { background: '#1f1f1f', foreground: '#cccccc', muted: '#9d9d9d', widget: '#252526', border: '#454545', cluster: '#252526' },
  highContrast: { background: '#000000', foreground: '#ffffff', muted: '#ffffff', widget: '#0c141f', border: '#6fc3df', cluster: '#000000' },
  highContrastLight: { background: '#ffffff', foreground: '#292929', muted: '#292929', widget: '#ffffff', border: '#0f4a85', cluster: '#ffffff' },
};

/** The editor colours the diagrams are drawn with (also the background of exported images). */
export function editorColors(kind: ThemeKind): EditorColors {
  const fallback = FALLBACK[kind];
  const background = opaqueHex(cssVariable('--vscode-editor-background'), fallback.background) ?? fallback.background;
  const read = (variable: string, fallbackColor: string) => opaqueHex(cssVariable(variable), background) ?? fallbackColor;
  const highContrast = kind === 'highContrast' || kind === 'highContrastLight';
  return {
    background,
    foreground: read('--vscode-editor-foreground', fallback.foreground),
    muted: read('--vscode-descriptionForeground', fallback.muted),
    widget: read('--vscode-editorWidget-background', fallback.widget),
    border: highContrast ? read('--vscode-contrastBorder', fallback.border) : read('--vscode-editorWidget-border', fallback.border),
    cluster: read('--vscode-sideBar-background', fallback.cluster),
    fontFamily: cssVariable('--vscode-font-family') || 'system-ui, sans-serif',
  };
}

/** The print-safe palette of exports in the `light` export theme, in the editor's font. */
export function printColors(): EditorColors {
  return { ...PRINT_PALETTE, fontFamily: cssVariable('--vscode-font-family') || PRINT_PALETTE.fontFamily };
}

/**
 * Mermaid's configuration: the `base` theme with variables taken from VS Code's current theme, or from `colors`
 * (the print-safe palette of a light export).
 */
export function mermaidConfig(kind: ThemeKind, colors: EditorColors = editorColors(kind)): MermaidConfig {
  const dark = kind === 'dark' || kind === 'highContrast';
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    darkMode: dark,
    fontFamily: colors.fontFamily,
    htmlLabels: true,
    // Mermaid 12 defaults to ELK, which is not bundled (see esbuild.mjs); dagre is the classic layout.
    layout: 'dagre',
    suppressErrorRendering: true,
    flowchart: { useMaxWidth: false, padding: 12, nodeSpacing: 40, rankSpacing: 60, wrappingWidth: 220 },
    gantt: { useMaxWidth: false, barHeight: 24, barGap: 6, topPadding: 56, leftPadding: 90, fontSize: 13, sectionFontSize: 13, numberSectionStyles: 2 },
    themeVariables: {
      darkMode: dark,
      fontFamily: colors.fontFamily,
      fontSize: '14px',
      background: colors.background,
      primaryColor: colors.widget,
      primaryTextColor: colors.foreground,
      primaryBorderColor: colors.border,
      secondaryColor: colors.widget,
      tertiaryColor: colors.cluster,
      lineColor: colors.muted,
      textColor: colors.foreground,
      titleColor: colors.foreground,
      clusterBkg: colors.cluster,
      clusterBorder: colors.border,
      edgeLabelBackground: colors.background,
      sectionBkgColor: colors.cluster,
      altSectionBkgColor: colors.background,
      sectionBkgColor2: colors.cluster,
      gridColor: colors.border,
      taskBkgColor: colors.widget,
      taskBorderColor: colors.border,
      taskTextColor: colors.foreground,
      taskTextLightColor: colors.foreground,
      taskTextDarkColor: colors.foreground,
      taskTextOutsideColor: colors.foreground,
      taskTextClickableColor: colors.foreground,
      doneTaskBkgColor: colors.widget,
      doneTaskBorderColor: colors.border,
      activeTaskBkgColor: colors.widget,
      activeTaskBorderColor: colors.border,
      critBkgColor: colors.widget,
      critBorderColor: colors.border,
      todayLineColor: colors.muted,
    },
  };
}

/** Calls `onChange` whenever VS Code switches the theme (it rewrites the body's classes). */
export function observeThemeChanges(onChange: () => void): MutationObserver {
  let lastKind = currentThemeKind();
  let lastStyle = document.documentElement.getAttribute('style');
  const observer = new MutationObserver(() => {
    const kind = currentThemeKind();
    const style = document.documentElement.getAttribute('style');
    if (kind === lastKind && style === lastStyle) return;
    lastKind = kind;
    lastStyle = style;
    onChange();
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  return observer;
}
