// The extension pages talk to the background only through these typed requests.
import browser from 'webextension-polyfill';
import type { ExportFile, HistoryView, StateView, UiReplies, UiRequest } from '../../shared/ui-messages';
import type { Settings } from '../../store/settings';
import { followLanguage } from './language.svelte';

export async function request<R extends UiRequest>(req: R): Promise<UiReplies[R['type']]> {
  return (await browser.runtime.sendMessage(req)) as UiReplies[R['type']];
}

/** The whole state; a page painted in a language the settings no longer name switches to theirs. */
export async function loadState(): Promise<StateView> {
  const view = await request({ type: 'ui/state' });
  followLanguage(view.settings);
  return view;
}

export const saveSettings = (settings: Settings): Promise<StateView> => request({ type: 'ui/settings', settings });

export const loadHistory = (mailbox: string): Promise<HistoryView> => request({ type: 'ui/history', mailbox });

export const exportData = (): Promise<ExportFile> => request({ type: 'ui/export' });

/** Deletes every recorded table; `settings`: the settings go back to their defaults too. */
export const resetData = (settings: boolean): Promise<StateView> => request({ type: 'ui/reset', settings });

/** A feature's own ui/* verb (registered in the background with `services.uiHandlers`). */
export async function ask<Reply>(req: { type: `ui/${string}` } & Record<string, unknown>): Promise<Reply> {
  return (await browser.runtime.sendMessage(req)) as Reply;
}
