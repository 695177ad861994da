// Browser differences in one place (mv3-pitfalls.md): Firefox notifications are `basic` only,
// without buttons or requireInteraction.
import browser from 'webextension-polyfill';

export const isFirefox = (): boolean => typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
