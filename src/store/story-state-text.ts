/**
 * How a story state is stored in `stories.state` (both backends): JSON, except the
 * representative's MinHash signature and bigram set, unsigned 32-bit numbers that are most of a
 * state's bytes, which are written as base64 of their little-endian bytes (5.3 characters a
 * number instead of about 10 as decimals). A string in their place marks that encoding; states
 * stored before it (arrays of numbers) read as they always did.
 */
import type { StoryState } from '../stories/story-state.js';

const isUint32 = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

/** Base64 of the numbers as little-endian uint32, or the numbers themselves when one does not fit. */
function packUint32(values: readonly number[]): string | readonly number[] {
  if (!values.every(isUint32)) return values;
  const buf = Buffer.allocUnsafe(values.length * 4);
  values.forEach((v, i) => buf.writeUInt32LE(v, i * 4));
  return buf.toString('base64');
}

function unpackUint32(value: string | number[]): number[] {
  if (typeof value !== 'string') return value;
  const buf = Buffer.from(value, 'base64');
  const out = new Array<number>(buf.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

/** The stored text of a state. */
export function storyStateText(state: StoryState): string {
  const rep = state.representative;
  return JSON.stringify({
    ...state,
    representative: { ...rep, signature: packUint32(rep.signature), bigrams: packUint32(rep.bigrams) },
  });
}

/** The state of a stored text (either encoding). */
export function parseStoryState(text: string): StoryState {
  const state = JSON.parse(text) as StoryState;
  const rep = state.representative as StoryState['representative'] & { signature: string | number[]; bigrams: string | number[] };
  rep.signature = unpackUint32(rep.signature);
  rep.bigrams = unpackUint32(rep.bigrams);
  return state;
}
