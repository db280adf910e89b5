/**
 * The colours a diagram is drawn with, and the one print-safe palette that every export in the `light` export
 * theme uses (Mermaid diagrams and the value chain picture alike): dark text and grey lines on white, so a
 * diagram exported from a dark editor still prints and reads on a light page.
 */

/** Resolved colours (`#rrggbb`) and a font family: what a standalone image needs, since it has no theme variables. */
export interface DiagramPalette {
  readonly background: string;
  readonly foreground: string;
  /** Secondary text and the lines between nodes. */
  readonly muted: string;
  /** Fills of neutral boxes (terminals, bars without an activity). */
  readonly widget: string;
  readonly border: string;
  /** Fills of groups (subgraphs, frames, Gantt sections). */
  readonly cluster: string;
  readonly fontFamily: string;
}

export const PRINT_PALETTE: DiagramPalette = {
  background: '#ffffff',
  foreground: '#1f1f1f',
  muted: '#616161',
  widget: '#f3f3f3',
  border: '#c8c8c8',
  cluster: '#f8f8f8',
  fontFamily: "system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
};
