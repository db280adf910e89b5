import * as vscode from 'vscode';

/**
 * A short consultant-style document for the walkthrough: it names practices, activities and concepts to
 * hover, and a few ITIL v3 names for the terminology checker to modernise.
 */
const SAMPLE_DOCUMENT = `# Service desk improvement proposal

## Where we are

Our Service Desk handles calls and e-mails, but Request Fulfilment and Incident Management share one queue.
Changes go through Change Management and a weekly Change Advisory Board.

## What we propose

1. Split the queue: incident management restores service fast, service request management handles routine requests.
2. Give service level management clear targets agreed with the customer, reported every month.
3. Feed recurring incidents into problem management and track every idea in the continual improvement register.

In value chain terms the desk lives in Engage and Deliver and Support, while the review cycle belongs to Improve.
Keep the guiding principle focus on value in mind: every step should help the user.
`;

/** Commands the getting-started walkthrough links to. */
export class Walkthrough implements vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.commands.registerCommand('svc.walkthrough.openSample', () => this.openSample());
  }

  private async openSample(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE_DOCUMENT });
    return vscode.window.showTextDocument(document);
  }

  dispose(): void {
    this.registration.dispose();
  }
}
