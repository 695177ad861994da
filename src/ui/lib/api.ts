// The extension pages talk to the background only through ui/* verbs, each typed by the one map of
// verbs (shared/ui-verbs.ts): the request a verb takes and the reply it gives.
import browser from 'webextension-polyfill';
import { CORE_VERBS, type ExportFile, type HistoryView, type StateView } from '../../shared/ui-messages';
import { type ReplyIn, type RequestIn, readUiAnswer, type UiVerbTable, type VerbOf } from '../../shared/ui-verbs';
import type { Settings } from '../../store/settings';
import { followLanguage } from './language.svelte';
import { forgetView, keepView } from './snapshot';

/**
 * Any ui/* verb, the core's or a feature's, named with the table that declares it; rejects with a
 * UI_ERROR code when no answer to it came or its reply does not fit the verb's schema (the page
 * shows "not available", never a view read from a wrong reply).
 */
export async function ask<T extends UiVerbTable, V extends VerbOf<T>>(table: T, req: { type: V } & RequestIn<T, V>): Promise<ReplyIn<T, V>> {
  return readUiAnswer(table, req.type, await browser.runtime.sendMessage(req));
}

/** The whole state; a page painted in a language the settings no longer name switches to theirs. */
export async function loadState(): Promise<StateView> {
  const view = await ask(CORE_VERBS, { type: 'ui/state' });
  followLanguage(view.settings);
  keepView(view);
  return view;
}

export const saveSettings = (settings: Settings): Promise<StateView> => ask(CORE_VERBS, { type: 'ui/settings', settings });

export const loadHistory = (mailbox: string): Promise<HistoryView> => ask(CORE_VERBS, { type: 'ui/history', mailbox });

export const exportData = (): Promise<ExportFile> => ask(CORE_VERBS, { type: 'ui/export' });

/** Deletes every recorded table; `settings`: the settings go back to their defaults too. */
export async function resetData(settings: boolean): Promise<StateView> {
  forgetView();
  return ask(CORE_VERBS, { type: 'ui/reset', settings });
}
