import * as assert from 'node:assert/strict';
import { ACTIVITIES } from '../../src/model/itil';
import { activityColorVariable } from '../../src/model/cards';
import { valueChainDescription, valueChainFlowchart } from '../../src/model/diagrams/mermaid';
import { VALUE_CHAIN_LAYOUT, type Box, type Point } from '../../src/model/diagrams/valueChain';
import { ACCENT_WIDTH, labelFontSize, printPaint, themedPaint, valueChainSvg } from '../../src/model/diagrams/valueChain';

const layout = VALUE_CHAIN_LAYOUT;

/** The links the Mermaid flowchart draws (`A --> B & C`, `A <--> B`), as "from-to" with their kind. */
function mermaidLinks(): string[] {
  return valueChainFlowchart('stylesheet')
    .source.split('\n')
    .flatMap((line) => {
      const match = /^\s*(\w+) (<?-->) (.+)$/.exec(line);
      if (!match) return [];
      const [, from, arrow, targets] = match;
      return targets.split(' & ').map((to) => `${from}-${to.trim()} ${arrow === '<-->' ? 'two-way' : 'one-way'}`);
    })
    .sort();
}

function boxOf(nodeId: string): Box {
  const node = layout.nodes.find((candidate) => candidate.nodeId === nodeId);
  assert.ok(node, nodeId);
  return node.box;
}

function segments(points: readonly Point[]): (readonly [Point, Point])[] {
  return points.slice(1).map((end, index) => [points[index], end] as const);
}

/** Whether the axis-parallel segment a–b enters the inside of `box` (touching its edge does not count). */
function entersBox([a, b]: readonly [Point, Point], box: Box): boolean {
  const inside = 0.5;
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return right > box.x + inside && left < box.x + box.width - inside && bottom > box.y + inside && top < box.y + box.height - inside;
}

function onEdge(point: Point, box: Box): boolean {
  const withinX = point.x >= box.x && point.x <= box.x + box.width;
  const withinY = point.y >= box.y && point.y <= box.y + box.height;
  return (withinY && (point.x === box.x || point.x === box.x + box.width)) || (withinX && (point.y === box.y || point.y === box.y + box.height));
}

const isHorizontal = ([a, b]: readonly [Point, Point]) => a.y === b.y;
const isVertical = ([a, b]: readonly [Point, Point]) => a.x === b.x;

/** A crossing: a horizontal and a vertical segment meeting strictly inside both (joins and shared lines are not). */
function crosses(first: readonly [Point, Point], second: readonly [Point, Point]): boolean {
  const pair = isHorizontal(first) && isVertical(second) ? [first, second] : isHorizontal(second) && isVertical(first) ? [second, first] : undefined;
  if (!pair) return false;
  const [[left, right], [top, bottom]] = pair;
  const strictly = (value: number, p: number, q: number) => value > Math.min(p, q) && value < Math.max(p, q);
  return strictly(top.x, left.x, right.x) && strictly(left.y, top.y, bottom.y);
}

/** Whether `point` lies on the axis-parallel segment, ends included. */
function liesOn(point: Point, [a, b]: readonly [Point, Point]): boolean {
  return point.x >= Math.min(a.x, b.x) && point.x <= Math.max(a.x, b.x) && point.y >= Math.min(a.y, b.y) && point.y <= Math.max(a.y, b.y);
}

function strictlyInside(point: Point, box: Box): boolean {
  return point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;
}

/**
 * A generous estimate of a label's width: wider per character than DejaVu Sans, the widest of the usual
 * interface fonts (about 0.6 em bold, 0.53 em regular in Chromium), so the estimate holds for any of them.
 */
function estimatedWidth(text: string, fontSize: number, bold: boolean): number {
  return text.length * fontSize * (bold ? 0.64 : 0.58);
}

