/**
 * Where everything of the value chain picture sits, decided once, on purpose, instead of by a layout engine
 * at every opening: demand on the left, the entry activities (Plan, Improve, Engage) in one column, the others
 * (Design & Transition, Obtain/Build, Deliver & Support) in the next, value on the right. Every link of the
 * model is routed along right angles, and the many-to-many links share buses between the columns, so that no
 * line runs under a box and none crosses another: they only join.
 *
 * Pure geometry in SVG user units (the picture is drawn at 1 unit = 1 CSS pixel); `valueChainSvg.ts` draws it.
 */
import { ACTIVITIES, ACTIVITY_LINKS, DEMAND_NODE, ENTRY_ACTIVITY_IDS, VALUE_ACTIVITY_IDS, VALUE_NODE, type ActivityId } from '../../itil';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedNode {
  /** The node id the Mermaid flowchart uses (`D`, `PL`, …, `VAL`), which the panel's clicks and highlights rely on. */
  readonly nodeId: string;
  readonly kind: 'demand' | 'activity' | 'value';
  readonly activity?: ActivityId;
  readonly box: Box;
  /** The label, one entry per line. */
  readonly lines: readonly string[];
}

export interface RoutedLink {
  readonly from: string;
  readonly to: string;
  /** Drawn with an arrowhead at both ends (the seed's `<-->`). */
  readonly twoWay: boolean;
  /** From the edge of `from`'s box to the edge of `to`'s box, along horizontal and vertical segments. */
  readonly points: readonly Point[];
}

export interface Arrowhead {
  /** Where the tip touches the box. */
  readonly tip: Point;
  /** Unit vector the arrow points in. */
  readonly direction: Point;
}

export interface ValueChainLayout {
  readonly width: number;
  readonly height: number;
  /** The "Service Value Chain" frame around the six activities, with its title's baseline. */
  readonly frame: Box & { readonly title: string; readonly titleAt: Point };
  readonly nodes: readonly PlacedNode[];
  readonly links: readonly RoutedLink[];
  /** One per arrowhead drawn (links that end at the same point share it). */
  readonly arrowheads: readonly Arrowhead[];
  /** Points where three or more line directions meet, marked with a dot so a join never reads as a crossing. */
  readonly junctions: readonly Point[];
}

/** Sizes, chosen so that the longest label fits at the picture's font sizes with room to spare. */
export const ACTIVITY_SIZE = { width: 204, height: 56 } as const;
export const TERMINAL_SIZE = { width: 170, height: 60 } as const;
export const ARROW_LENGTH = 9;

const MARGIN = 16;
const ROW_PITCH = 96;
/** From a column to the bus beside it, and from the bus to the frame or the next node. */
const BUS_OFFSET = 44;
const OUTER_BUS_OFFSET = 28;
const FRAME_PADDING = 20;
const FRAME_TITLE_SPACE = 36;
/** How far below the lowest box the line from an entry activity to value runs. */
const LANE_DROP = 26;

