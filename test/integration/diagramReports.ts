// What the diagram panels report, waited for: a test asks again until the panel has drawn what it expects.
import type { RenderReport } from '../../src/model/diagrams/diagramProtocol';
import { waitFor } from './util';

/** Generous: on a shared 2-core machine the workbench, the extension host and Mermaid compete for the CPU. */
export const RENDER_TIMEOUT_MS = 90_000;

/** Waits until the panel has rendered and `accept` holds, returning that report; a timeout names the last one. */
export async function settledReport<T extends RenderReport>(inspect: () => Promise<T | undefined>, accept: (report: T) => boolean, description: string): Promise<T> {
  let last: T | string | undefined;
  try {
    return await waitFor(
      async () => {
        const report = await inspect().catch((error: Error) => error.message);
        last = report;
        return typeof report === 'object' && report.renderCount > 0 && accept(report) ? report : undefined;
      },
      description,
      RENDER_TIMEOUT_MS,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last report: ${JSON.stringify(last)}`);
  }
}
