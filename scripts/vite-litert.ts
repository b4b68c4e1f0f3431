/**
 * LiteRT.js loads its Emscripten glue (litert_wasm_*.js) with importScripts, which module
 * workers lack. This plugin lets the worker import that glue as an ES module instead: it appends
 * `export default ModuleFactory` to it, and workers/litert-loader.ts hands the factory over.
 */
import type { Plugin } from 'vite';

export function litertGlue(): Plugin {
  return {
    name: 'benchtab-litert-glue',
    transform(code, id) {
      if (!/@litertjs[\\/]core[\\/]wasm[\\/]litert_wasm_[a-z_]*internal\.js$/.test(id.split('?')[0]!)) return null;
      // Its UMD tail tests for CommonJS; as an ES module that branch is dead, so say so plainly.
      const esm = code.replace("typeof exports === 'object' && typeof module === 'object'", 'false');
      return { code: `${esm}\nexport default ModuleFactory;\n`, map: null };
    },
  };
}