suite('The value chain picture', () => {
  test('it draws every link of the Mermaid flowchart, each exactly once, as one path', () => {
    const drawn = layout.links.map((link) => `${link.from}-${link.to} ${link.twoWay ? 'two-way' : 'one-way'}`).sort();
    assert.deepEqual(drawn, mermaidLinks());
    assert.equal(new Set(drawn).size, drawn.length);
    const paths = [...valueChainSvg(printPaint()).matchAll(/data-link="([^"]+)"/g)].map((match) => match[1]).sort();
    assert.deepEqual(paths, layout.links.map((link) => `${link.from}-${link.to}`).sort());
  });

  test('the nodes are the flowchart’s, in its order, with demand left of the activities and value right of them', () => {
    const { nodes } = valueChainFlowchart('stylesheet');
    assert.deepEqual(
      layout.nodes.map((node) => [node.nodeId, node.lines.join(' ')]),
      nodes.map((node) => [node.nodeId, node.label]),
    );
    const [demand, value] = [boxOf('D'), boxOf('VAL')];
    const columns = (ids: readonly string[]) => new Set(ids.map((id) => boxOf(id).x));
    assert.equal(columns(['PL', 'IM', 'EN']).size, 1, 'the entry activities share a column');
    assert.equal(columns(['DT', 'OB', 'DS']).size, 1, 'the other activities share a column');
    assert.ok(demand.x + demand.width < boxOf('PL').x && boxOf('PL').x < boxOf('DT').x && boxOf('DT').x + boxOf('DT').width < value.x);
  });

  test('every link runs along right angles from the edge of its first box to the edge of its last', () => {
    for (const link of layout.links) {
      const name = `${link.from}-${link.to}`;
      assert.ok(onEdge(link.points[0], boxOf(link.from)), `${name} starts on ${link.from}`);
      assert.ok(onEdge(link.points[link.points.length - 1], boxOf(link.to)), `${name} ends on ${link.to}`);
      for (const [a, b] of segments(link.points)) assert.ok((a.x === b.x) !== (a.y === b.y), `${name}: ${JSON.stringify([a, b])} is horizontal or vertical`);
    }
  });

  test('no line passes under a box, its own boxes included', () => {
    for (const link of layout.links) {
      for (const segment of segments(link.points)) {
        for (const node of layout.nodes) {
          assert.ok(!entersBox(segment, node.box), `${link.from}-${link.to} runs under ${node.nodeId} at ${JSON.stringify(segment)}`);
        }
      }
    }
  });

  test('no two lines cross: they only join, and the joins are marked', () => {
    const all = layout.links.flatMap((link) => segments(link.points).map((segment) => ({ link, segment })));
    for (const first of all) {
      for (const second of all) {
        if (first.link === second.link) continue;
        assert.ok(!crosses(first.segment, second.segment), `${first.link.from}-${first.link.to} crosses ${second.link.from}-${second.link.to}`);
      }
    }
    assert.ok(layout.junctions.length > 0);
    for (const junction of layout.junctions) {
      const through = layout.links.filter((link) => segments(link.points).some((segment) => liesOn(junction, segment)));
      assert.ok(through.length >= 2, `the junction at ${JSON.stringify(junction)} joins several links`);
    }
  });

  test('every link ends in an arrowhead pointing into its box, two-way links at both ends', () => {
    const headAt = (tip: Point, box: Box) =>
      layout.arrowheads.some((head) => head.tip.x === tip.x && head.tip.y === tip.y && strictlyInside({ x: tip.x + head.direction.x, y: tip.y + head.direction.y }, box));
    for (const link of layout.links) {
      assert.ok(headAt(link.points[link.points.length - 1], boxOf(link.to)), `${link.from}-${link.to} points into ${link.to}`);
      assert.equal(headAt(link.points[0], boxOf(link.from)), link.twoWay, `${link.from}-${link.to} at ${link.from}`);
    }
  });

  test('every label fits its box at the picture’s font size, whatever the interface font', () => {
    for (const node of layout.nodes) {
      const size = labelFontSize(node);
      const room = node.kind === 'activity' ? node.box.width - ACCENT_WIDTH - 2 * 8 : node.box.width - 2 * 12;
      for (const line of node.lines) {
        assert.ok(estimatedWidth(line, size, node.kind === 'activity') <= room, `${node.nodeId}: “${line}” in ${room} units`);
      }
      assert.ok(node.lines.length * 17 <= node.box.height - 2 * 8, `${node.nodeId}: ${node.lines.length} lines`);
    }
  });

  test('the frame holds the six activities and the lines between them, demand and value stay outside, all inside the picture', () => {
    const { frame } = layout;
    const inside = (box: Box, outer: Box) => box.x >= outer.x && box.y >= outer.y && box.x + box.width <= outer.x + outer.width && box.y + box.height <= outer.y + outer.height;
    for (const activity of ACTIVITIES) assert.ok(inside(boxOf(activity.nodeId), frame), activity.id);
    assert.ok(!entersBox([{ x: boxOf('D').x, y: boxOf('D').y }, { x: boxOf('D').x + boxOf('D').width, y: boxOf('D').y }], frame));
    assert.ok(boxOf('VAL').x > frame.x + frame.width);
    const picture = { x: 0, y: 0, width: layout.width, height: layout.height };
    assert.ok(inside(frame, picture));
    for (const node of layout.nodes) assert.ok(inside(node.box, picture), node.nodeId);
    for (const link of layout.links) for (const point of link.points) assert.ok(inside({ ...point, width: 0, height: 0 }, picture));
  });

  test('the SVG carries the accessible title and description, node ids for the panel, and escaped text', () => {
    const svg = valueChainSvg(themedPaint(), 'chain-7');
    const { title, nodes } = valueChainFlowchart('stylesheet');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" id="chain-7" /);
    assert.ok(svg.includes(`aria-labelledby="chain-7-title" aria-describedby="chain-7-desc"`));
    assert.ok(svg.includes(`<title id="chain-7-title">${title}</title>`));
    assert.ok(svg.includes(`<desc id="chain-7-desc">${valueChainDescription().replace(/&/g, '&amp;')}</desc>`));
    assert.deepEqual(
      [...svg.matchAll(/<g class="node [^"]*" data-id="([^"]+)"/g)].map((match) => match[1]),
      nodes.map((node) => node.nodeId),
    );
    assert.ok(svg.includes('>Design &amp; Transition<'));
    assert.ok(!/&(?!amp;|lt;|gt;|quot;|#39;)/.test(svg), 'every & is escaped');
    assert.equal((svg.match(/<g[ >]/g) ?? []).length, (svg.match(/<\/g>/g) ?? []).length);
  });

  test('the SVG runs no script and loads nothing', () => {
    for (const paint of [themedPaint(), printPaint()]) {
      const svg = valueChainSvg(paint);
      assert.ok(!/<script|\son\w+=|href|url\(|@import/i.test(svg));
    }
  });

  test('themed, it follows the theme’s variables; print-safe, it is plain colours any viewer reads', () => {
    const themed = valueChainSvg(themedPaint());
    for (const activity of ACTIVITIES) {
      assert.ok(themed.includes(`var(${activityColorVariable(activity.id)}, ${activity.palette.light})`), activity.id);
    }
    for (const variable of ['--vscode-editor-foreground', '--vscode-editor-background', '--vscode-descriptionForeground', '--vscode-font-family']) {
      assert.ok(themed.includes(`var(${variable}, `), variable);
    }
    const print = valueChainSvg(printPaint());
    assert.ok(!/var\(|color-mix/.test(print));
    for (const activity of ACTIVITIES) assert.ok(print.includes(`stroke:${activity.palette.light}`), activity.id);
    assert.ok(print.includes('fill:#1f1f1f'), 'dark text');
  });

  test('its style rules apply to its own picture only, so two pictures on one page keep their own colours', () => {
    const svg = valueChainSvg(printPaint(), 'export-copy');
    const rules = /<style>([^<]*)<\/style>/.exec(svg)?.[1].split(/(?<=\})/).filter((rule) => rule.trim()) ?? [];
    assert.ok(rules.length > 0);
    for (const rule of rules) {
      for (const selector of rule.slice(0, rule.indexOf('{')).split(',')) assert.match(selector.trim(), /^#export-copy(\s|$)/, rule);
    }
  });
});
