/**
 * Turns the rendered diagrams into a standalone SVG file (several diagrams are stacked in one) and into PNG
 * bytes through a canvas. The background is solid (white for print-safe exports, else the editor's), so exported
 * text stays readable in any viewer.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const GAP = 24;

interface Placed {
  readonly svg: SVGSVGElement;
  readonly width: number;
  readonly height: number;
}

function measure(svg: SVGSVGElement): Placed {
  const box = svg.viewBox.baseVal;
  const width = box && box.width > 0 ? box.width : svg.getBoundingClientRect().width;
  const height = box && box.height > 0 ? box.height : svg.getBoundingClientRect().height;
  return { svg, width: Math.ceil(width), height: Math.ceil(height) };
}

/** A clean copy without the webview's interaction attributes. */
function exportCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const ring of copy.querySelectorAll('.svc-ring')) ring.remove();
  for (const element of copy.querySelectorAll('[tabindex], [role="button"]')) {
    element.removeAttribute('tabindex');
    element.removeAttribute('role');
    element.removeAttribute('aria-describedby');
    element.removeAttribute('aria-pressed');
    element.removeAttribute('data-svc-node');
    element.classList.remove('svc-node', 'svc-node-selected');
  }
  return copy;
}

/** The diagrams, top to bottom, as one SVG document on `background`. */
export function svgDocument(svgs: readonly SVGSVGElement[], background: string): { text: string; width: number; height: number } {
  const placed = svgs.map(measure);
  const width = Math.max(1, ...placed.map((item) => item.width)) + 2 * GAP;
  const height = placed.reduce((total, item) => total + item.height + GAP, GAP);
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  root.append(backdrop);
  let top = GAP;
  for (const item of placed) {
    const copy = exportCopy(item.svg);
    copy.setAttribute('x', String(GAP));
    copy.setAttribute('y', String(top));
    copy.setAttribute('width', String(item.width));
    copy.setAttribute('height', String(item.height));
    copy.style.removeProperty('max-width');
    copy.style.removeProperty('background-color');
    root.append(copy);
    top += item.height + GAP;
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width, height };
}

/** A PNG image of an SVG document produced by `svgDocument`, at `scale` times its size. */
export async function pngBlob(svg: { text: string; width: number; height: number }, scale: number): Promise<Blob> {
  const canvas = await drawOnCanvas(svg, scale);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas produced no PNG image'))), 'image/png'));
}

/** PNG bytes (base64) of an SVG document produced by `svgDocument`, at `scale` times its size. */
export async function pngBase64(svg: { text: string; width: number; height: number }, scale: number): Promise<string> {
  const dataUrl = (await drawOnCanvas(svg, scale)).toDataURL('image/png');
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

async function drawOnCanvas(svg: { text: string; width: number; height: number }, scale: number): Promise<HTMLCanvasElement> {
  const image = new Image();
  image.width = svg.width;
  image.height = svg.height;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = svg.width * scale;
  canvas.height = svg.height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This webview cannot draw on a canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, svg.width, svg.height);
  return canvas;
}
