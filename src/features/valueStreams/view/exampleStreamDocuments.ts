/**
 * The seed's three example value streams as read-only documents (so their steps open like files) and as indexed
 * sources for the view, parsed when first shown rather than at activation.
 */
import * as vscode from 'vscode';
import { EXAMPLE_STREAMS } from '../../../model/itil';
import { indexSource, type IndexedSource, readValueStreams } from '../../../model/valueStreams';

/** Read-only documents holding the seed's example streams, so their steps can be opened like files. */
export const EXAMPLE_SCHEME = 'svc-example-stream';

function exampleUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EXAMPLE_SCHEME, path: `/${id}.valuestream.yaml` });
}

export class ExampleStreamDocuments implements vscode.Disposable {
  private indexed: IndexedSource[] | undefined;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(EXAMPLE_SCHEME, {
    provideTextDocumentContent: (uri) => EXAMPLE_STREAMS.find((example) => exampleUri(example.id).path === uri.path)?.source ?? '',
  });

  /** The examples as sources of the view, one per example. */
  get sources(): readonly IndexedSource[] {
    this.indexed ??= EXAMPLE_STREAMS.flatMap((example) => indexSource(exampleUri(example.id).toString(), 'valuestream', example.source, readValueStreams) ?? []);
    return this.indexed;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
