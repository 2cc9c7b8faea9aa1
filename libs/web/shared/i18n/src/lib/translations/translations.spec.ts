import { en } from './en';
import { nl } from './nl';

function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

describe('translations', () => {
  it('have the same keys in Dutch and English', () => {
    expect(leaves(en).map(([key]) => key)).toEqual(leaves(nl).map(([key]) => key));
  });

  it.each([
    ['nl', nl],
    ['en', en],
  ])('%s has no empty texts', (_lang, translation) => {
    const empty = leaves(translation).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty).toEqual([]);
  });
});
