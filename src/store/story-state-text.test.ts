import { describe, expect, it } from 'vitest';
import { makeStory, storyHour } from '../../test/support/make-story.js';
import { parseStoryState, storyStateText } from './story-state-text.js';

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
});
