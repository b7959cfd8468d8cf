import { describe, expect, it } from 'vitest';
import { parseBboxLayout } from './poppler.js';

const XHTML = `<doc>
  <page width="600.000000" height="800.000000">
    <flow><block><line>
      <word xMin="50.000000" yMin="40.000000" xMax="150.000000" yMax="65.000000">稳增长</word>
      <word xMin="160.000000" yMin="40.000000" xMax="200.000000" yMax="65.000000">R&amp;D</word>
      <word xMin="210.000000" yMin="40.000000" xMax="230.000000" yMax="65.000000"> </word>
    </line></block></flow>
  </page>
  <page width="600.000000" height="800.000000">
  </page>
</doc>`;

describe('parseBboxLayout', () => {
  it('turns words into positioned items in PDF space, entities decoded, blanks dropped', () => {
    expect(parseBboxLayout(XHTML)).toEqual([
      {
        page: 1,
        items: [
          { text: '稳增长', x: 50, y: 739, width: 100, fontSize: 20, fontName: 'poppler' },
          { text: 'R&D', x: 160, y: 739, width: 40, fontSize: 20, fontName: 'poppler' },
        ],
      },
      { page: 2, items: [] },
    ]);
  });
});
