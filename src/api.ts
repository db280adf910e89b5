import { ACTIVITIES } from './model/activities';
import { PRACTICES } from './model/practices';

/** What the extension exports from `activate`, for other extensions and for the integration tests. */
export interface SvcApi {
  readonly activityIds: readonly string[];
  readonly practiceIds: readonly string[];
}

export function createApi(): SvcApi {
  return {
    activityIds: ACTIVITIES.map((activity) => activity.id),
    practiceIds: PRACTICES.map((practice) => practice.id),
  };
}
