// Shared start-up of the extension pages: apply the user's language before the first paint.
import { mount, type Component } from 'svelte';
import { readSettings } from '../../store/settings';
import { applyLanguage } from './language.svelte';

export async function boot(App: Component, target: HTMLElement): Promise<void> {
  const settings = await readSettings().catch(() => null);
  await applyLanguage(settings?.language ?? 'auto');
  mount(App, { target });
}