function center(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function right(box: Box): Point {
  return { x: box.x + box.width, y: box.y + box.height / 2 };
}

function left(box: Box): Point {
  return { x: box.x, y: box.y + box.height / 2 };
}

/** Splits a long terminal label after its slash: "Demand /" over "Opportunity". */
function terminalLines(label: string): string[] {
  return label.split(/(?<= \/) /);
}

function buildLayout(): ValueChainLayout {
  const entryColumn = ACTIVITIES.filter((activity) => ENTRY_ACTIVITY_IDS.includes(activity.id));
  const otherColumn = ACTIVITIES.filter((activity) => !ENTRY_ACTIVITY_IDS.includes(activity.id));
  const rows = Math.max(entryColumn.length, otherColumn.length);

  const demandX = MARGIN;
  const demandBusX = demandX + TERMINAL_SIZE.width + OUTER_BUS_OFFSET;
  const frameX = demandBusX + OUTER_BUS_OFFSET - 10;
  const entryX = frameX + FRAME_PADDING;
  const middleBusX = entryX + ACTIVITY_SIZE.width + BUS_OFFSET;
  const otherX = middleBusX + BUS_OFFSET;
  const frameRight = otherX + ACTIVITY_SIZE.width + FRAME_PADDING;
  const valueBusX = frameRight + OUTER_BUS_OFFSET - 10;
  const valueX = valueBusX + OUTER_BUS_OFFSET;

  const frameY = MARGIN;
  const firstRowY = frameY + FRAME_TITLE_SPACE;
  const rowY = (row: number) => firstRowY + row * ROW_PITCH;
  const lowestBottom = rowY(rows - 1) + ACTIVITY_SIZE.height;
  const laneY = lowestBottom + LANE_DROP;
  const frameBottom = laneY + 18;
  const middleY = rowY((rows - 1) / 2) + ACTIVITY_SIZE.height / 2;

  const activityNode = (activity: (typeof ACTIVITIES)[number], x: number, row: number): PlacedNode => ({
    nodeId: activity.nodeId,
    kind: 'activity',
    activity: activity.id,
    box: { x, y: rowY(row), ...ACTIVITY_SIZE },
    lines: [activity.name],
  });
  const demand: PlacedNode = {
    nodeId: DEMAND_NODE.nodeId,
    kind: 'demand',
    box: { x: demandX, y: middleY - TERMINAL_SIZE.height / 2, ...TERMINAL_SIZE },
    lines: terminalLines(DEMAND_NODE.name),
  };
  const value: PlacedNode = {
    nodeId: VALUE_NODE.nodeId,
    kind: 'value',
    box: { x: valueX, y: middleY - TERMINAL_SIZE.height / 2, ...TERMINAL_SIZE },
    lines: terminalLines(VALUE_NODE.name),
  };
  // In the model's order, which is also the order of the Mermaid flowchart's nodes.
  const nodes = [
    demand,
    ...ACTIVITIES.map((activity) =>
      entryColumn.includes(activity) ? activityNode(activity, entryX, entryColumn.indexOf(activity)) : activityNode(activity, otherX, otherColumn.indexOf(activity)),
    ),
    value,
  ];
  const boxOf = (nodeId: string): Box => {
    const node = nodes.find((candidate) => candidate.nodeId === nodeId);
    if (!node) throw new Error(`The value chain picture has no node ${nodeId}`);
    return node.box;
  };
  const isEntry = (id: ActivityId) => ENTRY_ACTIVITY_IDS.includes(id);
  const nodeIdOf = (id: ActivityId) => ACTIVITIES.find((activity) => activity.id === id)?.nodeId ?? id;

  /** Right angles through `busX`: out of the side of one box, along the bus, into the side of the other. */
  const viaBus = (from: Box, to: Box, busX: number): Point[] => {
    const start = from.x < to.x ? right(from) : left(from);
    const end = from.x < to.x ? left(to) : right(to);
    return dedupe([start, { x: busX, y: start.y }, { x: busX, y: end.y }, end]);
  };

  const links: RoutedLink[] = [];
  for (const id of ENTRY_ACTIVITY_IDS) {
    links.push({ from: demand.nodeId, to: nodeIdOf(id), twoWay: false, points: viaBus(demand.box, boxOf(nodeIdOf(id)), demandBusX) });
  }
  for (const [a, b] of ACTIVITY_LINKS) {
    const from = boxOf(nodeIdOf(a));
    const to = boxOf(nodeIdOf(b));
    if (isEntry(a) !== isEntry(b)) {
      links.push({ from: nodeIdOf(a), to: nodeIdOf(b), twoWay: true, points: viaBus(from, to, middleBusX) });
    } else if (from.x === to.x && Math.abs(from.y - to.y) === ROW_PITCH) {
      // Neighbours in one column: straight across the gap between them.
      const [upper, lower] = from.y < to.y ? [from, to] : [to, from];
      const x = center(upper).x;
      const points = [{ x, y: upper.y + upper.height }, { x, y: lower.y }];
      links.push({ from: nodeIdOf(a), to: nodeIdOf(b), twoWay: true, points: from === upper ? points : points.reverse() });
    } else {
      throw new Error(`No route for the link ${a} – ${b}: only links between the columns or between neighbours in a column are laid out`);
    }
  }
  for (const id of VALUE_ACTIVITY_IDS) {
    const from = boxOf(nodeIdOf(id));
    if (!isEntry(id)) {
      links.push({ from: nodeIdOf(id), to: value.nodeId, twoWay: false, points: viaBus(from, value.box, valueBusX) });
      continue;
    }
    if (from.y + from.height !== lowestBottom) throw new Error(`Only the lowest entry activity can reach value below the other column, not ${id}`);
    // Down out of the box, under the other column, then up the value bus.
    const exit = { x: center(from).x, y: lowestBottom };
    links.push({
      from: nodeIdOf(id),
      to: value.nodeId,
      twoWay: false,
      points: [exit, { x: exit.x, y: laneY }, { x: valueBusX, y: laneY }, { x: valueBusX, y: middleY }, left(value.box)],
    });
  }

  return {
    width: valueX + TERMINAL_SIZE.width + MARGIN,
    height: frameBottom + MARGIN,
    frame: {
      x: frameX,
      y: frameY,
      width: frameRight - frameX,
      height: frameBottom - frameY,
      title: 'Service Value Chain',
      titleAt: { x: frameX + 14, y: frameY + 22 },
    },
    nodes,
    links,
    arrowheads: arrowheadsOf(links),
    junctions: junctionsOf(links),
  };
}

function dedupe(points: readonly Point[]): Point[] {
  return points.filter((point, index) => index === 0 || point.x !== points[index - 1].x || point.y !== points[index - 1].y);
}

function unit(from: Point, to: Point): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
}

