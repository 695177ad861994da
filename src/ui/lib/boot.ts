// Shared start-up of the extension pages: paint at once, in the language the user chose last.
import { mount, type Component } from 'svelte';
import { applyLanguage, rememberedLanguage } from './language.svelte';

export async function boot(App: Component, target: HTMLElement): Promise<void> {
  await applyLanguage(rememberedLanguage());
  mount(App, { target });
}
