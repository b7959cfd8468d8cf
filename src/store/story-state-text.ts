/**
 * How a story state is stored (both backends). Since the 'compressed story states' step, in
 * `stories.state_br`, `state` left '': the JSON below with the bigrams as runs (see
 * {@link bigramRuns}), Brotli-compressed (packed-text.ts). Before it, in `stories.state` as JSON,
 * the representative's MinHash signature and bigram set, unsigned 32-bit numbers that are most of
 * a state's bytes, written as base64 of their little-endian bytes (5.3 characters a number
 * instead of about 10 as decimals); a string in their place marks that encoding, and states
 * stored before it (arrays of numbers) read as they always did.
 */
import type { StoryState } from '../stories/story-state.js';
import { packText, unpackText } from './packed-text.js';

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

/**
 * The bigrams as runs of text: a bigram is two UTF-16 code units in one number, and consecutive
 * bigrams of a text (kept in order of first appearance) mostly chain, the second unit of one
 * being the first of the next, so a run "abc" stands for (a,b),(b,c). Exact for any sequence of
 * unsigned 32-bit numbers (each run is at least two units; a non-chaining bigram starts a new
 * one); other numbers stay a JSON array. Two bytes or less a Han bigram before compression,
 * against 5.3 characters in base64.
 */
function bigramRuns(values: readonly number[]): string[] | readonly number[] {
  if (!values.every(isUint32)) return values;
  const runs: string[] = [];
  let run = '';
  let last = -1;
  for (const v of values) {
    const first = v >>> 16;
    const second = v & 0xffff;
    if (run !== '' && first === last) run += String.fromCharCode(second);
    else {
      if (run !== '') runs.push(run);
      run = String.fromCharCode(first, second);
    }
    last = second;
  }
  if (run !== '') runs.push(run);
  return runs;
}

function fromBigramRuns(value: (string | number)[]): number[] {
  if (!value.every((r): r is string => typeof r === 'string')) return value as number[];
  const out: number[] = [];
  for (const run of value) {
    for (let i = 1; i < run.length; i++) out.push(((run.charCodeAt(i - 1) << 16) | run.charCodeAt(i)) >>> 0);
  }
  return out;
}

/** The `state_br` of a state: its JSON, bigrams as runs, compressed. */
export function packStoryState(state: StoryState): Buffer {
  const rep = state.representative;
  return packText(
    JSON.stringify({
      ...state,
      representative: { ...rep, signature: packUint32(rep.signature), bigrams: bigramRuns(rep.bigrams) },
    }),
  );
}

/**
 * The JSON of recently read `state_br`s, by their bytes (most recent last). A story page reads
 * the same few states on every request (the story, its related cards, its facts) and the home
 * page thirty: Brotli takes ~55 µs a state, the lookup ~2 µs. The JSON is kept, not the object,
 * so every read parses a fresh state its caller may change (the clusterer does).
 */
const recentJson = new Map<string, string>();
const RECENT_STATES = 2000;

function stateJson(packed: Uint8Array): string {
  const key = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('latin1');
  const hit = recentJson.get(key);
  if (hit !== undefined) {
    recentJson.delete(key);
    recentJson.set(key, hit);
    return hit;
  }
  const json = unpackText(packed);
  recentJson.set(key, json);
  if (recentJson.size > RECENT_STATES) recentJson.delete(recentJson.keys().next().value as string);
  return json;
}

/** The state of a `state_br`. */
export function unpackStoryState(packed: Uint8Array): StoryState {
  const state = JSON.parse(stateJson(packed)) as StoryState;
  const rep = state.representative as StoryState['representative'] & { signature: string | number[]; bigrams: (string | number)[] };
  rep.signature = unpackUint32(rep.signature);
  rep.bigrams = fromBigramRuns(rep.bigrams);
  return state;
}

/** The state columns of a `stories` row: `state_br`, or `state` in rows written before it (NULL `state_br`). */
export interface StoredStoryState {
  state: string;
  state_br: Uint8Array | null;
}

/** The columns a state is written to. */
export const storedStoryState = (state: StoryState): StoredStoryState => ({ state: '', state_br: packStoryState(state) });

/** The state of a row (either column). */
export const storyStateOf = (row: StoredStoryState): StoryState =>
  row.state_br === null || row.state_br === undefined ? parseStoryState(row.state) : unpackStoryState(row.state_br);
