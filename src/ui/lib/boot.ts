// Shared start-up of the extension pages: paint at once, in the language the user chose last.
import { mount, type Component } from 'svelte';
import { applyLanguage, rememberedLanguage } from './language.svelte';

/** Mounts the page's App in its body: each page's index.html is only its title and its script. */
export async function boot(App: Component): Promise<void> {
  await applyLanguage(rememberedLanguage());
  mount(App, { target: document.body });
}
