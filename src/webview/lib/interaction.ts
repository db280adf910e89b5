/**
 * Makes diagram nodes behave like buttons: focusable, activated by click, Enter or Space, with a tooltip on
 * hover and on keyboard focus.
 */
import type { DiagramNode } from '../../model/diagrams/mermaid/mermaidText';
import type { RenderedDiagram } from './render';

let tooltip: HTMLElement | undefined;

function tooltipElement(): HTMLElement {
  if (!tooltip) {
    tooltip = document.createElement('div');
    tooltip.className = 'svc-tooltip';
    tooltip.setAttribute('role', 'tooltip');
    tooltip.id = 'svc-tooltip';
    tooltip.hidden = true;
    document.body.append(tooltip);
  }
  return tooltip;
}

function showTooltip(text: string, anchor: DOMRect, pointer?: { x: number; y: number }): void {
  const element = tooltipElement();
  element.textContent = text;
  element.hidden = false;
  const margin = 12;
  const width = element.offsetWidth;
  const height = element.offsetHeight;
  let left = pointer ? pointer.x + margin : anchor.left;
  let top = pointer ? pointer.y + margin : anchor.bottom + 6;
  if (left + width > window.innerWidth - 4) left = Math.max(4, window.innerWidth - width - 4);
  if (top + height > window.innerHeight - 4) top = Math.max(4, (pointer ? pointer.y : anchor.top) - height - margin);
  element.style.left = `${left}px`;
  element.style.top = `${top}px`;
}

export function hideTooltip(): void {
  if (tooltip) tooltip.hidden = true;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const RING_GAP = 4;

/**
 * The ring drawn around a node when it is hovered, focused or selected: a sibling right after the node, so
 * neither Mermaid's `!important` node styles nor a filter on the node (which blanks HTML labels) get in the
 * way. Made on first use, when the node is laid out and can be measured.
 */
function ensureRing(element: SVGGraphicsElement): void {
  if (element.nextElementSibling?.classList.contains('svc-ring')) return;
  const box = element.getBBox();
  const ring = document.createElementNS(SVG_NS, 'rect');
  ring.setAttribute('class', 'svc-ring');
  ring.setAttribute('x', String(box.x - RING_GAP));
  ring.setAttribute('y', String(box.y - RING_GAP));
  ring.setAttribute('width', String(box.width + 2 * RING_GAP));
  ring.setAttribute('height', String(box.height + 2 * RING_GAP));
  ring.setAttribute('rx', '6');
  const transform = element.getAttribute('transform');
  if (transform) ring.setAttribute('transform', transform);
  element.after(ring);
}

/**
 * Wires the nodes of `rendered` that `isInteractive` accepts (all by default); `onActivate` runs on click,
 * Enter and Space.
 */
export function makeNodesInteractive(
  rendered: RenderedDiagram,
  onActivate: (node: DiagramNode) => void,
  isInteractive: (node: DiagramNode) => boolean = () => true,
): void {
  for (const node of rendered.diagram.nodes) {
    const element = rendered.elements.get(node.nodeId);
    if (!element || !isInteractive(node)) continue;
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', node.label);
    element.setAttribute('aria-describedby', 'svc-tooltip');
    element.dataset.svcNode = node.nodeId;
    element.classList.add('svc-node');
    const graphics = element as SVGGraphicsElement;
    element.addEventListener('click', (event) => {
      event.stopPropagation();
      onActivate(node);
    });
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onActivate(node);
      }
    });
    element.addEventListener('mouseenter', () => ensureRing(graphics));
    element.addEventListener('mousemove', (event) => showTooltip(node.tooltip, element.getBoundingClientRect(), { x: event.clientX, y: event.clientY }));
    element.addEventListener('mouseleave', hideTooltip);
    element.addEventListener('focus', () => {
      ensureRing(graphics);
      showTooltip(node.tooltip, element.getBoundingClientRect());
    });
    element.addEventListener('blur', hideTooltip);
  }
}

/** Marks the nodes `isSelected` accepts as selected, and no others, across `diagrams`. */
export function markSelected(diagrams: readonly RenderedDiagram[], isSelected: (node: DiagramNode) => boolean): void {
  for (const rendered of diagrams) {
    for (const node of rendered.diagram.nodes) {
      const element = rendered.elements.get(node.nodeId);
      if (!element) continue;
      const selected = isSelected(node);
      element.classList.toggle('svc-node-selected', selected);
      if (selected) {
        ensureRing(element as SVGGraphicsElement);
        element.setAttribute('aria-pressed', 'true');
      } else {
        element.removeAttribute('aria-pressed');
      }
    }
  }
}
