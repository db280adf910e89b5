import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIVITIES, type ActivityPalette } from '../../src/model/itil/activities';

interface ContributedColor {
  readonly id: string;
  readonly defaults: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { colors: ContributedColor[] };
};

/** Backgrounds the tree, hovers and webviews sit on in VS Code's default themes of each kind. */
const BACKGROUNDS: Record<keyof ActivityPalette, readonly string[]> = {
  light: ['#ffffff', '#f3f3f3', '#f8f8f8'],
  dark: ['#1e1e1e', '#252526', '#181818', '#1f1f1f'],
  highContrast: ['#000000'],
  highContrastLight: ['#ffffff'],
};

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255) as [number, number, number];
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** CIE L*a*b* distance (ΔE 1976): above ~20 two colours are told apart at a glance. */
function colorDistance(a: string, b: string): number {
  const lab = (hex: string): number[] => {
    const [r, g, bl] = channels(hex).map((value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    const xyz = [(r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047, r * 0.2126 + g * 0.7152 + bl * 0.0722, (r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883];
    const [fx, fy, fz] = xyz.map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)) as [number, number, number];
    return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
  };
  const [la, aa, ba] = lab(a) as [number, number, number];
  const [lb, ab, bb] = lab(b) as [number, number, number];
  return Math.hypot(la - lb, aa - ab, ba - bb);
}

const THEME_KINDS = Object.keys(BACKGROUNDS) as (keyof ActivityPalette)[];

suite('Activity colours', () => {
  test('package.json contributes exactly the model palette for every activity', () => {
    for (const activity of ACTIVITIES) {
      const contributed = manifest.contributes.colors.find((color) => color.id === activity.colorId);
      assert.ok(contributed, activity.colorId);
      assert.deepEqual(contributed.defaults, { ...activity.palette }, activity.colorId);
    }
  });

  test('each colour reads as text on its theme kind (WCAG AA, 4.5:1)', () => {
    for (const activity of ACTIVITIES) {
      for (const kind of THEME_KINDS) {
        for (const background of BACKGROUNDS[kind]) {
          const ratio = contrastRatio(activity.palette[kind], background);
          assert.ok(ratio >= 4.5, `${activity.name} ${kind} ${activity.palette[kind]} on ${background}: ${ratio.toFixed(2)}`);
        }
      }
    }
  });

  test('the six colours stay distinguishable from each other on every theme kind', () => {
    for (const kind of THEME_KINDS) {
      for (const [index, first] of ACTIVITIES.entries()) {
        for (const second of ACTIVITIES.slice(index + 1)) {
          const distance = colorDistance(first.palette[kind], second.palette[kind]);
          assert.ok(distance >= 20, `${first.name} vs ${second.name} (${kind}): ΔE ${distance.toFixed(1)}`);
        }
      }
    }
  });
});
