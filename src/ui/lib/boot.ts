// Shared start-up of the extension pages: apply the user's language before the first paint.
import { mount, type Component } from 'svelte';
import { setLanguage } from '../../i18n/t';
import { readSettings } from '../../store/settings';

export async function boot(App: Component, target: HTMLElement): Promise<void> {
  const settings = await readSettings().catch(() => null);
  if (settings && settings.language !== 'auto') await setLanguage(settings.language).catch(() => undefined);
  document.documentElement.lang = settings && settings.language !== 'auto' ? settings.language : navigator.language.slice(0, 2);
  mount(App, { target });
}
