// Every planner action that asks the background (save, remove, merge, import, adopt, reminder
// time, open the web application, copy) shows its failure: nothing fails silently.
import { t } from '../../../i18n/t';
import { errorText } from '../../../ui/lib/errors';

export const trouble = $state({ text: '' });

/** Runs the action; a failure becomes the planner's alert line (undefined is returned then). */
export async function attempt<T>(run: () => Promise<T>): Promise<T | undefined> {
  trouble.text = '';
  try {
    return await run();
  } catch (e) {
    trouble.text = t('oooActionFailed', errorText(e));
    return undefined;
  }
}
