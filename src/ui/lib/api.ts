// The extension pages talk to the background only through ui/* verbs, each typed by the one map of
// verbs (shared/ui-verbs.ts): the request a verb takes and the reply it gives.
import browser from 'webextension-polyfill';
import type { ExportFile, HistoryView, StateView } from '../../shared/ui-messages';
import { readUiAnswer, type UiReply, type UiRequest, type UiVerb } from '../../shared/ui-verbs';
import type { Settings } from '../../store/settings';
import { followLanguage } from './language.svelte';
import { forgetView, keepView } from './snapshot';

/** Any ui/* verb, the core's or a feature's; rejects with a UI_ERROR code when no answer to it came. */
export async function ask<V extends UiVerb>(req: UiRequest<V>): Promise<UiReply<V>> {
  return readUiAnswer(req.type, await browser.runtime.sendMessage(req));
}

/** The whole state; a page painted in a language the settings no longer name switches to theirs. */
export async function loadState(): Promise<StateView> {
  const view = await ask({ type: 'ui/state' });
  followLanguage(view.settings);
  keepView(view);
  return view;
}

export const saveSettings = (settings: Settings): Promise<StateView> => ask({ type: 'ui/settings', settings });

export const loadHistory = (mailbox: string): Promise<HistoryView> => ask({ type: 'ui/history', mailbox });

export const exportData = (): Promise<ExportFile> => ask({ type: 'ui/export' });

/** Deletes every recorded table; `settings`: the settings go back to their defaults too. */
export async function resetData(settings: boolean): Promise<StateView> {
  forgetView();
  return ask({ type: 'ui/reset', settings });
}
