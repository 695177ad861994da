import '../lib/base.css';
import { boot } from '../lib/boot';
import App from './App.svelte';

void boot(App);
