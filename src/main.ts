import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { startPwa } from './lib/shell/pwa.svelte';
import { startSession } from './lib/shell/session.svelte';

const app = mount(App, { target: document.getElementById('app')! });
void startSession();
startPwa();

export default app;
