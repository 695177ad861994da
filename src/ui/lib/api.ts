// The extension pages talk to the background only through these typed requests.
import browser from 'webextension-polyfill';
import type { ExportFile, HistoryView, StateView, UiReplies, UiRequest } from '../../shared/ui-messages';
import type { Settings } from '../../store/settings';

export async function request<R extends UiRequest>(req: R): Promise<UiReplies[R['type']]> {
  return (await browser.runtime.sendMessage(req)) as UiReplies[R['type']];
}

export const loadState = (): Promise<StateView> => request({ type: 'ui/state' });

export const saveSettings = (settings: Settings): Promise<StateView> => request({ type: 'ui/settings', settings });

export const loadHistory = (mailbox: string): Promise<HistoryView> => request({ type: 'ui/history', mailbox });

export const exportData = (): Promise<ExportFile> => request({ type: 'ui/export' });

/** Deletes every recorded table; `settings`: the settings go back to their defaults too. */
export const resetData = (settings: boolean): Promise<StateView> => request({ type: 'ui/reset', settings });

/** A feature's own ui/* verb (registered in the background with `services.uiHandlers`). */
export async function ask<Reply>(req: { type: `ui/${string}` } & Record<string, unknown>): Promise<Reply> {
  return (await browser.runtime.sendMessage(req)) as Reply;
}