function arrowheadsOf(links: readonly RoutedLink[]): Arrowhead[] {
  const heads = new Map<string, Arrowhead>();
  const add = (tip: Point, before: Point) => heads.set(`${tip.x},${tip.y}`, { tip, direction: unit(before, tip) });
  for (const { points, twoWay } of links) {
    add(points[points.length - 1], points[points.length - 2]);
    if (twoWay) add(points[0], points[1]);
  }
  return [...heads.values()];
}

function junctionsOf(links: readonly RoutedLink[]): Point[] {
  const segments = links.flatMap(({ points }) => points.slice(1).map((end, index) => [points[index], end] as const));
  const candidates = new Map(links.flatMap(({ points }) => points.map((point) => [`${point.x},${point.y}`, point] as const)));
  return [...candidates.values()].filter((point) => {
    const directions = new Set<string>();
    for (const [a, b] of segments) {
      for (const [end, other] of [
        [a, b],
        [b, a],
      ] as const) {
        if (end.x === point.x && end.y === point.y) directions.add(direction(end, other));
      }
      if (strictlyInside(point, a, b)) {
        directions.add(direction(point, a));
        directions.add(direction(point, b));
      }
    }
    return directions.size >= 3;
  });
}

function direction(from: Point, to: Point): string {
  return `${Math.sign(to.x - from.x)},${Math.sign(to.y - from.y)}`;
}

/** Whether `point` lies on the axis-parallel segment `a`–`b`, not at either end. */
function strictlyInside(point: Point, a: Point, b: Point): boolean {
  if (a.x === b.x && point.x === a.x) return point.y > Math.min(a.y, b.y) && point.y < Math.max(a.y, b.y);
  if (a.y === b.y && point.y === a.y) return point.x > Math.min(a.x, b.x) && point.x < Math.max(a.x, b.x);
  return false;
}

export const VALUE_CHAIN_LAYOUT: ValueChainLayout = buildLayout();
