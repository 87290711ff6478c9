/**
 * WebRTC's voice activity detector (libfvad, BSD-3) compiled to WebAssembly by @echogarden/fvad-wasm
 * (20 KB of wasm). The package's Emscripten loader finds its .wasm beside itself through
 * `import.meta.url` and Node's `fs`, which neither a bundle nor a browser worker has, so the host
 * hands over the .wasm bytes and this module instantiates them directly: two imports, eight exports.
 * The export names are the minified ones of fvad-wasm 0.2.0 (pinned in package.json).
 */
/** The little of WebAssembly used here (the core compiles without the DOM or Node typings; every runtime it runs in has it). */
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
};
type WasmMemory = { buffer: ArrayBuffer };

export const VAD_SAMPLE_RATE = 16000;
/** 30 ms frames: the longest libfvad takes, the steadiest decisions. */
export const VAD_FRAME = 480;

interface FvadExports {
  c: WasmMemory;
  d: () => void;
  e: () => number;
  f: (bytes: number) => number;
  h: (handle: number) => void;
  i: (pointer: number) => void;
  j: (handle: number, mode: number) => number;
  k: (handle: number, rate: number) => number;
  l: (handle: number, frame: number, length: number) => number;
}

export interface VoiceDetector {
  /** Whether a frame of VAD_FRAME samples at 16 kHz holds speech. */
  isSpeech(frame: Int16Array): boolean;
  free(): void;
}

/** Mode 0–3: how readily noise is called speech (3 is the strictest); 2 keeps soft speech over a noise floor. */
export async function createVoiceDetector(wasm: Uint8Array, mode = 2): Promise<VoiceDetector> {
  let memory: WasmMemory | undefined;
  const imports = {
    a: {
      a: () => { throw new Error('fvad: assertion failed'); },
      // Growing the heap is never needed: one detector and one 960-byte frame.
      b: () => 0,
    },
  };
  const { instance } = await WebAssembly.instantiate(wasm, imports);
  const fvad = instance.exports as unknown as FvadExports;
  if (typeof fvad.l !== 'function' || !(fvad.c instanceof WebAssembly.Memory)) throw new Error('fvad.wasm: not the expected build (@echogarden/fvad-wasm 0.2.0)');
  memory = fvad.c;
  fvad.d();
  const handle = fvad.e();
  if (!handle || fvad.j(handle, mode) !== 0 || fvad.k(handle, VAD_SAMPLE_RATE) !== 0) throw new Error('fvad: cannot create a detector');
  const frame = fvad.f(VAD_FRAME * 2);
  return {
    isSpeech(samples) {
      new Int16Array(memory!.buffer, frame, VAD_FRAME).set(samples);
      return fvad.l(handle, frame, VAD_FRAME) === 1;
    },
    free() {
      fvad.i(frame);
      fvad.h(handle);
    },
  };
}
