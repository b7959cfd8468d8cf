import { describe, expect, it } from 'vitest';
import { makeStory, storyHour } from '../../test/support/make-story.js';
import { packStoryState, parseStoryState, storyStateOf, storyStateText, unpackStoryState } from './story-state-text.js';

describe('story state text', () => {
  it('round-trips a state, its 32-bit numbers as base64, in a third of the decimal JSON or less', () => {
    const story = makeStory('s-a', storyHour(1), storyHour(2));
    story.representative.signature = Array.from({ length: 128 }, (_, i) => (i * 2_654_435_761) >>> 0);
    story.representative.bigrams = Array.from({ length: 500 }, (_, i) => (0x4e00 + i) * 65_536 + 0x9000 + i);
    const text = storyStateText(story);
    expect(parseStoryState(text)).toEqual(story);
    expect(text.length).toBeLessThan(JSON.stringify(story).length * 0.6);
  });

  it('keeps numbers that are not unsigned 32-bit integers as a JSON array', () => {
    const story = makeStory('s-a', null, null);
    story.representative.signature = [1, -1];
    story.representative.bigrams = [2 ** 32];
    const text = storyStateText(story);
    expect(JSON.parse(text).representative.signature).toEqual([1, -1]);
    expect(parseStoryState(text)).toEqual(story);
  });

  it('reads a state stored as plain JSON (before the encoding)', () => {
    const story = makeStory('s-a', storyHour(1), null);
    expect(parseStoryState(JSON.stringify(story))).toEqual(story);
  });

  it('packs a state with its bigrams as runs: exact for chaining and non-chaining bigrams, any code units', () => {
    const story = makeStory('s-a', storyHour(1), storyHour(2));
    story.representative.signature = Array.from({ length: 128 }, (_, i) => (i * 2_654_435_761) >>> 0);
    // A text's bigrams chain (a run), then ones that do not, a lone surrogate and a NUL unit.
    const text = '某市一季度工业增加值同比增长';
    const chained = Array.from({ length: text.length - 1 }, (_, i) => ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0);
    story.representative.bigrams = [...chained, 0x4e004e00, 0x00000001, 0xd800d800, 0xd8000041, 0xffffffff, 0];
    const packed = packStoryState(story);
    expect(unpackStoryState(packed)).toEqual(story);
    expect(storyStateOf({ state: '', state_br: packed })).toEqual(story);
    expect(storyStateOf({ state: storyStateText(story), state_br: null })).toEqual(story);
    // Numbers that are not unsigned 32-bit integers stay numbers.
    story.representative.bigrams = [2 ** 32, -1];
    expect(unpackStoryState(packStoryState(story))).toEqual(story);
  });

  it('reads the same bytes twice as two equal states, changing one leaves the other and the next read alone', () => {
    const story = makeStory('s-b', storyHour(1), storyHour(2));
    story.representative.bigrams = [0x4e2d56fd, 0x56fd7ecf];
    const packed = packStoryState(story);
    const expected = structuredClone(story);
    const first = unpackStoryState(packed);
    const second = unpackStoryState(Buffer.from(packed));
    expect(second).toEqual(first);
    first.members.pop();
    first.representative.bigrams.push(1);
    expect(second).toEqual(expected);
    expect(unpackStoryState(packed)).toEqual(expected);
  });

  it('packs the bigrams of a long text in under half the bytes of the base64 JSON', () => {
    const story = makeStory('s-a', storyHour(1), storyHour(2));
    // 2,000 distinct bigrams of a text that never repeats one: a single run.
    const units = Array.from({ length: 2001 }, (_, i) => 0x4e00 + ((i * 7919) % 20_000));
    story.representative.bigrams = [...new Set(units.slice(1).map((u, i) => ((units[i]! << 16) | u) >>> 0))];
    expect(packStoryState(story).length).toBeLessThan(storyStateText(story).length / 2);
    expect(unpackStoryState(packStoryState(story))).toEqual(story);
  });
});
