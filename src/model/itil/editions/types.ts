/** Facts that differ between ITIL editions; the practice records themselves are shared. */

export type EditionId = 'itil4' | 'itil5';

export interface EditionPracticeGroup {
  readonly id: string;
  readonly label: string;
  readonly practiceIds: readonly string[];
  /** Why the grouping rests on uncertain sources, when it does; shown as a "source uncertain" mark. */
  readonly uncertainty?: string;
}

export interface LifecycleStage {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  /** Why the stage's description rests on uncertain sources, when it does. */
  readonly uncertainty?: string;
}

export interface EditionData {
  readonly id: EditionId;
  readonly name: string;
  /** Year and month of release. */
  readonly released: string;
  readonly valueSystemName: string;
  readonly dimensionsName: string;
  /** Why the edition's names for the value system and the four dimensions rest on uncertain sources, when they do. */
  readonly vocabularyUncertainty?: string;
  /**
   * The exam the practices' Foundation markers (15 examinable purposes, 7 studied in detail) belong to, as their
   * labels begin: "Foundation" in ITIL 4 itself, "ITIL 4 Foundation" in an edition that has no markers of its own yet.
   */
  readonly foundationMarkers: string;
  readonly practiceGroups: readonly EditionPracticeGroup[];
  /** The product and service lifecycle of ITIL (Version 5); empty for ITIL 4. */
  readonly lifecycle: readonly LifecycleStage[];
  /** Why the lifecycle as a whole (stages, order, relation to the value chain) rests on uncertain sources. */
  readonly lifecycleUncertainty?: string;
  /** Statements in this data whose sources are secondary or disagree. */
  readonly uncertainFacts: readonly string[];
}
