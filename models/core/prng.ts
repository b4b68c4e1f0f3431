/**
 * Seeded pseudo-random numbers. Every tensor gets its own stream, seeded from
 * the model seed and the tensor's name, so a tensor's bytes do not depend on
 * the order in which layers are built.
 */

/** FNV-1a over the UTF-16 code units of `text`, mixed with `seed`. */
export function hashSeed(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // xorshift32 must not start from zero.
  return hash === 0 ? 0x9e3779b9 : hash;
}

/**
 * Fills `out` with uniform values in [-bound, bound) using xorshift32 (Marsaglia 2003). Returns
 * the generator's state, so a long tensor can be filled in chunks that continue one stream.
 */
export function fillUniform(out: Float32Array, state: number, bound: number, offset = 0): number {
  let x = state >>> 0 || 0x9e3779b9;
  const scale = (2 * bound) / 4294967296;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = offset + (x >>> 0) * scale - bound;
  }
  return x >>> 0;
}

/** A small stateful generator for the few places that need single draws. */
export class Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0 || 0x9e3779b9;
  }

  /** Next uint32. */
  nextUint32(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state;
  }

  /** Next integer in [0, limit). */
  nextInt(limit: number): number {
    return this.nextUint32() % limit;
  }
}
