/** LiteRT.js's Emscripten glue, made an ES module by scripts/vite-litert.ts. */
declare module '@litertjs/core/wasm/*.js' {
  const ModuleFactory: (module?: object) => Promise<unknown>;
  export default ModuleFactory;
}
