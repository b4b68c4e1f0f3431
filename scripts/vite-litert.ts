/**
 * LiteRT.js loads its Emscripten glue (litert_wasm_*.js) with importScripts, which module
 * workers lack. This plugin lets the worker import that glue as an ES module instead: it appends
 * `export default ModuleFactory` to it, and workers/litert-loader.ts hands the factory over.
 * Its Node.js-only `require`s are dropped, so the build has nothing to externalize.
 */
import type { Plugin } from 'vite';

export function litertGlue(): Plugin {
  return {
    name: 'benchtab-litert-glue',
    transform(code, id) {
      if (!/@litertjs[\\/]core[\\/]wasm[\\/]litert_wasm_[a-z_]*internal\.js$/.test(id.split('?')[0]!)) return null;
      // Its UMD tail tests for CommonJS; as an ES module that branch is dead, so say so plainly.
      // Its Node.js branches require node:fs and node:crypto, which Vite would stub with a
      // warning each build; they never run in a browser, so they require nothing here.
      const esm = code
        .replace("typeof exports === 'object' && typeof module === 'object'", 'false')
        .replace(/require\("node:(fs|crypto)"\)/g, 'null');
      return { code: `${esm}\nexport default ModuleFactory;\n`, map: null };
    },
  };
}
