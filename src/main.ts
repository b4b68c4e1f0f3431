import { mount } from 'svelte';
import App from './App.svelte';
import { compiledOrtWasm } from './lib/compiled-wasm.ts';
import './app.css';

// The runtime's 26.8 MB wasm is the longest wait before the first number: it starts compiling
// (streaming, while it downloads) before the app renders.
void compiledOrtWasm();
mount(App, { target: document.getElementById('app')! });
