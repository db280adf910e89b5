/** What `Mocha` (Node) and the `mocha` global of the browser build have in common. */
interface RunnableMocha {
  run(done?: (failures: number) => void): Mocha.Runner;
}

/**
 * Runs the suite and prints what the runners parse: one `FAIL <stage>: <test>: <error>` line per failure, then
 * `<stage>: N passed, N failed, N skipped`. Resolves with the failure count; a run that executed no test counts as
 * a failure, since it proves nothing.
 */
export function runAndReport(stage: string, mocha: RunnableMocha): Promise<number> {
  return new Promise((resolve) => {
    const failures: string[] = [];
    const runner = mocha.run(() => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      const ranNothing = passes === 0 && failed === 0;
      if (ranNothing) failures.push('no test ran');
      for (const failure of failures) console.log(`FAIL ${stage}: ${failure}`);
      console.log(`${stage}: ${passes} passed, ${failures.length} failed, ${pending} skipped`);
      resolve(failures.length);
    });
    runner.on('fail', (test, error: Error) => failures.push(`${test.fullTitle()}: ${String(error?.message ?? error).split('\n')[0]}`));
  });
}
