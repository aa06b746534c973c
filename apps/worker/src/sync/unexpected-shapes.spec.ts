import { UnexpectedShapes } from './unexpected-shapes';

describe('UnexpectedShapes', () => {
  it('passes each shape once, however often and in however many runs it comes', () => {
    const shapes = new UnexpectedShapes();
    const a = 'unexpected facebook payload: expected a page of comments, got an object with error';
    const b = 'unexpected x payload: expected a DM event with an id, got an object with text';
    expect(shapes.firstSeen([a, a, b])).toEqual([a, b]);
    expect(shapes.firstSeen([b, a])).toEqual([]);
  });

  it('stays bounded: the oldest shape is forgotten first', () => {
    const shapes = new UnexpectedShapes(2);
    expect(shapes.firstSeen(['1', '2', '3'])).toEqual(['1', '2', '3']);
    expect(shapes.firstSeen(['3', '2'])).toEqual([]);
    expect(shapes.firstSeen(['1'])).toEqual(['1']);
  });
});
