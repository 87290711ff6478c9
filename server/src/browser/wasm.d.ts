/** A `.wasm` import in the browser bundle: its bytes (esbuild's binary loader, tools/bundle.mjs). */
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
