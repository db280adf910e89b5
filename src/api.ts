import { ACTIVITIES } from './model/activities';
import { PRACTICES } from './model/practices';

/** What the extension exports from `activate`, for other extensions and for the integration tests. */
export interface SvcApi {
  readonly activityIds: readonly string[];
  readonly practiceIds: readonly string[];
  /** Time spent in `activate`, from entry to return, in milliseconds. */
  readonly activationMs: number;
}

export interface ActivationFacts {
  readonly activationMs: number;
}

export function createApi(facts: ActivationFacts): SvcApi {
  return {
    activityIds: ACTIVITIES.map((activity) => activity.id),
    practiceIds: PRACTICES.map((practice) => practice.id),
    activationMs: facts.activationMs,
  };
}
